import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_SECTIONS, type NoteRecord } from '../../shared/records';
import { Badge, ConflictBadge, EmptyState, FormError, Loading } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { sayError } from '../../ui/forms/say-message';
import {
  type ReviewItem,
  useAcknowledgeConcern,
  useMarkConcernSeen,
  useMarkReviewed,
  useReviewItem,
} from './use-review';

/** What the route adds under the note: its amendment history, inline conflicts and comments. */
export type RenderNoteExtras = (note: NoteRecord) => ReactNode;

interface ReviewNoteDetailProps {
  noteId: string;
  renderNoteExtras?: RenderNoteExtras | undefined;
}

export function ReviewNoteDetail({ noteId, renderNoteExtras }: ReviewNoteDetailProps) {
  const { t } = useTranslation();
  const item = useReviewItem(noteId);
  const markSeen = useMarkConcernSeen();
  const isConcern = item?.note.concern8a === true;
  useEffect(() => {
    if (isConcern) void markSeen(noteId);
  }, [isConcern, noteId, markSeen]);
  if (item === undefined) return <Loading label={t('app.loading')} />;
  if (item === null) return <EmptyState>{t('review.notFound')}</EmptyState>;
  return <ReviewNote item={item} extras={renderNoteExtras?.(item.note)} />;
}

function ReviewNote({ item, extras }: { item: ReviewItem; extras: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const markReviewed = useMarkReviewed();
  const acknowledge = useAcknowledgeConcern();
  const [error, setError] = useState<string | null>(null);
  const { note } = item;
  const run = (write: () => Promise<unknown>) =>
    void write().then(
      () => setError(null),
      (failure: unknown) => setError(t('concerns.acknowledgeFailed', { message: sayError(t, failure) })),
    );

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
      {note.text && <p className="note-text">{note.text}</p>}
      {NOTE_SECTIONS.some((section) => note[section].trim() !== '') && (
        <dl className="review-sections">
          {NOTE_SECTIONS.filter((section) => note[section].trim() !== '').map((section) => (
            <div key={section}>
              <dt>{t(`fields.note.${section}`)}</dt>
              <dd>{note[section]}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="review-actions">
        {note.concern8a &&
          (note.concernAcknowledgedAt ? (
            <p className="reviewed-line">
              {item.acknowledgerName
                ? t('concerns.acknowledgedBy', {
                    name: item.acknowledgerName,
                    date: format.dateTime(note.concernAcknowledgedAt),
                  })
                : t('concerns.acknowledgedAt', { date: format.dateTime(note.concernAcknowledgedAt) })}
            </p>
          ) : (
            <button
              type="button"
              className="button button-danger"
              onClick={() => run(() => acknowledge(note.id))}
            >
              {t('concerns.acknowledge')}
            </button>
          ))}
        {note.reviewedAt ? (
          <p className="reviewed-line">
            {item.reviewerName
              ? t('review.reviewedBy', { name: item.reviewerName, date: format.dateTime(note.reviewedAt) })
              : t('review.reviewedAt', { date: format.dateTime(note.reviewedAt) })}
          </p>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => run(() => markReviewed(note.id))}
          >
            {t('review.markReviewed')}
          </button>
        )}
      </div>
      <FormError message={error} />
      {extras}
    </article>
  );
}
