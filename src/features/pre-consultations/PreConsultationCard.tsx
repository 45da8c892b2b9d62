import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreConsultationRecord } from '../../shared/records';
import { Badge, ConflictBadge } from '../../ui/components';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { useFormatters } from '../../ui/format';
import { ConvertToCaseForm } from './ConvertToCaseForm';
import { usePreConsultationWrites } from './use-pre-consultations';

interface PreConsultationCardProps {
  consultation: PreConsultationRecord;
  converting: boolean;
  onConvert: (converting: boolean) => void;
  /** The inline conflict resolver, from the route. */
  conflicts?: ReactNode;
}

export function PreConsultationCard({
  consultation,
  converting,
  onConvert,
  conflicts,
}: PreConsultationCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { remove } = usePreConsultationWrites();
  const headingId = `consultation-${consultation.id}`;

  return (
    <article className="card consultation" aria-labelledby={headingId}>
      <header className="note-header">
        <h2 id={headingId}>{consultation.contact}</h2>
        <span className="item-meta">{format.day(consultation.date)}</span>
        <span className="badges">
          <Badge tone={consultation.outcome === 'done' ? 'success' : 'neutral'}>
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
      </dl>
      {conflicts}
      {converting ? (
        <ConvertToCaseForm consultation={consultation} onCancel={() => onConvert(false)} />
      ) : (
        <div className="form-actions">
          {consultation.convertedCaseId ? (
            <Link className="button button-secondary" to={`/faelle/${consultation.convertedCaseId}`}>
              {t('preConsultations.openCase')}
            </Link>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => onConvert(true)}>
              {t('preConsultations.convert')}
            </button>
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
