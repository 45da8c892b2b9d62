// "Monatsbericht" (/bericht?monat=2026-11): direct and travel hours, kilometres
// and notes per worker and case for one month, built on the device from its notes
// (works offline). Printable (the print stylesheet hides the shell) and as CSV
// for billing.
import { lightFormat } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isReportMonth, type MonthlyReport, type ReportFigures } from '../../db/reports/monthly-report';
import { EmptyState, Loading, PageHeader, TextField } from '../../ui/components';
import { downloadText } from '../../ui/download';
import { useSession } from '../../ui/session';
import { hoursDe, kilometresDe } from './german-numbers';
import { monthlyReportCsv, monthlyReportFileName } from './report-csv';
import { useMonthlyReport } from './use-monthly-report';
import './report.css';

const MONTH_PARAM = 'monat';

export function MonthlyReportPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get(MONTH_PARAM);
  const month = isReportMonth(asked) ? asked : lightFormat(new Date(), 'yyyy-MM');
  const report = useMonthlyReport(month);
  const [year, monthNumber] = month.split('-');
  const monthLabel = `${monthNumber}/${year}`;

  return (
    <>
      <PageHeader title={t('report.title')}>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!report}
          onClick={() =>
            report &&
            downloadText(monthlyReportFileName(month), monthlyReportCsv(report), 'text/csv;charset=utf-8')
          }
        >
          {t('report.csv')}
        </button>
      </PageHeader>
      <div className="report-controls">
        <TextField
          label={t('report.month')}
          type="month"
          value={month}
          onChange={(event) => {
            if (isReportMonth(event.target.value)) setParams({ [MONTH_PARAM]: event.target.value });
          }}
        />
        <p className="muted">
          {user.role === 'lead' ? t('report.team') : t('report.own')} · {t('report.offlineNote')}
        </p>
      </div>
      {!report && <Loading label={t('app.loading')} />}
      {report && report.noteCount === 0 && <EmptyState>{t('report.empty')}</EmptyState>}
      {report && report.noteCount > 0 && (
        <ReportTable report={report} caption={t('report.caption', { month: monthLabel })} />
      )}
    </>
  );
}

/** The four figures; data-label names each on a phone, where the table stacks. */
function Figures({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  return (
    <>
      <td className="num" data-label={t('report.direct')}>
        {hoursDe(figures.directMinutes)}
      </td>
      <td className="num" data-label={t('report.travel')}>
        {hoursDe(figures.travelMinutes)}
      </td>
      <td className="num" data-label={t('report.kilometres')}>
        {kilometresDe(figures.kilometres)}
      </td>
      <td className="num" data-label={t('report.notes')}>
        {figures.noteCount}
      </td>
    </>
  );
}

function ReportTable({ report, caption }: { report: MonthlyReport; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="report-scroll">
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.worker')}</th>
            <th scope="col">{t('report.case')}</th>
            <th scope="col" className="num">
              {t('report.direct')}
            </th>
            <th scope="col" className="num">
              {t('report.travel')}
            </th>
            <th scope="col" className="num">
              {t('report.kilometres')}
            </th>
            <th scope="col" className="num">
              {t('report.notes')}
            </th>
          </tr>
        </thead>
        {report.workers.map((worker) => {
          const name = worker.workerName || t('report.unknownWorker');
          return (
            <tbody key={worker.workerId}>
              {worker.rows.map((row, index) => (
                <tr key={row.caseId}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={worker.rows.length} className="report-worker">
                      {name}
                    </th>
                  ) : null}
                  <td className="report-case">
                    {row.caseName} <span className="report-reference">{row.caseReference}</span>
                  </td>
                  <Figures figures={row} />
                </tr>
              ))}
              <tr className="report-subtotal">
                <th scope="row" colSpan={2}>
                  {t('report.subtotal', { name })}
                </th>
                <Figures figures={worker} />
              </tr>
            </tbody>
          );
        })}
        <tfoot>
          <tr className="report-total">
            <th scope="row" colSpan={2}>
              {t('report.total')}
            </th>
            <Figures figures={report} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
