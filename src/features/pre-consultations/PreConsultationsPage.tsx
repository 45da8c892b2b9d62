import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreConsultationRecord } from '../../shared/records';
import { ButtonLink, EmptyState, Loading, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';
import { type CardMode, PreConsultationCard } from './PreConsultationCard';
import { usePartnerDirectory, usePreConsultations } from './use-pre-consultations';

interface PreConsultationsPageProps {
  /** The inline conflict resolver for a consultation, from the route. */
  renderConflicts?: (consultation: PreConsultationRecord) => ReactNode;
}

export function PreConsultationsPage({ renderConflicts }: PreConsultationsPageProps) {
  const { t } = useTranslation();
  const consultations = usePreConsultations();
  const partners = usePartnerDirectory();
  const partnerNames = useMemo(() => partners && new Map(partners.map((p) => [p.id, p.name])), [partners]);
  /** Only one inline form (conversion or referral) at a time, so its labels stay unique on the page. */
  const [open, setOpen] = useState<{ id: string; mode: CardMode } | null>(null);

  return (
    <>
      <PageHeader title={t('preConsultations.title')}>
        <ButtonLink to={paths.newPreConsultation}>{t('preConsultations.newConsultation')}</ButtonLink>
      </PageHeader>
      <p className="muted">{t('preConsultations.intro')}</p>
      {!consultations && <Loading label={t('app.loading')} />}
      {consultations?.length === 0 && <EmptyState>{t('preConsultations.empty')}</EmptyState>}
      <ul className="plain-list card-list">
        {consultations?.map((consultation) => (
          <li key={consultation.id}>
            <PreConsultationCard
              consultation={consultation}
              partnerNames={partnerNames}
              mode={open?.id === consultation.id ? open.mode : null}
              onMode={(mode) => setOpen(mode ? { id: consultation.id, mode } : null)}
              conflicts={renderConflicts?.(consultation)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
