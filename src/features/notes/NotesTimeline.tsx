import { useTranslation } from 'react-i18next';
import type { NoteRecord } from '../../shared/records';
import { Badge, EmptyState, Loading } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { useNotesForCase } from './use-notes';

/** A case's notes, newest first, each in full. */
export function NotesTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const notes = useNotesForCase(caseId);

  if (!notes) return <Loading label={t('app.loading')} />;
  if (notes.length === 0) return <EmptyState>{t('notes.empty')}</EmptyState>;
  return (
    <ol className="plain-list timeline">
      {notes.map((note) => (
        <li key={note.id}>
          <NoteEntry note={note} />
        </li>
      ))}
    </ol>
  );
}

function NoteEntry({ note }: { note: NoteRecord }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <article className={`card note ${note.concern8a ? 'note-8a' : ''}`}>
      <header className="note-header">
        <h3>{format.day(note.date)}</h3>
        <span className="item-meta">
          {t(`kind.${note.kind}`)} · {t('format.minutes', { count: note.durationMinutes })}
        </span>
        <span className="badges">
          {note.concern8a && <Badge tone="alert">{t('notes.badge8a')}</Badge>}
          {note.version === 0 && <Badge tone="pending">{t('notes.unsynced')}</Badge>}
        </span>
      </header>
      <p className="note-text">{note.text}</p>
    </article>
  );
}
