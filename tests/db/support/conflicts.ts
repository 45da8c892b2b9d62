// Conflicts as the server would deliver them, for tests that need a record with one.

import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  type ConflictView,
  describeConflict,
  listConflictedRecords,
} from '../../../src/db/repositories/conflicts';
import type { Conflict } from '../../../src/shared/records';
import { colleague, worker } from './fixtures';

export function fieldConflict(field: string, mine: unknown, theirs: unknown): Conflict {
  return {
    id: crypto.randomUUID(),
    field,
    candidates: [
      { value: mine, by: worker.userId, at: '2026-03-02T09:00:00.000Z', deviceId: 'telefon' },
      { value: theirs, by: colleague.userId, at: '2026-03-02T08:00:00.000Z', deviceId: 'tablet' },
    ],
    createdAt: '2026-03-02T09:00:01.000Z',
  };
}

/** Every open conflict on the device, oldest first, described as the conflicts screen describes them. */
export async function listConflictViews(db: FeldakteDb): Promise<ConflictView[]> {
  const [records, members] = await Promise.all([listConflictedRecords(db), db.members.toArray()]);
  const views = records.flatMap(({ entity, record }) =>
    record.conflicts.map((conflict) => describeConflict(entity, record, conflict, members)),
  );
  return views.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
