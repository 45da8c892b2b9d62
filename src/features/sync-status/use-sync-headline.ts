// Turns the engine's state into the one or two short lines the header shows.
// "Offline" and the pending count are separate lines so each reads on its own.
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../sync';
import type { Formatters } from '../../ui/format';

export interface SyncHeadline {
  lines: string[];
  tone: 'ok' | 'pending' | 'offline' | 'problem';
}

export function useSyncHeadline(state: SyncState, formatters: Formatters): SyncHeadline {
  const { t } = useTranslation();
  const pending = state.pendingCount > 0 ? [t('sync.pending', { count: state.pendingCount })] : [];

  if (state.phase === 'offline' || !state.online) {
    return { lines: [t('sync.offline'), ...pending], tone: 'offline' };
  }
  if (state.phase === 'unauthorized') return { lines: [t('sync.unauthorized'), ...pending], tone: 'problem' };
  if (state.phase === 'upgrade_required') {
    return { lines: [t('sync.upgradeRequired'), ...pending], tone: 'problem' };
  }
  if (state.phase === 'error') return { lines: [t('sync.error'), ...pending], tone: 'problem' };
  if (pending.length > 0) return { lines: pending, tone: 'pending' };
  if (state.phase === 'syncing' && !state.lastSyncedAt) {
    // The first sync of a new device may take a while: show that records are arriving.
    const progress =
      state.pulled > 0 ? t('sync.syncingProgress', { count: state.pulled }) : t('sync.syncing');
    return { lines: [progress], tone: 'pending' };
  }
  if (!state.lastSyncedAt) return { lines: [t('sync.never')], tone: 'pending' };
  return { lines: [t('sync.syncedAt', { time: formatters.time(state.lastSyncedAt) })], tone: 'ok' };
}
