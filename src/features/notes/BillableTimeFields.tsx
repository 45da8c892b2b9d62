// The note's billable time (Fachleistungsstunden): direct time with the family,
// travel time and the kilometres driven.
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/components';
import { MinutesField } from '../../ui/components/form-parts';
import type { NoteFormValues } from './note-form-schema';

export function BillableTimeFields({ form }: { form: UseFormReturn<NoteFormValues> }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  return (
    <fieldset className="fieldset">
      <legend>{t('noteForm.time')}</legend>
      <div className="field-row time-row">
        <MinutesField
          label={t('noteForm.direct')}
          registration={form.register('durationMinutes', { valueAsNumber: true })}
          error={errors.durationMinutes?.message}
        />
        <MinutesField
          label={t('noteForm.travel')}
          registration={form.register('travelMinutes', { valueAsNumber: true })}
          error={errors.travelMinutes?.message}
        />
        <TextField
          label={t('noteForm.kilometres')}
          type="number"
          inputMode="decimal"
          min={0}
          max={2000}
          step={0.1}
          registration={form.register('kilometres', { valueAsNumber: true })}
          error={errors.kilometres?.message}
        />
      </div>
    </fieldset>
  );
}
