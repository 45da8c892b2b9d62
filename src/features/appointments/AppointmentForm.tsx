import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError, SelectField, TextField } from '../../ui/components';
import { ContactKindSelect, FormActions, MinutesField } from '../../ui/components/form-parts';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { useSaveError } from '../../ui/forms/use-save-error';
import {
  AppointmentFormFields,
  type AppointmentFormInput,
  type AppointmentFormOutput,
} from './appointment-form-schema';
import { useCaseChoices } from './use-appointments';

interface AppointmentFormProps {
  initial: AppointmentFormInput;
  onSubmit: (fields: AppointmentFormOutput) => Promise<unknown>;
  /** A closed or foreign case the appointment already belongs to, so the select can still show it. */
  extraCase?: { id: string; familyName: string } | undefined;
}

export function AppointmentForm({ initial, onSubmit, extraCase }: AppointmentFormProps) {
  const { t } = useTranslation();
  const cases = useCaseChoices();
  const { saveError, save } = useSaveError();
  const form = useForm({ resolver: useMessageResolver(AppointmentFormFields), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const choices = (cases ?? []).map(({ id, familyName, reference }) => ({ id, familyName, reference }));
  if (extraCase && !choices.some((c) => c.id === extraCase.id))
    choices.unshift({ ...extraCase, reference: '' });

  const submit = form.handleSubmit((fields) => save(() => onSubmit(fields)));

  return (
    <form onSubmit={submit} noValidate className="card form">
      <div className="field-row">
        <TextField
          label={t('appointments.date')}
          type="date"
          registration={form.register('date')}
          error={errors.date?.message}
        />
        <TextField
          label={t('appointments.time')}
          type="time"
          registration={form.register('time')}
          error={errors.time?.message}
        />
        <MinutesField
          label={t('appointments.duration')}
          registration={form.register('durationMinutes', { valueAsNumber: true })}
          error={errors.durationMinutes?.message}
        />
      </div>
      <SelectField
        label={t('appointments.case')}
        registration={form.register('caseId')}
        error={errors.caseId ? t('appointments.caseRequired') : undefined}
      >
        <option value="">{t('appointments.chooseCase')}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.reference ? `${c.familyName} (${c.reference})` : c.familyName}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('appointments.place')}
        registration={form.register('place')}
        error={errors.place?.message}
        autoComplete="street-address"
      />
      <ContactKindSelect
        label={t('appointments.kind')}
        registration={form.register('kind')}
        error={errors.kind?.message}
      />
      <FormError message={saveError} />
      <FormActions submitLabel={t('app.save')} disabled={isSubmitting} />
    </form>
  );
}
