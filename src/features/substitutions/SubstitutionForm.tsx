// A lead grants a worker of the team access to the case for a period (both days inclusive).
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubstitutionFields } from '../../shared/records';
import { FormError } from '../../ui/components';
import { todayIso } from '../../ui/format';
import { useSubstitutionWrites, useTeamWorkers } from './use-substitutions';

type FormErrors = Partial<Record<'substituteId' | 'from' | 'until', string>>;

export function SubstitutionForm({ caseId, assignedTo }: { caseId: string; assignedTo: string }) {
  const { t } = useTranslation();
  const workers = (useTeamWorkers() ?? []).filter((w) => w.id !== assignedTo);
  const { create } = useSubstitutionWrites();
  const [values, setValues] = useState({ substituteId: '', from: todayIso(), until: todayIso() });
  const [errors, setErrors] = useState<FormErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);

  function validate(): FormErrors {
    const found: FormErrors = {};
    if (!values.substituteId) found.substituteId = t('substitutions.substituteRequired');
    const parsed = SubstitutionFields.safeParse({ caseId, ...values });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const name = issue.path[0];
      if ((name === 'from' || name === 'until') && !found[name]) found[name] = issue.message;
    }
    if (!found.from && !found.until && values.until < values.from) {
      found.until = t('substitutions.untilBeforeFrom');
    }
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await create({ caseId, ...values });
      setValues((current) => ({ ...current, substituteId: '' }));
      setSaveError(null);
    } catch (failure) {
      setSaveError(
        t('notes.saveFailed', { message: failure instanceof Error ? failure.message : String(failure) }),
      );
    }
  }

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  return (
    <form className="substitution-form" onSubmit={submit} noValidate>
      <Field id="substitute" label={t('substitutions.substitute')} error={errors.substituteId}>
        <select
          id="substitute"
          value={values.substituteId}
          onChange={set('substituteId')}
          aria-invalid={errors.substituteId ? true : undefined}
          aria-describedby={errors.substituteId ? 'substitute-error' : undefined}
        >
          <option value="">{t('substitutions.choose')}</option>
          {workers.map((worker) => (
            <option key={worker.id} value={worker.id}>
              {worker.displayName}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field id="substitution-from" label={t('substitutions.from')} error={errors.from}>
          <input
            id="substitution-from"
            type="date"
            value={values.from}
            onChange={set('from')}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? 'substitution-from-error' : undefined}
          />
        </Field>
        <Field id="substitution-until" label={t('substitutions.until')} error={errors.until}>
          <input
            id="substitution-until"
            type="date"
            value={values.until}
            onChange={set('until')}
            aria-invalid={errors.until ? true : undefined}
            aria-describedby={errors.until ? 'substitution-until-error' : undefined}
          />
        </Field>
      </div>
      <FormError message={saveError} />
      <div className="form-actions">
        <button type="submit" className="button button-secondary">
          {t('substitutions.add')}
        </button>
      </div>
    </form>
  );
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
