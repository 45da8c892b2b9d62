import { afterEach, beforeEach, vi } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import type { SyncEngine } from '../../../src/sync/engine';
import { freshDb } from '../../db/support/fixtures';
import { FakeBrowser } from './fake-browser';
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

export interface EngineBed extends SyncBed {
  /** Installed for the test (navigator.onLine, online/offline events, Web Locks when set). */
  browser: FakeBrowser;
}

/**
 * setUpSyncBed for tests of the engine: every test also gets a fake browser, and
 * the engines and extra database connections it hands to `track` and
 * `trackConnection` are stopped and closed after it, before its database is deleted.
 */
export function setUpEngineBed(receive: (bed: EngineBed) => void) {
  const engines: SyncEngine[] = [];
  const connections: FeldakteDb[] = [];
  let bed: SyncBed | null = null;
  setUpSyncBed((fresh) => {
    bed = fresh;
  });
  beforeEach(() => {
    receive({ ...(bed as SyncBed), browser: new FakeBrowser().install() });
  });
  afterEach(() => {
    for (const engine of engines.splice(0)) engine.stop();
    for (const connection of connections.splice(0)) connection.close();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
  return {
    track(engine: SyncEngine): SyncEngine {
      engines.push(engine);
      return engine;
    },
    trackConnection(connection: FeldakteDb): FeldakteDb {
      connections.push(connection);
      return connection;
    },
  };
}
