// The help-plan goals a note worked on: the case's open goals, plus any the note
// already names (an achieved or dropped goal stays ticked and can be unticked).
import { useLiveQuery } from 'dexie-react-hooks';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { listGoalsForCase } from '../../db/repositories/goals';
import type { GoalRecord } from '../../shared/records';
import { useSession } from '../../ui/session';
import type { NoteFormValues } from './note-form-schema';

export function useGoalsOfCase(caseId: string): GoalRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listGoalsForCase(db, caseId), [db, caseId]);
}

export function GoalChoices({ caseId, form }: { caseId: string; form: UseFormReturn<NoteFormValues> }) {
  const { t } = useTranslation();
  const goals = useGoalsOfCase(caseId);
  const ticked = form.watch('goalIds');
  const offered = (goals ?? []).filter((goal) => goal.status === 'open' || ticked.includes(goal.id));
  if (offered.length === 0) return null;

  function toggle(goalId: string, on: boolean) {
    const next = on ? [...ticked, goalId] : ticked.filter((id) => id !== goalId);
    form.setValue('goalIds', next, { shouldDirty: true });
  }

  return (
    <fieldset className="fieldset">
      <legend>{t('noteForm.goals')}</legend>
      {offered.map((goal) => {
        const id = `goal-choice-${goal.id}`;
        return (
          <div key={goal.id} className="field field-checkbox">
            <input
              id={id}
              type="checkbox"
              checked={ticked.includes(goal.id)}
              onChange={(event) => toggle(goal.id, event.target.checked)}
            />
            <label htmlFor={id}>
              {goal.status === 'open' ? goal.title : t('noteForm.goalDropped', { title: goal.title })}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
