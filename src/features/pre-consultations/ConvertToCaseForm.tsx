import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PreConsultationRecord } from '../../shared/records';
import { TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { ConvertFormFields } from './forms';
import { usePreConsultationWrites } from './use-pre-consultations';

interface ConvertToCaseFormProps {
  consultation: PreConsultationRecord;
  onCancel: () => void;
}

/** Asks for the two things a new case cannot do without, then opens it. */
export function ConvertToCaseForm({ consultation, onCancel }: ConvertToCaseFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { convert } = usePreConsultationWrites();
  const form = useForm({
    resolver: zodResolver(ConvertFormFields),
    defaultValues: { reference: '', familyName: consultation.contact.slice(0, 200) },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (names) => {
    const created = await convert(consultation.id, names);
    navigate(`/faelle/${created.id}`);
  });

  return (
    <form onSubmit={submit} noValidate className="convert-form">
      <h3>{t('preConsultations.convertTitle')}</h3>
      <TextField
        label={t('preConsultations.reference')}
        registration={form.register('reference')}
        error={errors.reference?.message}
        autoComplete="off"
      />
      <TextField
        label={t('preConsultations.familyName')}
        registration={form.register('familyName')}
        error={errors.familyName?.message}
      />
      <FormActions submitLabel={t('preConsultations.createCase')} disabled={isSubmitting}>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
