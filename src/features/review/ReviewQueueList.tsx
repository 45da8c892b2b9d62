import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, ConflictBadge, EmptyState, Loading } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import type { ReviewItem } from './use-review';

interface ReviewQueueListProps {
  items: ReviewItem[] | undefined;
  selectedId: string | null;
}

export function ReviewQueueList({ items, selectedId }: ReviewQueueListProps) {
  const { t } = useTranslation();
  if (!items) return <Loading label={t('app.loading')} />;
  if (items.length === 0) return <EmptyState>{t('review.empty')}</EmptyState>;
  return (
    <ul className="plain-list card-list review-list">
      {items.map((item) => (
        <li key={item.note.id}>
          <ReviewRow item={item} selected={item.note.id === selectedId} />
        </li>
      ))}
    </ul>
  );
}

function ReviewRow({ item, selected }: { item: ReviewItem; selected: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { note } = item;
  const classes = [
    'card',
    'card-link',
    'review-row',
    note.concern8a ? 'is-8a' : '',
    note.reviewedAt ? 'is-reviewed' : '',
  ];
  return (
    <Link
      to={`/pruefen/${note.id}`}
      className={classes.join(' ')}
      aria-current={selected ? 'true' : undefined}
    >
      <span className="review-row-head">
        <span className="item-title">{item.caseLabel ?? t('appointments.unknownCase')}</span>
        <span className="badges">
          {note.concern8a && <Badge tone="alert">{t('notes.badge8a')}</Badge>}
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
      <span className="review-preview">{note.text}</span>
    </Link>
  );
}
