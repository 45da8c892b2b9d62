import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  computeCaseload,
  readDeviceSnapshot,
  saveDeviceSnapshot,
  type WorkerLoad,
} from '../../db/reports/caseload';
import { dayToDate } from '../../ui/format';
import { sayError } from '../../ui/forms/say-message';
import { useSession, useSyncState } from '../../ui/session';

/** Recomputed when the data changes, and per day ("YYYY-MM-DD"), not per render. */
export function useCaseload(day: string): WorkerLoad[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => computeCaseload(db, dayToDate(day)), [db, day]);
}

export type DeviceFetch = { state: 'idle' | 'loading' } | { state: 'failed'; message: string };

/**
 * The team's devices: fetched from the server when online (at open, when the
 * connection returns, and on request), kept on the device, and shown from there,
 * so the screen has the last state with its time when offline.
 */
export function useTeamDevices() {
  const { db, engine } = useSession();
  const { online } = useSyncState();
  const snapshot = useLiveQuery(() => readDeviceSnapshot(db), [db]);
  const [fetchState, setFetchState] = useState<DeviceFetch>({ state: 'idle' });
  const { t } = useTranslation();

  const refresh = useCallback(async () => {
    setFetchState({ state: 'loading' });
    try {
      const devices = await engine.teamDevices();
      await saveDeviceSnapshot(db, { fetchedAt: new Date().toISOString(), devices });
      setFetchState({ state: 'idle' });
    } catch (error) {
      setFetchState({ state: 'failed', message: sayError(t, error) });
    }
  }, [db, engine, t]);

  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);

  return { snapshot, online, fetchState, refresh };
}
