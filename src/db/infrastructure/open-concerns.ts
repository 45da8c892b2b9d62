// The device's open § 8a concerns, kept in one sealed meta row. The lead's alert
// is on every screen and the case list marks cases with one; without this row
// both would read and open every note, after every save and every pulled batch.
// An index on the concern
// flag would be cheap but would show in the clear which notes carry a concern, so
// the list lives inside one encrypted value instead.
//
// A DBCore middleware keeps it true: every write to `notes` updates the row in the
// same IndexedDB transaction, whoever writes (a save, a pull, a removal, an
// upgrade), so the two cannot disagree after a crash. Write transactions over
// `notes` are widened to include `meta` for that. A missing row means "not known"
// (a database from before this row, or meta cleared): readers then scan, and the
// next open rebuilds it.
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Table,
} from 'dexie';
import { Dexie } from 'dexie';
import type { NoteRecord } from '../../shared/records';

export const OPEN_CONCERNS_KEY = 'concerns.open';
/**
 * The open concerns this lead has opened, as one sealed row too: a row per note
 * ('concern.seen.<noteId>', as older versions kept it) named in its clear key
 * which notes carry a concern.
 */
const SEEN_CONCERNS_KEY = 'concerns.seen';
const LEGACY_SEEN_PREFIX = 'concern.seen.';

/** What the row holds per open concern: enough for the case badge, the rest is read from the note. */
export interface OpenConcernEntry {
  id: string;
  caseId: string;
}

type ConcernFields = Pick<NoteRecord, 'id' | 'caseId' | 'concern8a' | 'concernAcknowledgedAt'>;

/** A note whose § 8a concern no lead has acknowledged yet. */
export function isOpenConcern(note: Partial<ConcernFields>): boolean {
  return note.concern8a === true && (note.concernAcknowledgedAt ?? null) === null;
}

function entryOf(note: Partial<ConcernFields>): OpenConcernEntry {
  return { id: note.id as string, caseId: note.caseId as string };
}

function openConcernEntries(notes: readonly Partial<ConcernFields>[]): OpenConcernEntry[] {
  return notes.filter(isOpenConcern).map(entryOf);
}

/** The entries after a mutation of `notes`; null when they did not change. */
function entriesAfter(
  before: OpenConcernEntry[],
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  keysInRange: readonly unknown[] | null,
): OpenConcernEntry[] | null {
  const byId = new Map(before.map((entry) => [entry.id, entry]));
  const failed = (index: number) => res.failures[index] !== undefined;
  if (req.type === 'add' || req.type === 'put') {
    req.values.forEach((value, index) => {
      if (failed(index)) return;
      const note = value as Partial<ConcernFields>;
      if (isOpenConcern(note)) byId.set(note.id as string, entryOf(note));
      else byId.delete(note.id as string);
    });
  } else if (req.type === 'delete') {
    req.keys.forEach((key, index) => {
      if (!failed(index)) byId.delete(key as string);
    });
  } else if (keysInRange === null) {
    byId.clear();
  } else {
    for (const key of keysInRange) byId.delete(key as string);
  }
  const after = [...byId.values()];
  const same =
    after.length === before.length &&
    after.every((entry, index) => entry.id === before[index]?.id && entry.caseId === before[index]?.caseId);
  return same ? null : after;
}

