// Everything a device's local database still holds of some records: the records
// themselves, the server copies kept under them (bases), outbox entries naming
// them (by record or by case), drafts of their cases and removals still waiting
// for them. Retention must leave none of it behind.
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { mutableTables } from '../../../src/db/infrastructure/schema';
import { readDeferredRemovals } from '../../../src/sync/sync-meta';

/** "table:id" for every place the device still keeps one of `ids`; empty when it keeps nothing. */
export async function localCopiesOf(db: FeldakteDb, ids: readonly string[]): Promise<string[]> {
  const held: string[] = [];
  for (const table of mutableTables(db)) {
    const keys = await table.where('id').anyOf(ids).primaryKeys();
    held.push(...keys.map((id) => `${table.name}:${id}`));
  }
  const bases = await db.bases.where('id').anyOf(ids).primaryKeys();
  held.push(...bases.map((id) => `bases:${id}`));
  const byRecord = await db.outbox.where('recordId').anyOf(ids).toArray();
  const byCase = await db.outbox.where('caseId').anyOf(ids).toArray();
  for (const entry of new Map([...byRecord, ...byCase].map((e) => [e.seq, e])).values()) {
    held.push(`outbox(${entry.status}):${entry.entity} ${entry.recordId}`);
  }
  const drafts = await db.drafts.where('caseId').anyOf(ids).primaryKeys();
  held.push(...drafts.map((key) => `drafts:${key}`));
  const waiting = (await readDeferredRemovals(db)).filter((r) => ids.includes(r.id));
  held.push(...waiting.map((r) => `deferredRemovals:${r.entity} ${r.id}`));
  return held;
}
