// Fachleistungsstunden on the case page: this month's used hours against the
// hours the help plan approves per month, as a meter with a clear over-budget
// state, and where a lead sets the approved hours (the lead's to decide; not on a closed case).
import { lightFormat } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { budgetState } from '../../db/reports/billable-time';
import type { CaseRecord } from '../../shared/records';
import { Badge, Loading } from '../../ui/components';
import { useSession } from '../../ui/session';
import { ApprovedHoursForm } from './ApprovedHoursForm';
import { useMonthUsage, useNumberFormat } from './use-billable-time';
import './billing.css';

export function BillableTime({ record, now = new Date() }: { record: CaseRecord; now?: Date }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const month = lightFormat(now, 'yyyy-MM');
  const usage = useMonthUsage(record.id, month);
  const number = useNumberFormat();
  const monthName = now.toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
    month: 'long',
    year: 'numeric',
  });
  const mayEdit = user.role === 'lead' && record.status !== 'closed';

  return (
    <section className="card billable-time" aria-labelledby="billing-title">
      <div className="section-header">
        <h2 id="billing-title">
          {t('billing.title')}{' '}
          <span className="muted billing-month">{t('billing.month', { month: monthName })}</span>
        </h2>
      </div>
      {!usage && <Loading label={t('app.loading')} />}
      {usage && (
        <Usage
          usedMinutes={usage.usedMinutes}
          approvedHours={record.approvedHoursPerMonth}
          monthName={monthName}
        />
      )}
      {usage && (
        <p className="item-meta">
          {t('billing.breakdown', {
            direct: number(usage.directMinutes / 60),
            travel: number(usage.travelMinutes / 60),
            km: number(usage.kilometres),
          })}
        </p>
      )}
      <p className="field-hint">{t('billing.assumption')}</p>
      {mayEdit && <ApprovedHoursForm caseId={record.id} approvedHours={record.approvedHoursPerMonth} />}
    </section>
  );
}

interface UsageProps {
  usedMinutes: number;
  approvedHours: number;
  monthName: string;
}

function Usage({ usedMinutes, approvedHours, monthName }: UsageProps) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const state = budgetState(usedMinutes, approvedHours);
  const used = number(usedMinutes / 60);
  if (state === 'none') {
    return (
      <>
        <p className="billing-figure">{t('billing.usedNoBudget', { used })}</p>
        <p className="muted">{t('billing.none')}</p>
      </>
    );
  }
  const approved = number(approvedHours);
  const restHours = number(Math.abs(approvedHours - usedMinutes / 60));
  const status =
    state === 'over'
      ? t('billing.over', { hours: restHours })
      : state === 'near'
        ? t('billing.near', { hours: restHours })
        : t('billing.left', { hours: restHours });

  return (
    <div className={`billing-usage is-${state}`}>
      <p className="billing-figure">{t('billing.used', { used, approved })}</p>
      <meter
        className="billing-meter"
        aria-label={t('billing.meterLabel', { month: monthName })}
        // The native meter stops at max; the text says by how much it is exceeded.
        aria-valuetext={`${t('billing.meterValue', { used, approved })}. ${status}`}
        min={0}
        max={approvedHours}
        high={approvedHours * 0.9}
        optimum={0}
        value={Math.min(usedMinutes / 60, approvedHours)}
      />
      <p className="billing-status">
        {state === 'over' ? <Badge tone="alert">{status}</Badge> : <span>{status}</span>}
      </p>
    </div>
  );
}
