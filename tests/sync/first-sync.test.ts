// First sync of a large team: 10,000 notes arrive in batches, with progress, while
// the app stays usable, and a dropped connection resumes from the stored cursor so
// that every note arrives exactly once.
import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../src/db/infrastructure/schema';
import { createNote } from '../../src/db/repositories/notes';
import type { CaseRecord } from '../../src/shared/records';
import { createSyncEngine } from '../../src/sync/engine';
import { readPullCursor } from '../../src/sync/sync-meta';
import { caseFields, lead, noteFields, serverMeta, serverNoteRecord, worker } from '../db/support/fixtures';
import type { ProtocolHarness } from './support/protocol-harness';
import { setUpSyncBed } from './support/sync-bed';

const NOTES = 10_000;
const BATCH = 500;
const BATCHES_BEFORE_DROP = 7;

let db: FeldakteDb;
let harness: ProtocolHarness;

setUpSyncBed((bed) => {
  db = bed.db;
  harness = bed.harness;
});

function seedTeam(): CaseRecord {
  const at = '2026-01-05T08:00:00.000Z';
  const meta = serverMeta(at, lead.userId);
  const c: CaseRecord = { ...caseFields(), id: crypto.randomUUID(), ...meta };
  harness.server.seed('case', c);
  for (let i = 0; i < NOTES; i++) {
    harness.server.seed(
      'note',
      serverNoteRecord(c.id, { text: `Notiz ${i}: ${'Hausbesuch und Gespräch. '.repeat(30)}` }, meta),
    );
  }
  return c;
}

describe('first sync of a large team', () => {
  it('resumes after a dropped connection, every note exactly once, the app usable meanwhile', async () => {
    const c = seedTeam();
    harness.server.pageSize = BATCH;
    harness.failPullAfter = BATCHES_BEFORE_DROP;
    const engine = createSyncEngine({ db, api: harness.client() });
    const progressSeen: number[] = [];
    engine.subscribe(() => {
      const { progress } = engine.getState();
      if (progress?.phase === 'pull') progressSeen.push(progress.done);
    });

    // Mid-way, the worker writes a note. Each batch is its own short transaction,
    // so the write completes while the pull is still going.
    let localNoteId = '';
    harness.beforePull = async (cursor) => {
      if (cursor !== String(3 * BATCH)) return;
      const write = createNote(db, worker, noteFields(c.id, { text: 'während der ersten Synchronisierung' }));
      localNoteId = (await write).id;
    };

    await engine.syncNow();

    expect(engine.getState()).toMatchObject({ phase: 'offline', pendingCount: 1 });
    expect(localNoteId).not.toBe('');
    const storedBeforeDrop = BATCHES_BEFORE_DROP * BATCH;
    expect(await readPullCursor(db)).toBe(String(storedBeforeDrop));
    expect(await db.notes.count()).toBe(storedBeforeDrop - 1 + 1); // minus the case, plus the local note
    expect(progressSeen.at(-1)).toBe(storedBeforeDrop);

    harness.beforePull = null;
    await engine.syncNow();

    expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0 });
    const cursors = harness.pullCursors;
    const dropAt = cursors.indexOf(String(storedBeforeDrop));
    expect(cursors.slice(dropAt, dropAt + 2)).toEqual([String(storedBeforeDrop), String(storedBeforeDrop)]);
    expect(await db.notes.count()).toBe(NOTES + 1);
    const deliveries = [...harness.server.deliveries.values()];
    expect(deliveries).toHaveLength(NOTES + 2); // notes, the case, and the local note's acknowledged copy
    expect(deliveries.every((n) => n === 1)).toBe(true);
    expect(await db.notes.get(localNoteId)).toMatchObject({ version: 1 });
  }, 120_000);
});
