import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreConsultationRecord } from '../../shared/records';
import { ButtonLink, EmptyState, Loading, PageHeader } from '../../ui/components';
import { PreConsultationCard } from './PreConsultationCard';
import { usePreConsultations } from './use-pre-consultations';

interface PreConsultationsPageProps {
  /** The inline conflict resolver for a consultation, from the route. */
  renderConflicts?: (consultation: PreConsultationRecord) => ReactNode;
}

export function PreConsultationsPage({ renderConflicts }: PreConsultationsPageProps) {
  const { t } = useTranslation();
  const consultations = usePreConsultations();
  /** Only one conversion form at a time, so its labels stay unique on the page. */
  const [convertingId, setConvertingId] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('preConsultations.title')}>
        <ButtonLink to="/fall-im-feld/neu">{t('preConsultations.newConsultation')}</ButtonLink>
      </PageHeader>
      <p className="muted">{t('preConsultations.intro')}</p>
      {!consultations && <Loading label={t('app.loading')} />}
      {consultations?.length === 0 && <EmptyState>{t('preConsultations.empty')}</EmptyState>}
      <ul className="plain-list card-list">
        {consultations?.map((consultation) => (
          <li key={consultation.id}>
            <PreConsultationCard
              consultation={consultation}
              converting={convertingId === consultation.id}
              onConvert={(on) => setConvertingId(on ? consultation.id : null)}
              conflicts={renderConflicts?.(consultation)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
