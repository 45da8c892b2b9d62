import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PreConsultationOutcome } from '../../shared/records';
import { BackLink, PageHeader, SelectField, TextAreaField, TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { todayIso } from '../../ui/format';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { paths } from '../../ui/paths';
import { PreConsultationFormFields, type PreConsultationFormInput } from './forms';
import { PartnerPicker } from './PartnerPicker';
import { usePartnerDirectory, usePreConsultationWrites } from './use-pre-consultations';

function emptyConsultation(): PreConsultationFormInput {
  return { date: todayIso(), contact: '', concern: '', advice: '', outcome: 'done', referralPartnerId: null };
}

export function NewPreConsultationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { create } = usePreConsultationWrites();
  const form = useForm({
    resolver: useMessageResolver(PreConsultationFormFields),
    defaultValues: emptyConsultation(),
  });
  const { errors, isSubmitting } = form.formState;
  const partners = usePartnerDirectory();
  const referring = form.watch('outcome') === 'referral';
  const partnerId = form.watch('referralPartnerId') ?? null;

  const submit = form.handleSubmit(async (fields) => {
    if (fields.outcome === 'referral' && !fields.referralPartnerId) {
      form.setError('referralPartnerId', { message: t('referral.required') });
      return;
    }
    const referralPartnerId = fields.outcome === 'referral' ? fields.referralPartnerId : null;
    await create({ ...fields, referralPartnerId, convertedCaseId: null });
    navigate(paths.preConsultations, { replace: true });
  });

  return (
    <>
      <BackLink to={paths.preConsultations} label={t('app.back')} />
      <PageHeader title={t('preConsultations.newConsultation')} />
      <form onSubmit={submit} noValidate className="card form">
        <TextField
          label={t('preConsultations.date')}
          type="date"
          registration={form.register('date')}
          error={errors.date?.message}
        />
        <TextField
          label={t('preConsultations.contact')}
          registration={form.register('contact')}
          error={errors.contact?.message}
        />
        <TextAreaField
          label={t('preConsultations.concern')}
          registration={form.register('concern')}
          error={errors.concern?.message}
          rows={4}
        />
        <TextAreaField
          label={t('preConsultations.advice')}
          registration={form.register('advice')}
          error={errors.advice?.message}
          rows={4}
        />
        <SelectField
          label={t('preConsultations.outcome')}
          registration={form.register('outcome')}
          error={errors.outcome?.message}
        >
          {PreConsultationOutcome.options.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcome.${outcome}`)}
            </option>
          ))}
        </SelectField>
        {referring && partners && partners.length === 0 && (
          <p className="muted">{t('referral.noPartners')}</p>
        )}
        {referring && partners && partners.length > 0 && (
          <PartnerPicker
            partners={partners}
            value={partnerId}
            onChange={(id) => {
              form.setValue('referralPartnerId', id);
              form.clearErrors('referralPartnerId');
            }}
            error={errors.referralPartnerId?.message}
          />
        )}
        <FormActions submitLabel={t('app.save')} disabled={isSubmitting} />
      </form>
    </>
  );
}
