// "Really delete?" as a native modal <dialog>: the browser traps focus inside,
// closes on Escape and returns focus to the button that opened it.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { buttonClass } from './basics';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel, onConfirm, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Deleting is the one step that cannot be taken back: Enter must not do it by accident.
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={titleId} onClose={onCancel}>
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
