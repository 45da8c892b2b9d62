import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, ConflictBadge, EmptyState, Loading } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import type { ReviewItem } from './use-review';

interface ReviewQueueListProps {
  items: ReviewItem[] | undefined;
  selectedId: string | null;
  /** The filters' search params ("?…" or ""), kept on every link. */
  search: string;
  emptyText: string;
}

export function ReviewQueueList({ items, selectedId, search, emptyText }: ReviewQueueListProps) {
  const { t } = useTranslation();
  if (!items) return <Loading label={t('app.loading')} />;
  if (items.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <ul className="plain-list card-list review-list">
      {items.map((item) => (
        <li key={item.note.id}>
          <ReviewRow item={item} selected={item.note.id === selectedId} search={search} />
        </li>
      ))}
    </ul>
  );
}

function ReviewRow({ item, selected, search }: { item: ReviewItem; selected: boolean; search: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { note } = item;
  const classes = [
    'card',
    'card-link',
    'review-row',
    note.concern8a ? 'is-8a' : '',
    note.concern8a && !note.concernAcknowledgedAt ? 'is-open-concern' : '',
    note.reviewedAt ? 'is-reviewed' : '',
  ];
  return (
    <Link
      to={`${paths.reviewNote(note.id)}${search}`}
      className={classes.join(' ')}
      aria-current={selected ? 'true' : undefined}
    >
      <span className="review-row-head">
        <span className="item-title">{item.caseLabel ?? t('appointments.unknownCase')}</span>
        <span className="badges">
          {note.concern8a && (
            <Badge tone="alert">
              {note.concernAcknowledgedAt ? t('notes.badge8a') : t('concerns.badge')}
            </Badge>
          )}
          <ConflictBadge record={note} />
          {note.amendments.length > 0 && <Badge tone="pending">{t('notes.amended')}</Badge>}
          {note.reviewedAt ? (
            <Badge tone="success">{t('review.reviewed')}</Badge>
          ) : (
            <Badge tone="pending">{t('review.open')}</Badge>
          )}
        </span>
      </span>
      <span className="item-meta">
        {format.day(note.date)} · {t(`kind.${note.kind}`)} · {item.authorName ?? t('review.unknownPerson')}
      </span>
      <span className="review-preview">{note.text || previewOfSections(note)}</span>
    </Link>
  );
}

/** A template note may have no free text: its first filled section stands in. */
function previewOfSections(note: ReviewItem['note']): string {
  return (
    [note.occasion, note.observations, note.agreements, note.nextSteps, note.talkedWith].find((s) =>
      s.trim(),
    ) ?? ''
  );
}
