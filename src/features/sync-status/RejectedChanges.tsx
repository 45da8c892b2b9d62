import { useTranslation } from 'react-i18next';
import { EmptyState, Loading } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { useRejectedChanges } from './use-rejected-changes';

export function RejectedChanges() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { entries, dismiss } = useRejectedChanges();

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
                <p className="item-title">
                  {t(`sync.entity.${entry.entity}`)} {t(`sync.op.${entry.op}`)}
                </p>
                <p className="field-error">{entry.rejection?.message}</p>
                {entry.rejection && (
                  <p className="muted">
                    {t('sync.rejectedAt', { date: format.dateTime(entry.rejection.at) })}
                  </p>
                )}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => void dismiss(entry.id)}
                >
                  {t('sync.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
