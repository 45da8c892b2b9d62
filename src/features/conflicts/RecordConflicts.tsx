// A record's open conflicts, inline on the record itself (case page, note in the
// timeline, appointment, pre-consultation, review). Loaded only when a record
// has conflicts (see src/app/routes/LazyRecordConflicts.tsx).
import './conflicts.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictedRecord } from '../../db/repositories/conflicts';
import { ConflictItems } from './ConflictItems';
import { Heading, type HeadingLevel } from './Heading';
import { useConflictViews } from './use-conflicts';

export interface RecordConflictsProps {
  item: ConflictedRecord;
  /** Level of this section's heading; each conflict's heading is one deeper. */
  level: 2 | 3 | 4;
}

export function RecordConflicts({ item, level }: RecordConflictsProps) {
  const { t } = useTranslation();
  const views = useConflictViews(item);
  const headingId = useId();
  if (views.length === 0) return null;

  return (
    <section className="conflict-box" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {t('conflicts.recordHeading')}
      </Heading>
      <p className="muted">{t('conflicts.intro')}</p>
      <ConflictItems views={views} level={(level + 1) as HeadingLevel} />
    </section>
  );
}
