// "Neue Kommentare" on Heute: comments from others (typically the lead) on the
// user's own notes, until the user opens the note. Nothing shows when there are none.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { useMemberNames, useUnreadComments } from './use-comments';
import './comments.css';

export function NewComments() {
  const { t } = useTranslation();
  const format = useFormatters();
  const unread = useUnreadComments();
  const names = useMemberNames();
  if (!unread || unread.length === 0) return null;
  return (
    <section className="card new-comments" aria-labelledby="new-comments-title">
      <h2 id="new-comments-title">{t('newComments.title')}</h2>
      <ul className="plain-list">
        {unread.map(({ comment, note, caseName }) => (
          <li key={comment.id}>
            <Link className="new-comment-link" to={paths.caseNote(note.caseId, note.id)}>
              <span className="item-title">
                {t('newComments.item', {
                  author: names?.get(comment.authorId) ?? t('newComments.unknownAuthor'),
                  caseName: caseName ?? t('newComments.unknownCase'),
                })}
              </span>
              <span className="item-meta">
                {t('newComments.noteOf', { date: format.day(note.date) })} ·{' '}
                {format.dateTime(comment.createdAt)}
              </span>
              <span className="new-comment-text">{comment.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
