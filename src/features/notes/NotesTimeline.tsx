import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { GoalRecord, NoteRecord } from '../../shared/records';
import { Badge, ConflictBadge, EmptyState, Loading } from '../../ui/components';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { useFormatters } from '../../ui/format';
import { isNoteAnchor, noteAnchorId, paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { AmendmentHistory } from './AmendmentHistory';
import { useGoalsOfCase } from './GoalChoices';
import { NoteContent } from './NoteContent';
import { useDeleteNote, useNotesForCase } from './use-notes';

interface NotesTimelineProps {
  caseId: string;
  /** What the page adds to each note, e.g. the inline conflict resolver. */
  renderNoteExtras?: (note: NoteRecord) => ReactNode;
  /** A closed case: its notes are read, not edited or deleted. */
  readOnly?: boolean;
}

/** A case's notes, newest first, each in full. */
export function NotesTimeline({ caseId, renderNoteExtras, readOnly = false }: NotesTimelineProps) {
  const { t } = useTranslation();
  const notes = useNotesForCase(caseId);
  const goals = useGoalsOfCase(caseId);
  useScrollToLinkedNote(notes !== undefined);

  if (!notes) return <Loading label={t('app.loading')} />;
  if (notes.length === 0) return <EmptyState>{t('notes.empty')}</EmptyState>;
  const goalTitles = new Map((goals ?? []).map((goal: GoalRecord) => [goal.id, goal.title]));
  return (
    <ol className="plain-list timeline">
      {notes.map((note) => (
        <li key={note.id}>
          <NoteEntry
            note={note}
            goalTitles={goalTitles}
            extras={renderNoteExtras?.(note)}
            readOnly={readOnly}
          />
        </li>
      ))}
    </ol>
  );
}

/** A link to "#note-<id>" (from a goal, or from the appointment page) lands on that note once the notes are there. */
function useScrollToLinkedNote(loaded: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!loaded || !isNoteAnchor(hash)) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded, hash]);
}

interface NoteEntryProps {
  note: NoteRecord;
  goalTitles: ReadonlyMap<string, string>;
  extras: ReactNode;
  readOnly: boolean;
}

function NoteEntry({ note, goalTitles, extras, readOnly }: NoteEntryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { user } = useSession();
  const deleteNote = useDeleteNote();
  const headingId = noteAnchorId(note.id);
  const isAuthor = note.authorId === user.id;
  // The server refuses it otherwise: only the author, and only before the review.
  const deletable = isAuthor && note.reviewedAt === null;

  return (
    <article className={`card note ${note.concern8a ? 'note-8a' : ''}`} aria-labelledby={headingId}>
      <header className="note-header">
        <h3 id={headingId}>{format.day(note.date)}</h3>
        <span className="item-meta">
          {t(`kind.${note.kind}`)} · {t('format.minutes', { count: note.durationMinutes })}
          {note.travelMinutes > 0 &&
            ` · ${t('noteView.travel', { minutes: t('format.minutes', { count: note.travelMinutes }) })}`}
          {note.kilometres > 0 &&
            ` · ${t('noteView.kilometres', { value: format.decimal(note.kilometres) })}`}
        </span>
        <span className="badges">
          {note.concern8a && <Badge tone="alert">{t('notes.badge8a')}</Badge>}
          <ConflictBadge record={note} />
          {note.amendments.length > 0 && <Badge tone="pending">{t('notes.amended')}</Badge>}
          {note.version === 0 && <Badge tone="pending">{t('notes.unsynced')}</Badge>}
        </span>
      </header>
      <NoteContent note={note} />
      <NoteGoals ids={note.goalIds} titles={goalTitles} />
      <AmendmentHistory amendments={note.amendments} />
      {extras}
      {isAuthor && !readOnly && (
        <div className="form-actions">
          <Link
            className="button button-quiet"
            to={paths.caseNote(note.caseId, note.id)}
            aria-describedby={headingId}
          >
            {t('notes.edit')}
          </Link>
          {deletable && (
            <DeleteButton
              label={t('notes.delete')}
              title={t('notes.deleteTitle')}
              text={t('notes.deleteText')}
              describedBy={headingId}
              variant="quiet"
              onConfirm={() => deleteNote(note.id)}
            />
          )}
        </div>
      )}
    </article>
  );
}

/** The goals the note worked on, by their current titles (a goal deleted since is left out). */
function NoteGoals({ ids, titles }: { ids: readonly string[]; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const named = ids.flatMap((id) => {
    const title = titles.get(id);
    return title ? [{ id, title }] : [];
  });
  if (named.length === 0) return null;
  return (
    <div className="note-goals">
      <span className="item-meta">{t('noteView.goals')}</span>
      <ul className="plain-list">
        {named.map((goal) => (
          <li key={goal.id}>
            <Badge>{goal.title}</Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
