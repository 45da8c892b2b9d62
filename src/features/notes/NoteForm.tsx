import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FormError, TextAreaField, TextField } from '../../ui/components';
import { ContactKindSelect, FormActions, MinutesField } from '../../ui/components/form-parts';
import { todayIso } from '../../ui/format';
import { useSaveError } from '../../ui/forms/use-save-error';
import { NoteFormFields, type NoteFormInput, type NoteFormOutput } from './note-form-schema';

export function emptyNote(): NoteFormInput {
  return { text: '', date: todayIso(), kind: 'home_visit', durationMinutes: 60, concern8a: false };
}

interface NoteFormProps {
  initial: NoteFormInput;
  onSubmit: (fields: NoteFormOutput) => Promise<unknown>;
}

/** A note's text and facts, validated with the shared schema; nothing is written while a field is invalid. */
export function NoteForm({ initial, onSubmit }: NoteFormProps) {
  const { t } = useTranslation();
  const { saveError, save } = useSaveError();
  const form = useForm({
    resolver: zodResolver(NoteFormFields),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit((fields) => save(() => onSubmit(fields)));

  return (
    <form onSubmit={submit} noValidate className="card form">
      <TextAreaField
        label={t('notes.text')}
        registration={form.register('text')}
        error={errors.text?.message}
        rows={8}
      />
      <div className="field-row">
        <TextField
          label={t('notes.date')}
          type="date"
          registration={form.register('date')}
          error={errors.date?.message}
        />
        <ContactKindSelect
          label={t('notes.kind')}
          registration={form.register('kind')}
          error={errors.kind?.message}
        />
        <MinutesField
          label={t('notes.duration')}
          registration={form.register('durationMinutes', { valueAsNumber: true })}
          error={errors.durationMinutes?.message}
        />
      </div>
      <CheckboxField
        label={t('notes.concern8a')}
        registration={form.register('concern8a')}
        error={errors.concern8a?.message}
      />
      <FormError message={saveError} />
      <FormActions submitLabel={t('app.save')} disabled={isSubmitting} />
    </form>
  );
}
