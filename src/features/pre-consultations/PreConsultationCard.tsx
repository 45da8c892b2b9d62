import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreConsultationRecord } from '../../shared/records';
import { Badge, ConflictBadge } from '../../ui/components';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { ConvertToCaseForm } from './ConvertToCaseForm';
import { ReferralForm } from './ReferralForm';
import { usePreConsultationWrites } from './use-pre-consultations';

/** Which inline form a card shows. */
export type CardMode = 'convert' | 'refer' | null;

interface PreConsultationCardProps {
  consultation: PreConsultationRecord;
  /** Names of the partners in the directory, by id. */
  partnerNames: ReadonlyMap<string, string> | undefined;
  mode: CardMode;
  onMode: (mode: CardMode) => void;
  /** The inline conflict resolver, from the route. */
  conflicts?: ReactNode;
}

export function PreConsultationCard({
  consultation,
  partnerNames,
  mode,
  onMode,
  conflicts,
}: PreConsultationCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { remove } = usePreConsultationWrites();
  const headingId = `consultation-${consultation.id}`;
  const { convertedCaseId } = consultation;

  return (
    <article className="card consultation" aria-labelledby={headingId}>
      <header className="note-header">
        <h2 id={headingId}>{consultation.contact}</h2>
        <span className="item-meta">{format.day(consultation.date)}</span>
        <span className="badges">
          <Badge tone={consultation.outcome === 'help_recommended' ? 'neutral' : 'success'}>
            {t(`outcome.${consultation.outcome}`)}
          </Badge>
          <ConflictBadge record={consultation} />
          {consultation.version === 0 && <Badge tone="pending">{t('notes.unsynced')}</Badge>}
        </span>
      </header>
      <dl className="facts">
        <div className="fact">
          <dt>{t('preConsultations.concern')}</dt>
          <dd className="note-text">{consultation.concern}</dd>
        </div>
        {consultation.advice && (
          <div className="fact">
            <dt>{t('preConsultations.advice')}</dt>
            <dd className="note-text">{consultation.advice}</dd>
          </div>
        )}
        {consultation.referralPartnerId && (
          <div className="fact">
            <dt>{t('referral.referredTo')}</dt>
            <dd>
              <ReferredPartner id={consultation.referralPartnerId} names={partnerNames} />
            </dd>
          </div>
        )}
      </dl>
      {conflicts}
      {mode === 'convert' && <ConvertToCaseForm consultation={consultation} onCancel={() => onMode(null)} />}
      {mode === 'refer' && <ReferralForm consultation={consultation} onDone={() => onMode(null)} />}
      {mode === null && (
        <div className="form-actions">
          {convertedCaseId !== null ? (
            <Link className="button button-secondary" to={paths.case(convertedCaseId)}>
              {t('preConsultations.openCase')}
            </Link>
          ) : (
            <>
              <button
                type="button"
                className="button button-secondary"
                aria-describedby={headingId}
                onClick={() => onMode('convert')}
              >
                {t('preConsultations.convert')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                aria-describedby={headingId}
                onClick={() => onMode('refer')}
              >
                {consultation.referralPartnerId ? t('referral.change') : t('referral.refer')}
              </button>
            </>
          )}
          <DeleteButton
            label={t('preConsultations.delete')}
            title={t('preConsultations.deleteTitle')}
            text={t('preConsultations.deleteText', { contact: consultation.contact })}
            describedBy={headingId}
            onConfirm={() => remove(consultation.id)}
          />
        </div>
      )}
    </article>
  );
}

/** The partner's name as a link to its entry, or a note that it has left the directory. */
function ReferredPartner({ id, names }: { id: string; names: ReadonlyMap<string, string> | undefined }) {
  const { t } = useTranslation();
  if (!names) return null;
  const name = names.get(id);
  if (name === undefined) return <span className="muted">{t('referral.partnerGone')}</span>;
  return (
    <Link to={paths.partner(id)} className="touch-link">
      {name}
    </Link>
  );
}
