import { afterEach, beforeEach } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createCase } from '../../../src/db/repositories/cases';
import { caseFields, freshDb, worker } from './fixtures';

export interface CaseBed {
  db: FeldakteDb;
  caseId: string;
}

/** Every test gets a fresh database holding one case of `worker`; the database is deleted after the test. */
export function setUpDbWithCase(receive: (bed: CaseBed) => void): void {
  let db: FeldakteDb | null = null;
  beforeEach(async () => {
    db = freshDb();
    const caseId = (await createCase(db, worker, caseFields())).id;
    receive({ db, caseId });
  });
  afterEach(async () => {
    await db?.delete();
  });
}
