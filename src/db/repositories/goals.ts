// Local repository of help-plan goals (Hilfeplanziele) of a case.
import type { z } from 'zod';
import type { GoalFields, GoalRecord, GoalStatus } from '../../shared/records';
import { deleteLocal } from '../infrastructure/local-delete';
import { type Actor, createLocal, updateLocal } from '../infrastructure/local-write';
import type { FeldakteDb } from '../infrastructure/schema';

export type GoalInput = z.input<typeof GoalFields>;

const STATUS_ORDER: Record<GoalStatus, number> = { open: 0, achieved: 1, dropped: 2 };

/** Open goals first, then achieved, then dropped; oldest first within (the help plan's order). */
export async function listGoalsForCase(db: FeldakteDb, caseId: string): Promise<GoalRecord[]> {
  const goals = await db.goals.where('caseId').equals(caseId).toArray();
  return goals.sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.createdAt.localeCompare(b.createdAt),
  );
}

export function createGoal(db: FeldakteDb, actor: Actor, fields: GoalInput): Promise<GoalRecord> {
  // createLocal parses the fields with the shared schema, which fills in the defaults.
  return createLocal(db, 'goal', actor, fields as GoalFields, { teamId: actor.teamId });
}

export function updateGoal(
  db: FeldakteDb,
  actor: Actor,
  id: string,
  patch: Partial<Omit<GoalFields, 'caseId'>>,
): Promise<GoalRecord> {
  return updateLocal(db, 'goal', actor, id, patch);
}

/** Notes that named the goal keep its id (goalIds is not checked): they just stop showing it. */
export function deleteGoal(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return deleteLocal(db, 'goal', actor, id);
}
