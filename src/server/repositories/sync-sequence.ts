// The pull cursor: serialized sequence numbers.
//
// Every writing transaction takes its sequence numbers from the single row of
// sync_counter with `UPDATE ... SET value = value + n RETURNING value`, one value
// per row it writes, and stores them in that row's `seq` column. The pull returns
// rows with `seq > cursor` in seq order and hands out the last seq as the next cursor.
//
// Why no row is ever missed, even under concurrent PostgreSQL transactions:
// the UPDATE takes the row lock of the counter and holds it until the writing
// transaction commits or rolls back. A second writer's UPDATE waits for that
// lock and then reads the newest committed value. So if transaction B holds seq b,
// every transaction A holding some a < b had already ended (committed, or rolled
// back together with its counter bump, so its numbers were never used) before B
// got b - and PostgreSQL makes a commit visible before it releases the
// transaction's locks. Hence any snapshot in which B's row is visible also shows
// every committed row with a smaller seq. A pull that returns rows up to seq c
// from one snapshot has therefore seen every row that will ever carry a seq <= c;
// rows committing later get larger numbers. (A plain sequence or now() lacks
// exactly this: numbers are handed out at call time, but commits happen in any
// order, so a late-committing smaller number hides behind the cursor.)
// The pull reads all tables in one REPEATABLE READ snapshot for the same reason.
// Everything a pull delivers is numbered this way: record rows (tombstones
// included), the re-stamped rows of a case someone gained, and the "lost case"
// entries of scope_changes (services/scope.ts) - so the argument covers removals
// and scope changes too. tests/server/concurrency.test.ts checks it against
// PostgreSQL with concurrent writers (and fails with a plain sequence).
//
// The cost: writers serialize on the counter row from their first bump to their
// commit. So bump as late as possible - after every read and permission check,
// right before the writes, and keep the rest of the transaction short.
// PGlite runs one transaction at a time anyway.
import type { Queryable } from '../db/database';

/** Reserves `count` consecutive sequence numbers; returns the first one (decimal string). */
export async function reserveSeqs(tx: Queryable, count: number): Promise<string> {
  const rows = await tx.query<{ first: string }>(
    'UPDATE sync_counter SET value = value + $1 RETURNING (value - $1 + 1)::text AS first',
    [count],
  );
  const first = rows[0]?.first;
  if (first === undefined) throw new Error('sync_counter row is missing');
  return first;
}

/** Numbers a batch transaction reserved ahead and has not handed out yet. */
interface SeqBlock {
  next: bigint;
  end: bigint;
}

const blocks = new WeakMap<Queryable, SeqBlock>();

/** How many numbers a batch reserves at a time. */
const BLOCK_SIZE = 64;

/**
 * Runs `work` with the transaction `tx` taking its numbers in blocks: one counter
 * bump per BLOCK_SIZE rows instead of one per row. A long batch transaction would
 * otherwise update the counter row hundreds of times, and every update has to
 * step over all the row versions the same open transaction left behind. Numbers
 * left over at commit are a gap, like those of a rolled-back transaction; the
 * argument above holds, as every number is still taken under the counter lock
 * the transaction keeps until it ends.
 */
export async function withSeqBlocks<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  blocks.set(tx, { next: 0n, end: 0n });
  try {
    return await work();
  } finally {
    blocks.delete(tx);
  }
}

export async function nextSeq(tx: Queryable): Promise<string> {
  const block = blocks.get(tx);
  if (!block) return reserveSeqs(tx, 1);
  if (block.next === block.end) {
    block.next = BigInt(await reserveSeqs(tx, BLOCK_SIZE));
    block.end = block.next + BigInt(BLOCK_SIZE);
  }
  const seq = block.next;
  block.next += 1n;
  return seq.toString();
}
