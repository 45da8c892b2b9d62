import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { HelpKind, type PreConsultationRecord } from '../../shared/records';
import { FormError, SelectField, TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { useSaveError } from '../../ui/forms/use-save-error';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { ConvertFormFields, type ConvertFormInput, type ConvertFormValues } from './forms';
import { usePreConsultationWrites } from './use-pre-consultations';

interface ConvertToCaseFormProps {
  consultation: PreConsultationRecord;
  onCancel: () => void;
}

/** The case's known facts, the contact carried over as family name; then the new case opens. */
export function ConvertToCaseForm({ consultation, onCancel }: ConvertToCaseFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const { convert } = usePreConsultationWrites();
  const { saveError, save } = useSaveError();
  const form = useForm<ConvertFormInput, unknown, ConvertFormValues>({
    resolver: useMessageResolver(ConvertFormFields),
    defaultValues: {
      reference: '',
      familyName: consultation.contact.slice(0, 200),
      clients: '',
      address: '',
      phone: '',
      helpType: '',
      district: '',
      helpKind: 'other',
      approvedHoursPerMonth: 0,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (fields) => {
    let caseId = '';
    const saved = await save(async () => {
      caseId = (await convert(consultation.id, fields)).id;
    });
    if (saved) navigate(paths.case(caseId));
  });

  return (
    <form onSubmit={submit} noValidate className="convert-form">
      <h3>{t('preConsultations.convertTitle')}</h3>
      <p className="muted">{t('convertCase.carriedOver')}</p>
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
      <TextField
        label={t('fields.case.clients')}
        registration={form.register('clients')}
        error={errors.clients?.message}
        autoComplete="off"
      />
      <TextField
        label={t('fields.case.address')}
        registration={form.register('address')}
        error={errors.address?.message}
        autoComplete="off"
      />
      <TextField
        label={t('fields.case.phone')}
        type="tel"
        registration={form.register('phone')}
        error={errors.phone?.message}
        autoComplete="off"
      />
      <SelectField
        label={t('caseForm.district')}
        hint={user.districts.length === 0 ? t('caseForm.noDistrictsHint') : undefined}
        registration={form.register('district')}
        error={errors.district?.message}
      >
        <option value="">{t('caseForm.noDistrict')}</option>
        {user.districts.map((district) => (
          <option key={district} value={district}>
            {district}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('caseForm.helpKind')}
        registration={form.register('helpKind')}
        error={errors.helpKind?.message}
      >
        {HelpKind.options.map((kind) => (
          <option key={kind} value={kind}>
            {t(`helpKind.${kind}`)}
          </option>
        ))}
      </SelectField>
      {user.role === 'lead' && (
        <TextField
          label={t('convertCase.approvedHours')}
          hint={t('convertCase.approvedHoursHint')}
          type="number"
          inputMode="decimal"
          min={0}
          max={744}
          step={0.25}
          registration={form.register('approvedHoursPerMonth', { valueAsNumber: true })}
          error={errors.approvedHoursPerMonth?.message}
        />
      )}
      <FormError message={saveError} />
      <FormActions submitLabel={t('preConsultations.createCase')} disabled={isSubmitting}>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
