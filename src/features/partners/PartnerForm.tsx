import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PartnerFields } from '../../shared/records';
import { FormError, TextAreaField, TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { useSaveError } from '../../ui/forms/use-save-error';

interface PartnerFormProps {
  initial: PartnerFields;
  submitLabel: string;
  onSubmit: (fields: PartnerFields) => Promise<unknown>;
  /** Further buttons after the submit button, such as cancel. */
  children?: React.ReactNode;
}

export function emptyPartner(): PartnerFields {
  return { name: '', organisation: '', services: '', contact: '', district: '' };
}

/** The partner's five fields, validated by the shared schema. */
export function PartnerForm({ initial, submitLabel, onSubmit, children }: PartnerFormProps) {
  const { t } = useTranslation();
  const form = useForm<PartnerFields>({
    resolver: useMessageResolver(PartnerFields),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const { saveError, save } = useSaveError();

  const submit = form.handleSubmit((fields) => save(() => onSubmit(fields)));

  return (
    <form onSubmit={submit} noValidate className="card form">
      <TextField
        label={t('partners.name')}
        registration={form.register('name')}
        error={errors.name?.message}
        autoComplete="off"
      />
      <TextField
        label={t('partners.organisation')}
        registration={form.register('organisation')}
        error={errors.organisation?.message}
        autoComplete="off"
      />
      <TextAreaField
        label={t('partners.services')}
        registration={form.register('services')}
        error={errors.services?.message}
        rows={3}
      />
      <TextAreaField
        label={t('partners.contact')}
        hint={t('partners.contactHint')}
        registration={form.register('contact')}
        error={errors.contact?.message}
        rows={3}
      />
      <TextField
        label={t('partners.district')}
        registration={form.register('district')}
        error={errors.district?.message}
        autoComplete="off"
      />
      <FormError message={saveError} />
      <FormActions submitLabel={submitLabel} disabled={isSubmitting}>
        {children}
      </FormActions>
    </form>
  );
}
