// For leads on the case page: "Protokoll" (the case's audit log) and "Akte
// exportieren" (the Art. 15 export as a JSON file). Both come from the server
// and are never kept on the device, so offline they say so instead.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAuditEntry } from '../../shared/protocol';
import type { CaseRecord } from '../../shared/records';
import { Loading } from '../../ui/components';
import { downloadText } from '../../ui/download';
import { todayIso, useFormatters } from '../../ui/format';
import { sayError } from '../../ui/forms/say-message';
import { useSession, useSyncState } from '../../ui/session';

type Fetch = { state: 'idle' | 'loading' } | { state: 'failed'; message: string };

export function CaseRecords({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const { engine } = useSession();
  const { online } = useSyncState();
  const [entries, setEntries] = useState<CaseAuditEntry[] | null>(null);
  const [fetchState, setFetchState] = useState<Fetch>({ state: 'idle' });
  const [exported, setExported] = useState<string | null>(null);

  async function run(task: () => Promise<void>) {
    setFetchState({ state: 'loading' });
    setExported(null);
    try {
      await task();
      setFetchState({ state: 'idle' });
    } catch (error) {
      setFetchState({ state: 'failed', message: sayError(t, error) });
    }
  }

  const showProtocol = () =>
    run(async () => {
      setEntries(await engine.caseAudit(record.id));
    });

  const exportFile = () =>
    run(async () => {
      const data = await engine.caseExport(record.id);
      const file = `akte-${record.reference.replace(/[^\p{L}\p{N}-]+/gu, '_') || record.id}-${todayIso()}.json`;
      downloadText(file, JSON.stringify(data, null, 2), 'application/json');
      setExported(file);
    });

  return (
    <section className="card case-records" aria-labelledby="case-records-title">
      <h2 id="case-records-title">{t('caseRecords.title')}</h2>
      <p className="muted">{t('caseRecords.intro')}</p>
      {!online && (
        <p className="banner banner-warning" role="status">
          {t('caseRecords.offline')}
        </p>
      )}
      <div className="form-actions">
        {entries ? (
          <button type="button" className="button button-secondary" onClick={() => setEntries(null)}>
            {t('caseRecords.hideProtocol')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            disabled={!online || fetchState.state === 'loading'}
            onClick={() => void showProtocol()}
          >
            {t('caseRecords.protocol')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={!online || fetchState.state === 'loading'}
          onClick={() => void exportFile()}
        >
          {t('caseRecords.export')}
        </button>
      </div>
      {fetchState.state === 'loading' && <Loading label={t('caseRecords.loading')} />}
      {fetchState.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('caseRecords.failed', { message: fetchState.message })}
        </p>
      )}
      {exported && (
        <p className="muted" role="status">
          {t('caseRecords.exported', { file: exported })}
        </p>
      )}
      {entries && <Protocol entries={entries} />}
    </section>
  );
}

const KNOWN_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'pull',
  'push',
  'case_audit',
  'case_export',
  'retention_erased',
] as const;

function Protocol({ entries }: { entries: CaseAuditEntry[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const actionOf = (action: string) =>
    (KNOWN_ACTIONS as readonly string[]).includes(action)
      ? t(`caseRecords.actions.${action as (typeof KNOWN_ACTIONS)[number]}`)
      : action;
  if (entries.length === 0) return <p className="muted">{t('caseRecords.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="protocol-table">
        <caption className="visually-hidden">{t('caseRecords.protocol')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseRecords.at')}</th>
            <th scope="col">{t('caseRecords.who')}</th>
            <th scope="col">{t('caseRecords.action')}</th>
            <th scope="col">{t('caseRecords.device')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{format.dateTime(entry.at)}</td>
              <td>{entry.userName ?? t('caseRecords.unknownPerson')}</td>
              <td>{actionOf(entry.action)}</td>
              <td>{entry.deviceId ? entry.deviceId.slice(0, 8) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
