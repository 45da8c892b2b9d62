// Start page: today's visits in time order (where to go, a route there, "Besuch
// dokumentieren"), the past visits still waiting for their note, then what comes
// up on the next days, each opening its case. A Hilfeplangespräch of the
// worker's cases shows two weeks ahead: time to write the Entwicklungsbericht.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HelpPlanDate } from '../../db/reports/help-plan-dates';
import { EmptyState, Loading, PageHeader } from '../../ui/components/basics';
import { ButtonLink } from '../../ui/components/links';
import { todayIso, tomorrowIso, useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { AgendaList } from './AgendaList';
import {
  useAgenda,
  useHelpPlansDue,
  useMinuteClock,
  useUndocumentedVisits,
  useVisitsOn,
  type VisitItem,
} from './use-appointments';
import { VisitCard } from './VisitCard';
import './visits.css';

/** `news`: what others sent the worker (composed in by the route: features do not import each other). */
export function TodayPage({ news }: { news?: ReactNode }) {
  const { t } = useTranslation();
  const now = useMinuteClock();
  const today = todayIso(now);
  const visits = useVisitsOn(today);
  const reminders = useUndocumentedVisits(now);
  const upcoming = useAgenda(tomorrowIso(now), false);
  const helpPlans = useHelpPlansDue(today);

  return (
    <>
      <PageHeader title={t('today.title')}>
        <ButtonLink to={paths.newAppointment} variant="secondary">
          {t('today.newAppointment')}
        </ButtonLink>
      </PageHeader>
      {news}
      {reminders && reminders.length > 0 && <Reminders items={reminders} />}
      {helpPlans && helpPlans.length > 0 && <HelpPlans items={helpPlans} />}
      <section aria-labelledby="today-visits" className="visit-section">
        <h2 id="today-visits">{t('today.visits')}</h2>
        {!visits && <Loading label={t('app.loading')} />}
        {visits?.length === 0 && <EmptyState>{t('today.noVisits')}</EmptyState>}
        {visits && visits.length > 0 && <VisitList items={visits} />}
      </section>
      {upcoming && upcoming.length > 0 && (
        <section aria-labelledby="today-upcoming" className="visit-section">
          <h2 id="today-upcoming">{t('today.upcoming')}</h2>
          <AgendaList items={upcoming} linkTo={(appointment) => paths.case(appointment.caseId)} />
        </section>
      )}
    </>
  );
}

function Reminders({ items }: { items: VisitItem[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="today-reminders" className="visit-section visit-reminders">
      <h2 id="today-reminders">{t('today.reminders')}</h2>
      <p className="muted">{t('today.remindersIntro', { count: items.length })}</p>
      <VisitList items={items} showDay />
    </section>
  );
}

function HelpPlans({ items }: { items: HelpPlanDate[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="today-help-plans" className="visit-section help-plan-list">
      <h2 id="today-help-plans">{t('today.helpPlans')}</h2>
      <ul className="plain-list card-list">
        {items.map((item) => (
          <li key={item.caseId}>
            <Link to={paths.case(item.caseId)} className="card card-link help-plan-card">
              <span className="item-title">{item.familyName}</span>
              <span className="item-meta">
                {t('today.helpPlanDue', { date: format.relativeDay(item.date) })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function VisitList({ items, showDay }: { items: VisitItem[]; showDay?: boolean }) {
  return (
    <ul className="plain-list card-list">
      {items.map((item) => (
        <li key={item.appointment.id}>
          <VisitCard item={item} showDay={showDay ?? false} />
        </li>
      ))}
    </ul>
  );
}
