// A goal's title, description and status, validated with the shared schema.
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GoalFields, GoalStatus } from '../../shared/records';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { useSaveError } from '../../ui/forms/use-save-error';
import type { GoalFormValues } from './use-goals';

const GoalFormFields = GoalFields.omit({ caseId: true });

interface GoalFormProps {
  initial: GoalFormValues;
  /** A new goal starts open: no status to choose. */
  withStatus: boolean;
  onSubmit: (fields: GoalFormValues) => Promise<unknown>;
  onCancel: () => void;
}

export function GoalForm({ initial, withStatus, onSubmit, onCancel }: GoalFormProps) {
  const { t } = useTranslation();
  const { saveError, save } = useSaveError();
  const form = useForm<GoalFormValues>({
    // The form holds every field, so the schema's defaults never apply: its input is its output.
    resolver: useMessageResolver(GoalFormFields) as unknown as Resolver<GoalFormValues>,
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit((fields) => save(() => onSubmit(fields)));

  return (
    <form onSubmit={submit} noValidate className="form goal-form">
      <TextField
        label={t('goals.goal')}
        registration={form.register('title')}
        error={errors.title?.message}
      />
      <TextAreaField
        label={t('goals.description')}
        registration={form.register('description')}
        error={errors.description?.message}
        rows={3}
      />
      {withStatus && (
        <SelectField
          label={t('goals.status')}
          registration={form.register('status')}
          error={errors.status?.message}
        >
          {GoalStatus.options.map((status) => (
            <option key={status} value={status}>
              {t(`goalStatus.${status}`)}
            </option>
          ))}
        </SelectField>
      )}
      <FormError message={saveError} />
      <FormActions submitLabel={t('goals.save')} disabled={isSubmitting}>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('goals.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
