// The approved hours per month from the help plan, set by a lead: a button that
// opens a one-field form, validated with the shared Hours rule.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Hours } from '../../shared/fields';
import { FormError, TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { useSayMessage } from '../../ui/forms/say-message';
import { useSaveError } from '../../ui/forms/use-save-error';
import { useSetApprovedHours } from './use-billable-time';

export function ApprovedHoursForm({ caseId, approvedHours }: { caseId: string; approvedHours: number }) {
  const { t } = useTranslation();
  const say = useSayMessage();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const setApprovedHours = useSetApprovedHours();
  const { saveError, save } = useSaveError();

  if (!open) {
    return (
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setValue(String(approvedHours));
          setError(undefined);
          setOpen(true);
        }}
      >
        {t('billing.edit')}
      </button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = Hours.safeParse(value.trim() === '' ? Number.NaN : Number(value.replace(',', '.')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue && say.issue(issue));
      return;
    }
    setError(undefined);
    if (await save(() => setApprovedHours(caseId, parsed.data))) setOpen(false);
  }

  return (
    <form className="inline-form approved-hours-form" onSubmit={submit} noValidate>
      <TextField
        label={t('billing.approved')}
        hint={t('billing.approvedHint')}
        type="number"
        inputMode="decimal"
        min={0}
        max={744}
        step={0.25}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={error}
      />
      <FormError message={saveError} />
      <FormActions submitLabel={t('billing.save')} variant="secondary">
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          {t('billing.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
