// The lead's view of a case's substitutions (Vertretungen): who covers it when,
// ending or deleting one, and granting a new one. Kept small on purpose; the
// full handover screen comes later.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubstitutionRecord } from '../../shared/records';
import { EmptyState, Loading } from '../../ui/components';
import { useRecordNames } from '../../ui/format/use-record-names';
import { SubstitutionForm } from './SubstitutionForm';
import { SubstitutionRow } from './SubstitutionRow';
import { useCaseSubstitutions } from './use-substitutions';

interface CaseSubstitutionsProps {
  caseId: string;
  assignedTo: string;
  /** The inline conflict resolver for a substitution, from the route. */
  renderConflicts?: (substitution: SubstitutionRecord) => ReactNode;
}

export function CaseSubstitutions({ caseId, assignedTo, renderConflicts }: CaseSubstitutionsProps) {
  const { t } = useTranslation();
  const substitutions = useCaseSubstitutions(caseId);
  const names = useRecordNames();

  return (
    <section className="card" aria-labelledby="substitutions-title">
      <h2 id="substitutions-title">{t('substitutions.heading')}</h2>
      {!substitutions && <Loading label={t('app.loading')} />}
      {substitutions?.length === 0 && <EmptyState>{t('substitutions.none')}</EmptyState>}
      {substitutions && substitutions.length > 0 && (
        <ul className="plain-list substitution-list">
          {substitutions.map((substitution) => (
            <li key={substitution.id}>
              <SubstitutionRow
                substitution={substitution}
                substituteName={names.member(substitution.substituteId) ?? t('values.unknownPerson')}
              />
              {renderConflicts?.(substitution)}
            </li>
          ))}
        </ul>
      )}
      <SubstitutionForm caseId={caseId} assignedTo={assignedTo} />
    </section>
  );
}
