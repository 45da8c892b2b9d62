// A progress bar in the header while the first (or a long) sync runs. It never
// blocks: every screen stays usable and shows what has arrived so far.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../sync';

/** A pull longer than one server batch counts as long (DEFAULT_PULL_LIMIT). */
const LONG_PULL = 500;
/** Pushing this many waiting changes takes long enough to show. */
const LONG_PUSH = 50;

export function SyncProgressBar({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const id = useId();
  const { progress } = state;
  if (state.phase !== 'syncing' || !progress) return null;

  if (progress.phase === 'pull') {
    const firstSync = state.lastSyncedAt === null;
    if (!firstSync && progress.done < LONG_PULL) return null;
    const label =
      progress.done > 0 ? t('sync.firstSync', { count: progress.done }) : t('sync.firstSyncStart');
    return (
      <div className="sync-progress">
        <label htmlFor={id}>{label}</label>
        {/* The server does not say how much is left: an indeterminate bar. */}
        <progress id={id} />
      </div>
    );
  }

  if (progress.total === null || progress.total < LONG_PUSH) return null;
  return (
    <div className="sync-progress">
      <label htmlFor={id}>{t('sync.pushProgress', { done: progress.done, total: progress.total })}</label>
      <progress id={id} value={progress.done} max={progress.total} />
    </div>
  );
}
