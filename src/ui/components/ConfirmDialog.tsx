// "Really delete?" as a native modal <dialog>: the browser traps focus inside,
// closes on Escape and returns focus to the button that opened it. Rendered only
// while asking, so closed dialogs never sit in the page (or in its labels).
import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { buttonClass } from './basics';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** Also called on Escape. */
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, cancelLabel, onConfirm, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  // A layout effect: its cleanup closes the dialog while it is still in the page, so
  // the browser returns focus to the button that opened it (after removal it cannot).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // Deleting is the one step that cannot be taken back: Enter must not do it by accident.
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: the parent decides (it unmounts the dialog), so the browser need not close it first.
        event.preventDefault();
        onCancel();
      }}
      onClose={() => {
        // The browser may close it anyway (a repeated Escape cannot be held back). The
        // event comes late: a dialog open again by then (React's dev double effects) stays.
        if (!ref.current?.open) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-text">{children}</div>
      <div className="form-actions">
        <button type="button" className={buttonClass('danger')} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className={buttonClass('secondary')} onClick={onCancel} ref={cancelRef}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
