import { useLiveQuery } from 'dexie-react-hooks';
import { createGoal, deleteGoal, listGoalsForCase, updateGoal } from '../../db/repositories/goals';
import { notesPerGoal } from '../../db/repositories/notes';
import type { GoalFields, GoalRecord, NoteRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export interface GoalWithNotes {
  goal: GoalRecord;
  /** The notes that worked on the goal, newest first. */
  notes: NoteRecord[];
}

/** The case's goals with the notes per goal, live. */
export function useGoalsWithNotes(caseId: string): GoalWithNotes[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => {
    const [goals, perGoal] = await Promise.all([listGoalsForCase(db, caseId), notesPerGoal(db, caseId)]);
    return goals.map((goal) => ({ goal, notes: perGoal.get(goal.id) ?? [] }));
  }, [db, caseId]);
}

export type GoalFormValues = Omit<GoalFields, 'caseId'>;

export function useGoalWrites(caseId: string) {
  const { db, actor } = useSession();
  return {
    create: (fields: GoalFormValues) => createGoal(db, actor, { ...fields, caseId }),
    update: (id: string, patch: Partial<GoalFormValues>) => updateGoal(db, actor, id, patch),
    remove: (id: string) => deleteGoal(db, actor, id),
  };
}
