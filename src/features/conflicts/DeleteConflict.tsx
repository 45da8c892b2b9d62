// Deleted on one device, edited on another: who did which and when, then
// "Löschen bestätigen" (the record goes) or "Behalten" (it stays, with the edit).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../db/repositories/conflicts';
import { FormError } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { Heading, type HeadingLevel } from './Heading';
import { useCandidateAuthor } from './use-candidate-author';
import { useResolution } from './use-resolution';

export function DeleteConflict({ view, level }: { view: ConflictView; level: HeadingLevel }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { busy, error, choose } = useResolution(view);
  const authorOf = useCandidateAuthor();
  const headingId = useId();

  return (
    <article className="conflict" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {t('conflicts.deleteHeading')}
      </Heading>
      <ul className="plain-list conflict-candidates">
        {view.candidates.map((candidate) => {
          const who = {
            name: authorOf(candidate),
            date: format.dateTime(candidate.at),
          };
          return (
            <li key={`${candidate.by}-${candidate.deviceId}-${candidate.at}`} className="conflict-candidate">
              {candidate.value === true ? t('conflicts.deletedBy', who) : t('conflicts.editedBy', who)}
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => void choose(true)}
        >
          {t('conflicts.confirmDelete')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => void choose(false)}
        >
          {t('conflicts.keep')}
        </button>
      </div>
      <FormError message={error} />
    </article>
  );
}
