import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NoteRecord } from '../../shared/records';
import { Badge, ConflictBadge, EmptyState, Loading } from '../../ui/components';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { useFormatters } from '../../ui/format';
import { useSession } from '../../ui/session';
import { AmendmentHistory } from './AmendmentHistory';
import { useDeleteNote, useNotesForCase } from './use-notes';

interface NotesTimelineProps {
  caseId: string;
  /** What the page adds to each note, e.g. the inline conflict resolver. */
  renderNoteExtras?: (note: NoteRecord) => ReactNode;
}

/** A case's notes, newest first, each in full. */
export function NotesTimeline({ caseId, renderNoteExtras }: NotesTimelineProps) {
  const { t } = useTranslation();
  const notes = useNotesForCase(caseId);

  if (!notes) return <Loading label={t('app.loading')} />;
  if (notes.length === 0) return <EmptyState>{t('notes.empty')}</EmptyState>;
  return (
    <ol className="plain-list timeline">
      {notes.map((note) => (
        <li key={note.id}>
          <NoteEntry note={note} extras={renderNoteExtras?.(note)} />
        </li>
      ))}
    </ol>
  );
}

function NoteEntry({ note, extras }: { note: NoteRecord; extras: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { user } = useSession();
  const deleteNote = useDeleteNote();
  const headingId = `note-${note.id}`;
  const isAuthor = note.authorId === user.id;
  // The server refuses it otherwise: only the author, and only before the review.
  const deletable = isAuthor && note.reviewedAt === null;

  return (
    <article className={`card note ${note.concern8a ? 'note-8a' : ''}`} aria-labelledby={headingId}>
      <header className="note-header">
        <h3 id={headingId}>{format.day(note.date)}</h3>
        <span className="item-meta">
          {t(`kind.${note.kind}`)} · {t('format.minutes', { count: note.durationMinutes })}
        </span>
        <span className="badges">
          {note.concern8a && <Badge tone="alert">{t('notes.badge8a')}</Badge>}
          <ConflictBadge record={note} />
          {note.amendments.length > 0 && <Badge tone="pending">{t('notes.amended')}</Badge>}
          {note.version === 0 && <Badge tone="pending">{t('notes.unsynced')}</Badge>}
        </span>
      </header>
      <p className="note-text">{note.text}</p>
      <AmendmentHistory amendments={note.amendments} />
      {extras}
      {isAuthor && (
        <div className="form-actions">
          <Link
            className="button button-quiet"
            to={`/faelle/${note.caseId}/notiz/${note.id}`}
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
