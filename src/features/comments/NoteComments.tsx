// The comments on one note, and a form to add one: in Prüfen the lead's feedback
// to the author; on the author's note the answers. When the note's author looks
// at it, its comments count as read on this device (so "Neue Kommentare" on Heute
// clears), also for comments that arrive by sync while it is open.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteRecord } from '../../shared/records';
import { Badge, FormError, TextAreaField } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { sayError } from '../../ui/forms/say-message';
import { useSession } from '../../ui/session';
import { useCommentActions, useMemberNames, useNoteComments } from './use-comments';
import './comments.css';

interface NoteCommentsProps {
  note: Pick<NoteRecord, 'id' | 'caseId' | 'authorId'>;
  /** Heading level of the section title, to fit the page around it. */
  level?: 2 | 3;
}

export function NoteComments({ note, level = 3 }: NoteCommentsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { user } = useSession();
  const comments = useNoteComments(note.id);
  const names = useMemberNames();
  const actions = useCommentActions();
  const isAuthor = note.authorId === user.id;
  const Heading = `h${level}` as const;
  const titleId = `comments-${note.id}`;

  const commentIds = comments?.map((c) => c.id).join(',');
  useEffect(() => {
    if (isAuthor && commentIds !== undefined) void actions.markRead(note.id);
  }, [isAuthor, commentIds, note.id, actions.markRead]);

  return (
    <section className="note-comments" aria-labelledby={titleId}>
      <Heading id={titleId} className="note-comments-title">
        {t('comments.title')}
      </Heading>
      {comments && comments.length === 0 && <p className="muted">{t('comments.empty')}</p>}
      {comments && comments.length > 0 && (
        <ol className="plain-list comment-list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <p className="comment-meta">
                {t('comments.by', {
                  name: names?.get(comment.authorId) ?? t('review.unknownPerson'),
                  date: format.dateTime(comment.createdAt),
                })}
                {comment.version === 0 && <Badge tone="pending">{t('comments.unsynced')}</Badge>}
              </p>
              <p className="comment-text">{comment.text}</p>
            </li>
          ))}
        </ol>
      )}
      <CommentForm
        note={note}
        label={
          isAuthor
            ? t('comments.fieldPlain')
            : t('comments.field', { name: names?.get(note.authorId) ?? t('review.unknownPerson') })
        }
      />
    </section>
  );
}

function CommentForm({ note, label }: { note: NoteCommentsProps['note']; label: string }) {
  const { t } = useTranslation();
  const { create } = useCommentActions();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    try {
      await create(note, text.trim());
      setText('');
      setError(null);
    } catch (failure) {
      setError(t('comments.saveFailed', { message: sayError(t, failure) }));
    }
  }

  return (
    <form className="comment-form" onSubmit={(event) => void submit(event)}>
      <TextAreaField label={label} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
      <FormError message={error} />
      <button type="submit" className="button button-secondary" disabled={text.trim() === ''}>
        {t('comments.submit')}
      </button>
    </form>
  );
}
