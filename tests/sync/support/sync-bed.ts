import { afterEach, beforeEach } from 'vitest';
import type { FeldakteDb } from '../../../src/db/schema';
import { freshDb } from '../../db/support/fixtures';
import { ProtocolHarness, startMswForThisFile } from './protocol-harness';

export interface SyncBed {
  db: FeldakteDb;
  harness: ProtocolHarness;
}

/**
 * Starts msw for the test file and hands every test a fresh local database and a
 * fresh in-memory server behind it; the database is deleted after the test.
 */
export function setUpSyncBed(receive: (bed: SyncBed) => void): void {
  startMswForThisFile();
  let db: FeldakteDb | null = null;
  beforeEach(() => {
    db = freshDb();
    const harness = new ProtocolHarness();
    harness.install();
    receive({ db, harness });
  });
  afterEach(async () => {
    await db?.delete();
  });
}
