// Appointments grouped under one heading per day. Each row is a link; where it
// leads (the case, or the appointment itself) is the caller's choice, and so is
// an action under a row (e.g. "Besuch dokumentieren").
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentRecord } from '../../shared/records';
import { Badge } from '../../ui/components/basics';
import { ConflictBadge } from '../../ui/components/ConflictBadge';
import { groupByDay, todayIso, useFormatters } from '../../ui/format';
import type { AgendaItem } from './use-appointments';
import './visits.css';

interface AgendaListProps {
  items: AgendaItem[];
  linkTo: (appointment: AppointmentRecord) => string;
  /** An action beside the row's link; null for none. */
  renderAction?: (appointment: AppointmentRecord, rowId: string) => ReactNode;
}

export function AgendaList({ items, linkTo, renderAction }: AgendaListProps) {
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
                <AgendaEntry item={item} to={linkTo(item.appointment)} renderAction={renderAction} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function AgendaEntry({
  item,
  to,
  renderAction,
}: {
  item: AgendaItem;
  to: string;
  renderAction: AgendaListProps['renderAction'];
}) {
  const rowId = `agenda-${item.appointment.id}`;
  const action = renderAction?.(item.appointment, rowId);
  if (!action) return <AgendaRow item={item} to={to} id={rowId} className="card" />;
  // A link cannot hold a button: the card holds both, side by side.
  return (
    <div className="card agenda-card">
      <AgendaRow item={item} to={to} id={rowId} />
      <div className="agenda-action">{action}</div>
    </div>
  );
}

function AgendaRow({
  item,
  to,
  id,
  className = '',
}: {
  item: AgendaItem;
  to: string;
  id: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const { appointment } = item;
  const cancelled = appointment.status === 'cancelled';
  return (
    <Link id={id} to={to} className={`${className} card-link agenda-row ${cancelled ? 'is-cancelled' : ''}`}>
      <span className="agenda-time">{appointment.time}</span>
      <span className="agenda-body">
        <span className="item-title">{item.familyName ?? t('appointments.unknownCase')}</span>
        <span className="item-meta">
          {t(`kind.${appointment.kind}`)} · {t('format.minutes', { count: appointment.durationMinutes })}
        </span>
        <span className="item-meta">{appointment.place || t('appointments.noPlace')}</span>
      </span>
      {cancelled && <Badge tone="muted">{t('appointments.cancelled')}</Badge>}
      {appointment.status === 'done' && <Badge tone="success">{t('today.done')}</Badge>}
      <ConflictBadge record={appointment} />
      {appointment.version === 0 && <Badge tone="pending">{t('notes.unsynced')}</Badge>}
    </Link>
  );
}
