import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreConsultationRecord } from '../../shared/records';
import { FormError } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { sayError } from '../../ui/forms/say-message';
import { PartnerPicker } from './PartnerPicker';
import { usePartnerDirectory, usePreConsultationWrites } from './use-pre-consultations';

interface ReferralFormProps {
  consultation: PreConsultationRecord;
  onDone: () => void;
}

/** Closes the consultation with a referral to a partner chosen from the directory. */
export function ReferralForm({ consultation, onDone }: ReferralFormProps) {
  const { t } = useTranslation();
  const partners = usePartnerDirectory();
  const { refer } = usePreConsultationWrites();
  const [partnerId, setPartnerId] = useState<string | null>(consultation.referralPartnerId);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!partnerId) {
      setMissing(true);
      return;
    }
    setSaving(true);
    try {
      await refer(consultation.id, partnerId);
      onDone();
    } catch (error) {
      setFailure(t('referral.failed', { message: sayError(t, error) }));
      setSaving(false);
    }
  };

  const cancel = (
    <button type="button" className="button button-quiet" onClick={onDone}>
      {t('app.cancel')}
    </button>
  );

  return (
    <form onSubmit={submit} noValidate className="convert-form referral-form">
      <h3>{t('referral.title')}</h3>
      {partners?.length === 0 ? (
        <>
          <p className="muted">{t('referral.noPartners')}</p>
          <div className="form-actions">{cancel}</div>
        </>
      ) : (
        <>
          {partners && (
            <PartnerPicker
              partners={partners}
              value={partnerId}
              onChange={(id) => {
                setPartnerId(id);
                setMissing(false);
              }}
              error={missing ? t('referral.required') : undefined}
            />
          )}
          <FormError message={failure} />
          <FormActions submitLabel={t('referral.submit')} disabled={saving}>
            {cancel}
          </FormActions>
        </>
      )}
    </form>
  );
}
