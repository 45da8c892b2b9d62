// Appointments grouped under one heading per day. Each row is a link; where it
// leads (the case, or the appointment itself) is the caller's choice.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentRecord } from '../../shared/records';
import { Badge } from '../../ui/components/basics';
import { ConflictBadge } from '../../ui/components/ConflictBadge';
import { groupByDay, todayIso, useFormatters } from '../../ui/format';
import type { AgendaItem } from './use-appointments';

interface AgendaListProps {
  items: AgendaItem[];
  linkTo: (appointment: AppointmentRecord) => string;
}

export function AgendaList({ items, linkTo }: AgendaListProps) {
  const format = useFormatters();
  const days = groupByDay(items.map((item) => ({ ...item, date: item.appointment.date })));
  const today = todayIso();

  return (
    <div className="agenda">
      {days.map((day) => (
        <section
          key={day.date}
          aria-labelledby={`day-${day.date}`}
          className={`agenda-day ${day.date === today ? 'is-today' : ''}`}
        >
          <h2 id={`day-${day.date}`}>{format.relativeDay(day.date)}</h2>
          <ul className="plain-list card-list">
            {day.items.map((item) => (
              <li key={item.appointment.id}>
                <AgendaRow item={item} to={linkTo(item.appointment)} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function AgendaRow({ item, to }: { item: AgendaItem; to: string }) {
  const { t } = useTranslation();
  const { appointment } = item;
  const cancelled = appointment.status === 'cancelled';
  return (
    <Link to={to} className={`card card-link agenda-row ${cancelled ? 'is-cancelled' : ''}`}>
      <span className="agenda-time">{appointment.time}</span>
      <span className="agenda-body">
        <span className="item-title">{item.familyName ?? t('appointments.unknownCase')}</span>
        <span className="item-meta">
          {t(`kind.${appointment.kind}`)} · {t('format.minutes', { count: appointment.durationMinutes })}
        </span>
        <span className="item-meta">{appointment.place || t('appointments.noPlace')}</span>
      </span>
      {cancelled && <Badge tone="muted">{t('appointments.cancelled')}</Badge>}
      <ConflictBadge record={appointment} />
      {appointment.version === 0 && <Badge tone="pending">{t('notes.unsynced')}</Badge>}
    </Link>
  );
}
