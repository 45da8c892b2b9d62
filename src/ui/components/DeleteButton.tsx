import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buttonClass, type Variant } from './basics';
import { ConfirmDialog } from './ConfirmDialog';

interface DeleteButtonProps {
  /** The button's text, e.g. "Löschen" or "Notiz löschen". */
  label: string;
  /** The question the dialog asks, e.g. "Termin löschen?". */
  title: string;
  /** What deleting means here. */
  text: string;
  /** Id of the element naming what would be deleted (lists have many "Löschen" buttons). */
  describedBy?: string;
  variant?: Variant;
  onConfirm: () => Promise<unknown> | undefined;
}

/** A delete button that asks first ("Ja, löschen" / "Abbrechen"). */
export function DeleteButton(props: DeleteButtonProps) {
  const { label, title, text, describedBy, variant = 'secondary', onConfirm } = props;
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);

  return (
    <>
      <button
        type="button"
        className={buttonClass(variant)}
        aria-describedby={describedBy}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
      {asking && (
        <ConfirmDialog
          title={title}
          confirmLabel={t('dialog.confirmDelete')}
          cancelLabel={t('dialog.cancel')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void onConfirm();
          }}
        >
          <p>{text}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
