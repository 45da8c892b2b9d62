import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreConsultationRecord } from '../../shared/records';
import { Badge } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { ConvertToCaseForm } from './ConvertToCaseForm';

interface PreConsultationCardProps {
  consultation: PreConsultationRecord;
  converting: boolean;
  onConvert: (converting: boolean) => void;
}

export function PreConsultationCard({ consultation, converting, onConvert }: PreConsultationCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();

  return (
    <article className="card consultation">
      <header className="note-header">
        <h2>{consultation.contact}</h2>
        <span className="item-meta">{format.day(consultation.date)}</span>
        <span className="badges">
          <Badge tone={consultation.outcome === 'done' ? 'success' : 'neutral'}>
            {t(`outcome.${consultation.outcome}`)}
          </Badge>
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
      {consultation.convertedCaseId ? (
        <Link className="button button-secondary" to={`/faelle/${consultation.convertedCaseId}`}>
          {t('preConsultations.openCase')}
        </Link>
      ) : converting ? (
        <ConvertToCaseForm consultation={consultation} onCancel={() => onConvert(false)} />
      ) : (
        <button type="button" className="button button-secondary" onClick={() => onConvert(true)}>
          {t('preConsultations.convert')}
        </button>
      )}
    </article>
  );
}
