// One visit on Heute: when, which family, where (with a one-tap route to the
// address in the phone's maps app), and "Besuch dokumentieren" until a note
// documents it.
import { lightFormat } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { appointmentEnd } from '../../db/repositories/appointments';
import { Badge } from '../../ui/components/basics';
import { ConflictBadge } from '../../ui/components/ConflictBadge';
import { ButtonLink } from '../../ui/components/links';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { routeUrlHere } from './route-link';
import type { VisitItem } from './use-appointments';

interface VisitCardProps {
  item: VisitItem;
  /** Reminders of past days name the day too. */
  showDay?: boolean;
}

export function VisitCard({ item, showDay = false }: VisitCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { appointment, address, noteId } = item;
  const headingId = `visit-${appointment.id}`;
  const when = showDay
    ? t('today.dayAndTime', { day: format.day(appointment.date), time: appointment.time })
    : t('today.timeRange', { from: appointment.time, to: lightFormat(appointmentEnd(appointment), 'HH:mm') });

  return (
    <article className="card visit-card" aria-labelledby={headingId}>
      <header className="visit-header">
        <p className="visit-time">{when}</p>
        <h3 id={headingId} className="item-title">
          <Link to={paths.case(appointment.caseId)}>{item.familyName ?? t('appointments.unknownCase')}</Link>
        </h3>
        <span className="badges">
          {noteId && <Badge tone="success">{t('today.documented')}</Badge>}
          {!noteId && appointment.status === 'done' && <Badge tone="success">{t('today.done')}</Badge>}
          <ConflictBadge record={appointment} />
          {appointment.version === 0 && <Badge tone="pending">{t('notes.unsynced')}</Badge>}
        </span>
      </header>
      <p className="item-meta">
        {t(`kind.${appointment.kind}`)} · {t('format.minutes', { count: appointment.durationMinutes })}
      </p>
      <p className="visit-address">{address || <span className="muted">{t('today.noAddress')}</span>}</p>
      <div className="visit-actions">
        {address && (
          <a
            className="button button-secondary"
            href={routeUrlHere(address)}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('today.route')}
            <span className="visually-hidden"> {t('today.routeTo', { address })}</span>
          </a>
        )}
        {!noteId && (
          <ButtonLink to={paths.visitNote(appointment.id)} aria-describedby={headingId}>
            {t('today.document')}
          </ButtonLink>
        )}
      </div>
    </article>
  );
}
