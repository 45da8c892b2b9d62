// A lead grants a worker of the team access to the case for a period (both days inclusive).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubstitutionFields } from '../../shared/records';
import { FormError, SelectField, TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { todayIso } from '../../ui/format';
import { useSayMessage } from '../../ui/forms/say-message';
import { useSaveError } from '../../ui/forms/use-save-error';
import { useSubstitutionWrites, useTeamWorkers } from './use-substitutions';

type FormErrors = Partial<Record<'substituteId' | 'from' | 'until', string>>;

export function SubstitutionForm({ caseId, assignedTo }: { caseId: string; assignedTo: string }) {
  const { t } = useTranslation();
  const say = useSayMessage();
  const workers = (useTeamWorkers() ?? []).filter((w) => w.id !== assignedTo);
  const { create } = useSubstitutionWrites();
  const [values, setValues] = useState({ substituteId: '', from: todayIso(), until: todayIso() });
  const [errors, setErrors] = useState<FormErrors>({});
  const { saveError, save } = useSaveError();

  function validate(): FormErrors {
    const found: FormErrors = {};
    if (!values.substituteId) found.substituteId = t('substitutions.substituteRequired');
    const parsed = SubstitutionFields.safeParse({ caseId, ...values });
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const name = issue.path[0];
      if ((name === 'from' || name === 'until') && !found[name]) found[name] = say.issue(issue);
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
    if (await save(() => create({ caseId, ...values }))) {
      setValues((current) => ({ ...current, substituteId: '' }));
    }
  }

  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  return (
    <form className="substitution-form" onSubmit={submit} noValidate>
      <SelectField
        label={t('substitutions.substitute')}
        value={values.substituteId}
        onChange={set('substituteId')}
        error={errors.substituteId}
      >
        <option value="">{t('substitutions.choose')}</option>
        {workers.map((worker) => (
          <option key={worker.id} value={worker.id}>
            {worker.displayName}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        {(['from', 'until'] as const).map((name) => (
          <TextField
            key={name}
            label={t(`substitutions.${name}`)}
            type="date"
            value={values[name]}
            onChange={set(name)}
            error={errors[name]}
          />
        ))}
      </div>
      <FormError message={saveError} />
      <FormActions submitLabel={t('substitutions.add')} variant="secondary" />
    </form>
  );
}
