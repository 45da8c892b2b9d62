// How safe this device's data is: space used of the quota, and whether the
// browser granted persistent storage (without it, it may evict the data).
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/components';
import { useStorageInfo } from './use-storage-info';

const BYTES_PER_MB = 1024 * 1024;

export function StorageSection() {
  const { t, i18n } = useTranslation();
  const info = useStorageInfo();
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', {
    maximumFractionDigits: 1,
  });
  const megabytes = (bytes: number) => t('format.megabytes', { value: number.format(bytes / BYTES_PER_MB) });

  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.heading')}</h2>
      {!info && <Loading label={t('app.loading')} />}
      {info && (
        <>
          <p>
            {info.usage !== null && info.quota !== null
              ? t('storage.usage', { used: megabytes(info.usage), quota: megabytes(info.quota) })
              : t('storage.usageUnknown')}
          </p>
          <p className="storage-persisted">
            {info.persisted ? t('storage.persisted') : t('storage.notPersisted')}
          </p>
          {!info.persisted && <p className="muted">{t('storage.notPersistedHint')}</p>}
        </>
      )}
    </section>
  );
}
