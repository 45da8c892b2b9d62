import { useTranslation } from 'react-i18next';
import { EmptyState, Loading } from '../../ui/components';
import { useFieldFormatter } from '../../ui/format/field-values';
import { useRecordNames } from '../../ui/format/use-record-names';
import { RejectedChangeItem } from './RejectedChangeItem';
import { useRejectedChanges } from './use-rejected-changes';

export function RejectedChanges() {
  const { t } = useTranslation();
  const { entries, dismiss } = useRejectedChanges();
  const names = useRecordNames();
  const fields = useFieldFormatter(names);

  return (
    <section className="card" aria-labelledby="rejected-title">
      <h2 id="rejected-title">{t('sync.rejectedHeading')}</h2>
      {!entries && <Loading label={t('app.loading')} />}
      {entries?.length === 0 && <EmptyState>{t('sync.rejectedNone')}</EmptyState>}
      {entries && entries.length > 0 && (
        <>
          <p className="muted">{t('sync.rejectedExplain')}</p>
          <ul className="plain-list">
            {entries.map((entry) => (
              <li key={entry.id} className="rejected-item">
                <RejectedChangeItem
                  entry={entry}
                  names={names}
                  fields={fields}
                  onDismiss={() => void dismiss(entry.id)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
