import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteRecord } from '../../shared/records';
import { Badge, ConflictBadge, EmptyState, Loading } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { type ReviewItem, useMarkReviewed, useReviewItem } from './use-review';

/** What the route adds under the note: its amendment history and inline conflicts. */
export type RenderNoteExtras = (note: NoteRecord) => ReactNode;

interface ReviewNoteDetailProps {
  noteId: string;
  renderNoteExtras?: RenderNoteExtras | undefined;
}

export function ReviewNoteDetail({ noteId, renderNoteExtras }: ReviewNoteDetailProps) {
  const { t } = useTranslation();
  const item = useReviewItem(noteId);
  if (item === undefined) return <Loading label={t('app.loading')} />;
  if (item === null) return <EmptyState>{t('review.notFound')}</EmptyState>;
  return <ReviewNote item={item} extras={renderNoteExtras?.(item.note)} />;
}

function ReviewNote({ item, extras }: { item: ReviewItem; extras: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const markReviewed = useMarkReviewed();
  const { note } = item;

  return (
    <article
      className={`card note review-note ${note.concern8a ? 'note-8a' : ''}`}
      aria-labelledby="review-note-title"
    >
      <header className="note-header">
        <h2 id="review-note-title">{item.caseLabel ?? t('appointments.unknownCase')}</h2>
        <span className="item-meta">
          {format.day(note.date)} · {t(`kind.${note.kind}`)} ·{' '}
          {t('format.minutes', { count: note.durationMinutes })}
        </span>
        <span className="item-meta">
          {t('review.author', { name: item.authorName ?? t('review.unknownPerson') })}
        </span>
        <span className="badges">
          {note.concern8a && <Badge tone="alert">{t('notes.badge8a')}</Badge>}
          <ConflictBadge record={note} />
          {note.amendments.length > 0 && <Badge tone="pending">{t('notes.amended')}</Badge>}
        </span>
      </header>
      <p className="note-text">{note.text}</p>
      {extras}
      {note.reviewedAt ? (
        <p className="reviewed-line">
          {item.reviewerName
            ? t('review.reviewedBy', { name: item.reviewerName, date: format.dateTime(note.reviewedAt) })
            : t('review.reviewedAt', { date: format.dateTime(note.reviewedAt) })}
        </p>
      ) : (
        <button type="button" className="button button-primary" onClick={() => void markReviewed(note.id)}>
          {t('review.markReviewed')}
        </button>
      )}
    </article>
  );
}
