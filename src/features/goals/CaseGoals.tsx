// Hilfeplanziele on the case page: each goal with its status and the notes that
// worked on it (count, and links to them in the timeline); add, edit, delete.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalRecord, GoalStatus, NoteRecord } from '../../shared/records';
import { Badge, EmptyState, Loading } from '../../ui/components';
import { ConflictBadge } from '../../ui/components/ConflictBadge';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { useFormatters } from '../../ui/format';
import { noteAnchorId } from '../../ui/paths';
import { GoalForm } from './GoalForm';
import { type GoalWithNotes, useGoalsWithNotes, useGoalWrites } from './use-goals';
import './goals.css';

const STATUS_TONE: Record<GoalStatus, 'neutral' | 'success' | 'muted'> = {
  open: 'neutral',
  achieved: 'success',
  dropped: 'muted',
};

interface CaseGoalsProps {
  caseId: string;
  /** The inline conflict resolver of a goal, from the route. */
  renderConflicts?: (goal: GoalRecord) => ReactNode;
  /** A closed case: its goals are read, not changed. */
  readOnly?: boolean;
}

export function CaseGoals({ caseId, renderConflicts, readOnly = false }: CaseGoalsProps) {
  const { t } = useTranslation();
  const goals = useGoalsWithNotes(caseId);
  const { create } = useGoalWrites(caseId);
  const [adding, setAdding] = useState(false);

  return (
    <section className="card case-goals" aria-labelledby="goals-title">
      <div className="section-header">
        <h2 id="goals-title">{t('goals.title')}</h2>
        {!adding && !readOnly && (
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            {t('goals.add')}
          </button>
        )}
      </div>
      {adding && (
        <div className="goal-new">
          <h3>{t('goals.addTitle')}</h3>
          <GoalForm
            initial={{ title: '', description: '', status: 'open' }}
            withStatus={false}
            onSubmit={async (fields) => {
              await create(fields);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      {!goals && <Loading label={t('app.loading')} />}
      {goals?.length === 0 && !adding && <EmptyState>{t('goals.empty')}</EmptyState>}
      {goals && goals.length > 0 && (
        <ul className="plain-list goal-list">
          {goals.map((item) => (
            <li key={item.goal.id}>
              <GoalItem
                item={item}
                caseId={caseId}
                conflicts={renderConflicts?.(item.goal)}
                readOnly={readOnly}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GoalItem({
  item,
  caseId,
  conflicts,
  readOnly,
}: {
  item: GoalWithNotes;
  caseId: string;
  conflicts: ReactNode;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { update, remove } = useGoalWrites(caseId);
  const [editing, setEditing] = useState(false);
  const { goal, notes } = item;
  const headingId = `goal-${goal.id}`;

  if (editing) {
    return (
      <div className="goal-item">
        <h3 id={headingId}>{t('goals.editTitle')}</h3>
        <GoalForm
          initial={{ title: goal.title, description: goal.description, status: goal.status }}
          withStatus
          onSubmit={async (fields) => {
            await update(goal.id, changedGoalFields(goal, fields));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </div>
    );
  }

  return (
    <article className={`goal-item is-${goal.status}`} aria-labelledby={headingId}>
      <div className="goal-head">
        <h3 id={headingId}>{goal.title}</h3>
        <span className="badges">
          <Badge tone={STATUS_TONE[goal.status]}>{t(`goalStatus.${goal.status}`)}</Badge>
          <ConflictBadge record={goal} />
        </span>
      </div>
      {goal.description && <p className="goal-description">{goal.description}</p>}
      <GoalNotes notes={notes} />
      {conflicts}
      {!readOnly && (
        <div className="form-actions goal-actions">
          <button
            type="button"
            className="button button-quiet"
            aria-describedby={headingId}
            onClick={() => setEditing(true)}
          >
            {t('goals.edit')}
          </button>
          <DeleteButton
            label={t('goals.delete')}
            title={t('goals.deleteTitle')}
            text={t('goals.deleteText')}
            describedBy={headingId}
            variant="quiet"
            onConfirm={() => remove(goal.id)}
          />
        </div>
      )}
    </article>
  );
}

/** How many notes worked on the goal, opening to links to each in the timeline. */
function GoalNotes({ notes }: { notes: NoteRecord[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (notes.length === 0) return <p className="item-meta">{t('goals.noNotes')}</p>;
  return (
    <details className="goal-notes">
      <summary>{t('goals.notes', { count: notes.length })}</summary>
      <ul className="plain-list">
        {notes.map((note) => (
          <li key={note.id}>
            <a className="touch-link" href={`#${noteAnchorId(note.id)}`}>
              {t('goals.noteLink', { date: format.day(note.date) })}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Only what changed goes into the update (the server merges per field). */
function changedGoalFields(goal: GoalRecord, fields: Pick<GoalRecord, 'title' | 'description' | 'status'>) {
  const patch: Partial<typeof fields> = {};
  if (fields.title !== goal.title) patch.title = fields.title;
  if (fields.description !== goal.description) patch.description = fields.description;
  if (fields.status !== goal.status) patch.status = fields.status;
  return patch;
}