function keepingOpenConcerns(notes: DBCoreTable, meta: DBCoreTable): DBCoreTable {
  const readEntries = (trans: DBCoreTransaction) =>
    Dexie.Promise.resolve(meta.get({ trans, key: OPEN_CONCERNS_KEY })).then(
      (row: { value: OpenConcernEntry[] } | undefined) => row?.value ?? null,
    );
  // The ids a range delete takes (null: all of them), read before they are gone.
  const keysOf = (req: DBCoreMutateRequest): PromiseLike<readonly unknown[] | null> => {
    if (req.type !== 'deleteRange') return Dexie.Promise.resolve(null);
    if (req.range.type === 3 /* DBCoreRangeType.Any */) return Dexie.Promise.resolve(null);
    return Dexie.Promise.resolve(
      notes.query({
        trans: req.trans,
        values: false,
        query: { index: notes.schema.primaryKey, range: req.range },
      }),
    ).then((response) => response.result);
  };
  return {
    ...notes,
    mutate(req) {
      return Dexie.Promise.resolve(keysOf(req)).then((keysInRange) =>
        Dexie.Promise.resolve(notes.mutate(req)).then((res) =>
          readEntries(req.trans).then((before) => {
            const after = before && entriesAfter(before, req, res, keysInRange);
            if (!after) return res;
            return Dexie.Promise.resolve(
              meta.mutate({
                type: 'put',
                trans: req.trans,
                values: [{ key: OPEN_CONCERNS_KEY, value: after }],
              }),
            ).then(() => res);
          }),
        ),
      );
    },
  };
}

/**
 * Keeps the open-concerns row. Sits above the encryption middleware (a higher
 * level): it sees plain notes, and the row it writes is sealed like any other.
 */
export function openConcernsMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'OpenConcerns',
    level: 20,
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && stores.includes('notes') && !stores.includes('meta');
          return down.transaction(widen ? [...stores, 'meta'] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return name === 'notes' ? keepingOpenConcerns(table, down.table('meta')) : table;
        },
      };
    },
  };
}

interface WithNotesAndMeta extends Dexie {
  notes: Table<NoteRecord, string>;
  meta: Table<{ key: string; value: unknown }, string>;
}

/** The row, or null while not known. */
export async function readOpenConcernEntries(db: WithNotesAndMeta): Promise<OpenConcernEntry[] | null> {
  const row = await db.meta.get(OPEN_CONCERNS_KEY);
  return row ? (row.value as OpenConcernEntry[]) : null;
}

/** The open concerns: from the row, or while it is not known, from every note. */
export async function currentOpenConcernEntries(db: WithNotesAndMeta): Promise<OpenConcernEntry[]> {
  return (await readOpenConcernEntries(db)) ?? openConcernEntries(await db.notes.toArray());
}

/**
 * On open: builds the open-concerns row from the notes if it is missing (once per
 * database), and folds the per-note seen rows of older versions into one.
 */
export async function ensureOpenConcernEntries(db: WithNotesAndMeta): Promise<void> {
  await db.transaction('rw', db.notes, db.meta, async () => {
    // Counted, not read: opening a database must not need its key to open anything (a wrong key fails on first read).
    if ((await db.meta.where('key').equals(OPEN_CONCERNS_KEY).count()) === 0) {
      const entries = openConcernEntries(await db.notes.toArray());
      await db.meta.put({ key: OPEN_CONCERNS_KEY, value: entries });
    }
    const legacy = (await db.meta.where('key').startsWith(LEGACY_SEEN_PREFIX).primaryKeys()) as string[];
    if (legacy.length === 0) return;
    const seen = new Set(await readSeenConcernIds(db));
    for (const key of legacy) seen.add(key.slice(LEGACY_SEEN_PREFIX.length));
    await db.meta.put({ key: SEEN_CONCERNS_KEY, value: [...seen] });
    await db.meta.bulkDelete(legacy);
  });
}

export async function readSeenConcernIds(db: WithNotesAndMeta): Promise<string[]> {
  const row = await db.meta.get(SEEN_CONCERNS_KEY);
  return (row?.value as string[] | undefined) ?? [];
}

/** Remembers that this lead opened the concern; forgets those no longer open, so the row stays small. */
export function markConcernSeen(db: WithNotesAndMeta, noteId: string): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    const seen = await readSeenConcernIds(db);
    if (seen.includes(noteId)) return;
    const open = await readOpenConcernEntries(db);
    const openIds = new Set(open?.map((entry) => entry.id));
    const stillOpen = open ? seen.filter((id) => openIds.has(id)) : seen;
    await db.meta.put({ key: SEEN_CONCERNS_KEY, value: [...stillOpen, noteId] });
  });
}
