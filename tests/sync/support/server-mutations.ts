// How the in-memory server applies one valid, permitted mutation: create; update
// by three-way merge; delete, or a delete-vs-edit conflict; resolve. An edit that
// has not seen another device's delete brings the record back as a conflict.
import { fieldSchema, type Mutation, type MutationResult, ResolveData } from '../../../src/shared/protocol';
import { DELETE_CONFLICT_FIELD, recordSchemaOf } from '../../../src/shared/records';
import { type Author, mergeUpdate, openDeleteConflict, setField, unseenChanges } from './server-merge';
import { byAuthor, type Row, type ServerStore, type StoredRecord } from './server-store';

export type Rejected = Omit<Extract<MutationResult, { status: 'rejected' }>, 'id' | 'status'>;
export type Outcome = { record: StoredRecord | null } | { rejected: Rejected };

export function refuse(
  code: Rejected['code'],
  httpStatus: number,
  message: string,
  field: string | null = null,
) {
  return { rejected: { code, httpStatus, message, field } };
}

const notFound = () => refuse('not_found', 404, 'unbekannter Datensatz', 'recordId');

export function applyMutation(
  store: ServerStore,
  teamId: string,
  mutation: Mutation,
  data: Record<string, unknown>,
  author: Author,
): Outcome {
  const base = mutation.baseVersion ?? 0;
  const row = store.records.get(mutation.recordId);
  switch (mutation.op) {
    case 'create':
      if (row || store.tombstones.has(mutation.recordId))
        return refuse('conflict', 409, 'Datensatz gibt es schon');
      return { record: create(store, teamId, mutation, data, author) };
    case 'update': {
      const target = row ?? reviveIfDeleteUnseen(store, mutation.recordId, base, author);
      if (!target) return notFound();
      store.bump(target, author, (version, at) =>
        mergeUpdate(store.target(target), data, base, author, version, at),
      );
      return { record: target.record };
    }
    case 'delete': {
      if (!row) return notFound();
      const unseen = unseenChanges(row.history, base, author);
      if (unseen.length === 0) {
        store.tombstone(row, author);
        return { record: null };
      }
      store.bump(row, author, (_version, at) => openDeleteConflict(store.target(row), unseen, author, at));
      return { record: row.record };
    }
    case 'resolve':
      if (!row) return notFound();
      return resolve(store, row, ResolveData.parse(data), author);
  }
}

function create(
  store: ServerStore,
  teamId: string,
  mutation: Mutation,
  data: Record<string, unknown>,
  author: Author,
): StoredRecord {
  const { userId } = author;
  const owner = {
    case: {},
    note: { authorId: userId, reviewedBy: null, concernAcknowledgedBy: null, amendments: [] },
    appointment: { workerId: userId },
    preConsultation: { workerId: userId },
    substitution: {},
    goal: {},
    comment: { authorId: userId },
    partner: {},
  }[mutation.entity];
  const at = new Date().toISOString();
  const record = recordSchemaOf[mutation.entity].parse({
    ...data,
    ...owner,
    id: mutation.recordId,
    teamId,
    version: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: userId,
    conflicts: [],
  }) as StoredRecord;
  const history = Object.entries(data).map(([field, value]) => ({
    version: 1,
    field,
    value,
    at,
    ...byAuthor(author),
  }));
  store.add({ entity: mutation.entity, record, history });
  return record;
}

function resolve(store: ServerStore, row: Row, { conflictId, value }: ResolveData, author: Author): Outcome {
  const conflict = row.record.conflicts.find((c) => c.id === conflictId);
  if (!conflict) return refuse('conflict', 409, 'Der Konflikt ist schon gelöst', 'data.conflictId');
  const isDeletion = conflict.field === DELETE_CONFLICT_FIELD;
  const valid = isDeletion
    ? typeof value === 'boolean'
    : fieldSchema(row.entity, conflict.field)?.safeParse(value).success;
  if (!valid) return refuse('invalid', 400, 'data.value: passt nicht zum Feld', 'data.value');
  store.bump(row, author, (version, at) => {
    row.record.conflicts = row.record.conflicts.filter((c) => c.id !== conflictId);
    if (!isDeletion) setField(store.target(row), conflict.field, value, { version, at, ...byAuthor(author) });
  });
  if (isDeletion && value === true) {
    store.tombstone(row, author);
    return { record: null };
  }
  return { record: row.record };
}

function reviveIfDeleteUnseen(store: ServerStore, id: string, base: number, author: Author): Row | null {
  const row = store.tombstones.get(id);
  const deletion = row && unseenChanges(row.history, base, author, DELETE_CONFLICT_FIELD).at(-1);
  if (!row || !deletion) return null;
  const at = new Date().toISOString();
  row.record.conflicts.push({
    id: crypto.randomUUID(),
    field: DELETE_CONFLICT_FIELD,
    candidates: [
      { value: true, by: deletion.by, at: deletion.at, deviceId: deletion.deviceId },
      { value: false, at, ...byAuthor(author) },
    ],
    createdAt: at,
  });
  store.revive(row);
  return row;
}
