// The lazy tick that turns "a substitution's period started or ended" into the
// writes scope.ts describes. Runs before every pull and push when the server's day
// has changed since the last tick, and on a timer, so a period that starts at
// midnight reaches the substitute's device on its next sync. Idempotent: two
// servers (or two requests) ticking at once find the flag already flipped.

import { localIsoDate } from '../../shared/local-date';
import type { Database } from '../db/database';
import { findStoredRecord } from '../repositories/records';
import { substitutionsDue } from '../repositories/substitutions';
import type { Clock } from './clock';
import { transactionWithRetries } from './retry';
import { lockForSubstitutionGrant, materialiseSubstitution } from './scope';

const TICK_INTERVAL_MS = 60_000;

async function materialiseOne(db: Database, id: string, caseId: string, today: string): Promise<boolean> {
  return transactionWithRetries(db, async (tx) => {
    // Lock order of every writer: the case, its children, then the counter.
    await tx.query('SELECT id FROM cases WHERE id = $1 FOR NO KEY UPDATE', [caseId]);
    await lockForSubstitutionGrant(tx, caseId);
    const stored = await findStoredRecord(tx, 'substitution', id, 'update');
    if (!stored) return false;
    const { record } = stored;
    return materialiseSubstitution(tx, { ...record, deleted: stored.deletedAt !== null }, today);
  });
}

export function createSubstitutionPeriods(db: Database, clock: Clock) {
  let tickedDay: string | null = null;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** Materialises every started or ended period; returns how many substitutions changed. */
  async function tick(): Promise<number> {
    const today = localIsoDate(clock());
    let changed = 0;
    for (const due of await substitutionsDue(db, today)) {
      if (await materialiseOne(db, due.id, due.caseId, today)) changed++;
    }
    tickedDay = today;
    return changed;
  }

  /** Ticks unless this process already ticked today; concurrent callers share one tick. */
  async function ensureCurrent(): Promise<void> {
    if (tickedDay === localIsoDate(clock())) return;
    running ??= tick()
      .then(() => undefined)
      .finally(() => {
        running = null;
      });
    await running;
  }

  return {
    tick,
    ensureCurrent,
    /** Ticks on a timer too, so a period also starts or ends while nobody syncs. */
    start(onError: (error: unknown) => void, intervalMs = TICK_INTERVAL_MS): void {
      if (timer) return;
      timer = setInterval(() => {
        ensureCurrent().catch(onError);
      }, intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type SubstitutionPeriods = ReturnType<typeof createSubstitutionPeriods>;
