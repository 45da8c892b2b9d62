// The lead's review: list and note side by side from 900px on; on a phone the
// list and the note are separate screens (/pruefen and /pruefen/:noteId).
import { useTranslation } from 'react-i18next';
import { BackLink, EmptyState, PageHeader } from '../../ui/components';
import { type RenderNoteExtras, ReviewNoteDetail } from './ReviewNoteDetail';
import { ReviewQueueList } from './ReviewQueueList';
import { useReviewQueue } from './use-review';

interface ReviewPageProps {
  noteId: string | null;
  renderNoteExtras?: RenderNoteExtras;
}

export function ReviewPage({ noteId, renderNoteExtras }: ReviewPageProps) {
  const { t } = useTranslation();
  const items = useReviewQueue();

  return (
    <>
      <PageHeader title={t('review.title')} />
      <div className={`two-pane ${noteId ? 'has-selection' : ''}`}>
        <div className="pane pane-list">
          <ReviewQueueList items={items} selectedId={noteId} />
        </div>
        <div className="pane pane-detail">
          {noteId ? (
            <>
              <BackLink to="/pruefen" label={t('review.backToList')} />
              <ReviewNoteDetail noteId={noteId} renderNoteExtras={renderNoteExtras} />
            </>
          ) : (
            <EmptyState>{t('review.choose')}</EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
