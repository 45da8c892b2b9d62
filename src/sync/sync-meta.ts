// What the sync engine remembers between runs and reloads, kept in the `meta` table.
import type { FeldakteDb } from '../db/infrastructure/schema';
import { Removal } from '../shared/protocol';

export const META_KEYS = {
  /** Opaque cursor of the last applied pull batch; written in the same transaction as the batch. */
  pullCursor: 'sync.pullCursor',
  /** When the last complete sync (push and pull) ended. */
  lastSyncedAt: 'sync.lastSyncedAt',
  /** Removals that wait until the removed records' changes are pushed (scope-removals.ts). */
  deferredRemovals: 'sync.deferredRemovals',
} as const;

const INITIAL_CURSOR = '0';

async function readString(db: FeldakteDb, key: string): Promise<string | null> {
  const entry = await db.meta.get(key);
  return typeof entry?.value === 'string' ? entry.value : null;
}

export async function readPullCursor(db: FeldakteDb): Promise<string> {
  return (await readString(db, META_KEYS.pullCursor)) ?? INITIAL_CURSOR;
}

/** Call inside the transaction that applies the batch the cursor belongs to. */
export async function writePullCursor(db: FeldakteDb, cursor: string): Promise<void> {
  await db.meta.put({ key: META_KEYS.pullCursor, value: cursor });
}

export function readLastSyncedAt(db: FeldakteDb): Promise<string | null> {
  return readString(db, META_KEYS.lastSyncedAt);
}

export async function writeLastSyncedAt(db: FeldakteDb, at: string): Promise<void> {
  await db.meta.put({ key: META_KEYS.lastSyncedAt, value: at });
}

export async function readDeferredRemovals(db: FeldakteDb): Promise<Removal[]> {
  const entry = await db.meta.get(META_KEYS.deferredRemovals);
  const parsed = Removal.array().safeParse(entry?.value ?? []);
  return parsed.success ? parsed.data : [];
}

export async function writeDeferredRemovals(db: FeldakteDb, removals: readonly Removal[]): Promise<void> {
  if (removals.length === 0) await db.meta.delete(META_KEYS.deferredRemovals);
  else await db.meta.put({ key: META_KEYS.deferredRemovals, value: [...removals] });
}
