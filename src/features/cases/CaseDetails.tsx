import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../shared/records';
import { Badge, ConflictBadge } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { useRecordNames } from '../../ui/format/use-record-names';
import { SubstituteBadge } from './SubstituteBadge';
import { useMySubstitutions } from './use-substitute-cases';

/** The case's header: family name as the page heading, then the facts a worker needs at the door. */
export function CaseDetails({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = useRecordNames();
  const substituteUntil = useMySubstitutions().get(record.id);

  return (
    <section className="card case-details" aria-labelledby="case-title">
      <div className="page-header">
        <h1 id="case-title">{record.familyName}</h1>
        <span className="badges">
          {record.status === 'closed' && <Badge tone="muted">{t('caseStatus.closed')}</Badge>}
          <ConflictBadge record={record} />
          <SubstituteBadge until={substituteUntil} />
        </span>
      </div>
      <dl className="facts">
        <Fact label={t('fields.case.reference')}>{record.reference}</Fact>
        <Fact label={t('fields.case.clients')}>{record.clients}</Fact>
        <Fact label={t('fields.case.address')}>{record.address}</Fact>
        <Fact label={t('fields.case.phone')}>
          {record.phone && (
            <a className="touch-link" href={`tel:${record.phone.replace(/[^\d+]/g, '')}`}>
              {record.phone}
            </a>
          )}
        </Fact>
        <Fact label={t('fields.case.helpType')}>{record.helpType}</Fact>
        <Fact label={t('fields.case.startDate')}>{format.day(record.startDate)}</Fact>
        <Fact label={t('fields.case.assignedTo')}>{names.member(record.assignedTo)}</Fact>
      </dl>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
