// "Auslastung" (leads): per worker the open cases, this week's appointments,
// hours used against approved this month, notes waiting for review, and per
// device the oldest change not yet synced, and the overdue Hilfeplangespräche. Figures come from the local database
// (src/db/reports/caseload.ts); the devices from the server, or its last answer offline.
import { lightFormat } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DeviceSnapshot, devicesOf, type WorkerLoad, weekOf } from '../../db/reports/caseload';
import type { DeviceStatus } from '../../shared/protocol';
import { Badge, EmptyState, Loading, PageHeader } from '../../ui/components';
import { todayIso, useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { type DeviceFetch, useCaseload, useTeamDevices } from './use-caseload';
import './caseload.css';

const hours = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toLocaleString('de-DE');

export function CaseloadPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const now = new Date();
  const rows = useCaseload(todayIso(now));
  const devices = useTeamDevices();
  const week = weekOf(now);
  const month = lightFormat(now, 'MM/yyyy');

  return (
    <>
      <PageHeader title={t('caseload.title')}>
        <button
          type="button"
          className="button button-secondary"
          disabled={!devices.online || devices.fetchState.state === 'loading'}
          onClick={() => void devices.refresh()}
        >
          {t('caseload.refresh')}
        </button>
      </PageHeader>
      <p className="muted">
        {t('caseload.intro')} {t('caseload.visitsThisWeek')}:{' '}
        {t('caseload.week', { from: format.day(week.from), to: format.day(week.to) })}
      </p>
      <DevicesNotice snapshot={devices.snapshot} online={devices.online} fetchState={devices.fetchState} />
      {!rows && <Loading label={t('app.loading')} />}
      {rows?.length === 0 && <EmptyState>{t('caseload.empty')}</EmptyState>}
      <ul className="plain-list caseload-list">
        {rows?.map((row) => (
          <li key={row.member.id}>
            <WorkerCard
              row={row}
              month={month}
              devices={devicesOf(devices.snapshot ?? null, row.member.id)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function DevicesNotice({
  snapshot,
  online,
  fetchState,
}: {
  snapshot: DeviceSnapshot | null | undefined;
  online: boolean;
  fetchState: DeviceFetch;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const at = snapshot ? format.dateTime(snapshot.fetchedAt) : null;
  if (!online) {
    return (
      <p className="banner banner-warning" role="status">
        {at ? t('caseload.devicesOffline', { date: at }) : t('caseload.devicesOfflineNever')}
      </p>
    );
  }
  if (fetchState.state === 'failed') {
    return (
      <p className="banner banner-warning" role="status">
        {t('caseload.devicesFailed', { message: fetchState.message, date: at ?? '–' })}
      </p>
    );
  }
  return at ? <p className="muted">{t('caseload.devicesFetchedAt', { date: at })}</p> : null;
}

function WorkerCard({ row, month, devices }: { row: WorkerLoad; month: string; devices: DeviceStatus[] }) {
  const { t } = useTranslation();
  const usedHours = row.usedMinutes / 60;
  const over = row.approvedHours > 0 && usedHours > row.approvedHours;
  const share = row.approvedHours > 0 ? Math.min(1, usedHours / row.approvedHours) : 0;
  const titleId = `caseload-${row.member.id}`;
  return (
    <article className="card caseload-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{row.member.displayName}</h2>
      <dl className="caseload-figures">
        <div>
          <dt>{t('caseload.openCases')}</dt>
          <dd>{row.openCases}</dd>
        </div>
        <div>
          <dt>{t('caseload.visitsThisWeek')}</dt>
          <dd>{row.visitsThisWeek}</dd>
        </div>
        <div>
          <dt>{t('caseload.waitingForReview')}</dt>
          <dd>{row.waitingForReview}</dd>
        </div>
        <div className="caseload-hours">
          <dt>{t('caseload.hours', { month })}</dt>
          <dd>
            {row.approvedHours > 0
              ? t('caseload.hoursUsed', {
                  used: hours(row.usedMinutes),
                  approved: row.approvedHours.toLocaleString('de-DE'),
                })
              : t('caseload.hoursNoApproval', { used: hours(row.usedMinutes) })}
            {over && <Badge tone="alert">{t('caseload.overApproved')}</Badge>}
            {row.approvedHours > 0 && (
              <span className={`caseload-meter ${over ? 'is-over' : ''}`} aria-hidden="true">
                <span style={{ width: `${share * 100}%` }} />
              </span>
            )}
          </dd>
        </div>
      </dl>
      <OverdueHelpPlans row={row} />
      <DeviceList devices={devices} />
    </article>
  );
}

function OverdueHelpPlans({ row }: { row: WorkerLoad }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const overdue = row.overdueHelpPlans;
  return (
    <div className={`caseload-help-plans ${overdue.length > 0 ? 'has-overdue' : ''}`}>
      <h3>
        {t('helpPlan.overdue')}: {overdue.length === 0 ? t('helpPlan.noneOverdue') : overdue.length}
      </h3>
      {overdue.length > 0 && (
        <ul className="plain-list">
          {overdue.map((item) => (
            <li key={item.caseId}>
              <Link className="touch-link" to={paths.case(item.caseId)}>
                {t('helpPlan.overdueItem', { name: item.familyName, date: format.day(item.date) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DeviceList({ devices }: { devices: DeviceStatus[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="caseload-devices">
      <h3>{t('caseload.devices')}</h3>
      {devices.length === 0 ? (
        <p className="muted">{t('caseload.noDevices')}</p>
      ) : (
        <ul className="plain-list">
          {devices.map((d) => {
            const device = d.deviceId.slice(0, 8);
            return (
              <li key={d.deviceId} className={d.oldestPendingAt ? 'has-pending' : ''}>
                {d.oldestPendingAt
                  ? t('caseload.devicePending', {
                      device,
                      count: d.pendingCount,
                      date: format.dateTime(d.oldestPendingAt),
                    })
                  : t('caseload.deviceSynced', { device })}
                <span className="muted">
                  {' '}
                  · {t('caseload.deviceSeen', { date: format.dateTime(d.lastSeenAt) })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
