// Many writers at once while a device pulls in small batches: every row must
// arrive exactly once. On PostgreSQL the writers really run in parallel (a pool
// of connections); slow transactions that hold their sequence number uncommitted
// for a while are mixed in, the case where a cursor from a plain sequence skips rows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecord } from '../../src/server/repositories/records';
import { nextSeq } from '../../src/server/repositories/sync-sequence';
import type { LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { caseData, createMutation, noteData } from './helpers/fixtures';
import { createHarness, type Harness } from './helpers/harness';

const WRITERS = 6;
const NOTES_PER_WRITER = 12;
const SLOW_WRITERS = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databaseTargets)('concurrent writers and pull ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let lea: LoginResponse;

  beforeAll(async () => {
    h = await createHarness(target);
    anna = await h.login('anna');
    lea = await h.login('lea');
  });
  afterAll(() => h?.close());

  /** A transaction that takes its sequence number, then waits before committing. */
  async function slowInsert(caseId: string, delayMs: number): Promise<string> {
    const id = randomUUID();
    await h.db.transaction(async (tx) => {
      const seq = await nextSeq(tx);
      const values = {
        ...noteData(caseId),
        teamId: anna.user.teamId,
        authorId: anna.user.id,
        reviewedBy: null,
      };
      await insertRecord(tx, 'note', id, values, {}, { userId: anna.user.id, seq });
      await pause(delayMs);
    });
    return id;
  }

  it('delivers every row exactly once to a device pulling during the writes', async () => {
    const createCase = createMutation('case', caseData(anna.user.id));
    await h.push(anna.token, [createCase]);
    let { cursor } = await h.pullAll(lea.token);

    const received: string[] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const page = await h.pull(lea.token, cursor, 5);
        received.push(...page.changes.map((c) => c.record.id));
        cursor = page.cursor;
        if (!page.hasMore) await pause(2);
      }
    })();

    const writers = Array.from({ length: WRITERS }, async () => {
      const ids: string[] = [];
      for (let i = 0; i < NOTES_PER_WRITER; i++) {
        const note = createMutation('note', noteData(createCase.recordId, { text: `Notiz ${i}` }));
        const { results } = await h.push(anna.token, [note]);
        expect(results[0]?.status).toBe('applied');
        ids.push(note.recordId);
      }
      return ids;
    });
    // Staggered, so some slow transactions hold their number while fast ones commit.
    const slow = Array.from({ length: SLOW_WRITERS }, async (_, i) => {
      await pause(i * 10);
      return slowInsert(createCase.recordId, 25);
    });
    const written = [...(await Promise.all(writers)).flat(), ...(await Promise.all(slow))];
    writing = false;
    await reader;

    const rest = await h.pullAll(lea.token, cursor, 5);
    received.push(...rest.changes.map((c) => c.record.id));

    expect(received).toHaveLength(written.length);
    expect(new Set(received)).toEqual(new Set(written));
  });
});
