// /konflikte: every open conflict on this device, grouped by record, each
// resolvable right here; the record's own screen shows the same inline.
import './conflicts.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Loading, PageHeader } from '../../ui/components';
import { ConflictItems } from './ConflictItems';
import { type RecordWithConflicts, useRecordsWithConflicts } from './use-conflicts';
import { useRecordTitle } from './use-record-title';

export function ConflictsPage() {
  const { t } = useTranslation();
  const records = useRecordsWithConflicts();

  return (
    <>
      <PageHeader title={t('conflicts.title')} />
      {!records && <Loading label={t('app.loading')} />}
      {records?.length === 0 && <EmptyState>{t('conflicts.none')}</EmptyState>}
      {records && records.length > 0 && (
        <>
          <p className="muted">{t('conflicts.intro')}</p>
          {records.map((entry) => (
            <ConflictedRecordSection key={`${entry.item.entity}-${entry.item.record.id}`} entry={entry} />
          ))}
        </>
      )}
    </>
  );
}

function ConflictedRecordSection({ entry }: { entry: RecordWithConflicts }) {
  const { t } = useTranslation();
  const { title, href } = useRecordTitle()(entry.item);
  const headingId = `conflicts-${entry.item.record.id}`;

  return (
    <section className="card conflict-record" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{title}</h2>
        <Link className="button button-quiet" to={href} aria-describedby={headingId}>
          {t('conflicts.open')}
        </Link>
      </div>
      <ConflictItems views={entry.conflicts} level={3} />
    </section>
  );
}
