// Records leaving the device: deleted on the server, or out of this user's scope
// (case reassigned away, substitution ended). A removed case takes its notes,
// appointments, substitutions, goals and comments with it, and the drafts of
// notes in it: the user no longer has access to the case, so nothing of it may
// stay on the device, not even an unsaved form (a draft was never sent and is
// not a change the server could take; a later pull brings the case back if it
// returns, but not the draft).
//
// Scope changes lose nothing (CHT #5701): a record, or a case with children, that
// still has changes waiting is not dropped when its removal arrives. The removal
// is remembered in the meta table (it survives a reload), the engine pushes, and
// only then drops what has nothing waiting any more. A change the server refuses
// for a case the user may no longer change becomes a rejection that stays in the
// outbox with its data, so it remains visible after the record is gone.
import type { FeldakteDb } from '../db/infrastructure/schema';
import { syncTables, tableOf } from '../db/infrastructure/schema';
import type { Removal } from '../shared/protocol';
import { readDeferredRemovals, writeDeferredRemovals } from './sync-meta';

const isPending = (entry: { status: string }) => entry.status === 'pending';

/** The tables of records that belong to a case (each indexed by caseId). */
function caseChildTables(db: FeldakteDb) {
  return [db.notes, db.appointments, db.substitutions, db.goals, db.comments] as const;
}

async function childIdsOfCase(db: FeldakteDb, caseId: string): Promise<string[]> {
  const perTable = await Promise.all(
    caseChildTables(db).map((table) => table.where('caseId').equals(caseId).primaryKeys()),
  );
  return perTable.flat();
}

/** Whether anything the removal would drop still has changes waiting for the server. */
async function hasWaitingChanges(db: FeldakteDb, removal: Removal): Promise<boolean> {
  if (removal.entity === 'member') return false;
  if (removal.entity !== 'case') {
    return (await db.outbox.where('recordId').equals(removal.id).filter(isPending).count()) > 0;
  }
  // Entries name their case; entries written by schema v1 do not, so also ask by record.
  if ((await db.outbox.where('caseId').equals(removal.id).filter(isPending).count()) > 0) return true;
  const ids = [removal.id, ...(await childIdsOfCase(db, removal.id))];
  return (await db.outbox.where('recordId').anyOf(ids).filter(isPending).count()) > 0;
}

async function drop(db: FeldakteDb, removal: Removal): Promise<void> {
  const ids = removal.entity === 'case' ? await childIdsOfCase(db, removal.id) : [];
  if (removal.entity === 'case') {
    await Promise.all([
      ...caseChildTables(db).map((table) => table.where('caseId').equals(removal.id).delete()),
      db.drafts.where('caseId').equals(removal.id).delete(),
    ]);
  }
  await tableOf(db, removal.entity).delete(removal.id);
  await db.bases.bulkDelete([removal.id, ...ids]);
}

const sameRemoval = (a: Removal) => (b: Removal) => a.entity === b.entity && a.id === b.id;

/**
 * Applies a pull batch's removals. `arrivedIds` are the records the same batch
 * delivered: one of them that was waiting to leave is in scope again and stays.
 */
export async function applyRemovals(
  db: FeldakteDb,
  removed: readonly Removal[],
  arrivedIds: readonly string[],
): Promise<void> {
  const before = await readDeferredRemovals(db);
  const arrived = new Set(arrivedIds);
  const deferred = before.filter((r) => !arrived.has(r.id));
  let changed = deferred.length !== before.length;
  for (const removal of removed) {
    const index = deferred.findIndex(sameRemoval(removal));
    if (await hasWaitingChanges(db, removal)) {
      if (index === -1) {
        deferred.push(removal);
        changed = true;
      }
      continue;
    }
    await drop(db, removal);
    if (index !== -1) {
      deferred.splice(index, 1);
      changed = true;
    }
  }
  if (changed) await writeDeferredRemovals(db, deferred);
}

/** Drops every deferred removal with nothing waiting any more; returns how many still wait. */
export function settleDeferredRemovals(db: FeldakteDb): Promise<number> {
  return db.transaction('rw', syncTables(db), async () => {
    const deferred = await readDeferredRemovals(db);
    if (deferred.length === 0) return 0;
    const stillWaiting: Removal[] = [];
    for (const removal of deferred) {
      if (await hasWaitingChanges(db, removal)) stillWaiting.push(removal);
      else await drop(db, removal);
    }
    await writeDeferredRemovals(db, stillWaiting);
    return stillWaiting.length;
  });
}

/** The server answered a change with the record: it is visible again, so a removal waiting for it is void. */
export async function cancelDeferredRemovals(db: FeldakteDb, recordIds: readonly string[]): Promise<void> {
  const visible = new Set(recordIds);
  const deferred = await readDeferredRemovals(db);
  const remaining = deferred.filter((r) => !visible.has(r.id));
  if (remaining.length !== deferred.length) await writeDeferredRemovals(db, remaining);
}

export async function hasDeferredRemovals(db: FeldakteDb): Promise<boolean> {
  return (await readDeferredRemovals(db)).length > 0;
}
