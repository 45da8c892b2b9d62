import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, HouseholdMember } from '../../shared/records';
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
          {record.status === 'closed' && <Badge tone="muted">{t('caseClosure.closed')}</Badge>}
          {record.status === 'closure_requested' && (
            <Badge tone="pending">{t('caseClosure.requested')}</Badge>
          )}
          <ConflictBadge record={record} />
          <SubstituteBadge until={substituteUntil} />
        </span>
      </div>
      <dl className="facts">
        <Fact label={t('fields.case.reference')}>{record.reference}</Fact>
        <Fact label={t('fields.case.address')}>{record.address}</Fact>
        <Fact label={t('fields.case.phone')}>
          {record.phone && (
            <a className="touch-link" href={`tel:${record.phone.replace(/[^\d+]/g, '')}`}>
              {record.phone}
            </a>
          )}
        </Fact>
        <Fact label={t('fields.case.district')}>{record.district}</Fact>
        <Fact label={t('fields.case.helpKind')}>
          {t(`helpKind.${record.helpKind}`)}
          {record.helpType && <span className="muted"> ({record.helpType})</span>}
        </Fact>
        <Fact label={t('fields.case.payer')}>
          {record.payer}
          {record.payer && record.payerContact && <br />}
          {record.payerContact}
        </Fact>
        <Fact label={t('fields.case.startDate')}>{format.day(record.startDate)}</Fact>
        <Fact label={t('fields.case.nextHelpPlanDate')}>
          {record.nextHelpPlanDate && format.day(record.nextHelpPlanDate)}
        </Fact>
        <Fact label={t('fields.case.assignedTo')}>{names.member(record.assignedTo)}</Fact>
        <Fact label={t('fields.case.clients')}>{record.clients}</Fact>
      </dl>
      <Household members={record.household} />
    </section>
  );
}

function Household({ members }: { members: HouseholdMember[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (members.length === 0) return null;
  const young = members.filter((m) => m.kind === 'young_person');
  const guardians = members.filter((m) => m.kind === 'guardian');
  return (
    <div className="case-household">
      <h2 className="household-heading">{t('household.title')}</h2>
      <dl className="facts">
        {young.length > 0 && (
          <Fact label={t('household.youngPeople')}>
            <ul className="plain-list">
              {young.map((m) => (
                <li key={m.id}>
                  {m.firstName}{' '}
                  <span className="muted">
                    (
                    {[
                      t(`gender.${m.gender}`),
                      m.birthMonth && t('household.born', { month: format.month(m.birthMonth) }),
                    ]
                      .filter(Boolean)
                      .join(', ')}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {guardians.length > 0 && (
          <Fact label={t('household.guardians')}>
            <ul className="plain-list">
              {guardians.map((m) => (
                <li key={m.id}>
                  {m.name}
                  {m.contact && <span className="muted"> · {m.contact}</span>}
                </li>
              ))}
            </ul>
          </Fact>
        )}
      </dl>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (!children || (Array.isArray(children) && children.every((child) => !child))) return null;
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
