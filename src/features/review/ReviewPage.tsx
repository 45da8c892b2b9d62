// The lead's review: list and note side by side from 900px on; on a phone the
// list and the note are separate screens (/pruefen and /pruefen/:noteId). The
// filters sit above the list and live in the URL's search params, which every
// link between list and note carries along.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { BackLink, EmptyState, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';
import { ReviewFilters } from './ReviewFilters';
import { type RenderNoteExtras, ReviewNoteDetail } from './ReviewNoteDetail';
import { ReviewQueueList } from './ReviewQueueList';
import { filterFromParams, hasFilter } from './review-filter-params';
import { useReviewQueue } from './use-review';
import './review.css';

interface ReviewPageProps {
  noteId: string | null;
  renderNoteExtras?: RenderNoteExtras;
}

export function ReviewPage({ noteId, renderNoteExtras }: ReviewPageProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filter = filterFromParams(params);
  const items = useReviewQueue(filter);
  const search = params.size > 0 ? `?${params.toString()}` : '';

  return (
    <>
      <PageHeader title={t('review.title')} />
      <div className={`two-pane ${noteId ? 'has-selection' : ''}`}>
        <div className="pane pane-filters">
          <ReviewFilters filter={filter} count={items?.length} />
        </div>
        <div className="pane pane-list">
          <ReviewQueueList
            items={items}
            selectedId={noteId}
            search={search}
            emptyText={hasFilter(filter) ? t('reviewFilters.noMatch') : t('review.empty')}
          />
        </div>
        <div className="pane pane-detail">
          {noteId ? (
            <>
              <BackLink to={`${paths.review}${search}`} label={t('review.backToList')} />
              <ReviewNoteDetail key={noteId} noteId={noteId} renderNoteExtras={renderNoteExtras} />
            </>
          ) : (
            <EmptyState>{t('review.choose')}</EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
