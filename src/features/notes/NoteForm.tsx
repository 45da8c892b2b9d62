import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContactKind } from '../../shared/records';
import { CheckboxField, FormError, SelectField, TextAreaField, TextField } from '../../ui/components';
import { todayIso } from '../../ui/format';
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
  const [saveError, setSaveError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(NoteFormFields),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (fields) => {
    try {
      await onSubmit(fields);
    } catch (error) {
      setSaveError(
        t('notes.saveFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  });

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
        <SelectField
          label={t('notes.kind')}
          registration={form.register('kind')}
          error={errors.kind?.message}
        >
          {ContactKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('notes.duration')}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          step={5}
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
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('app.save')}
        </button>
      </div>
    </form>
  );
}
