// One field changed differently on two devices: every value with who set it and
// when, "Diesen Wert übernehmen" for each, and for text a merged value to edit.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../db/repositories/conflicts';
import { Badge, FormError } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { type FieldFormatter, fieldKind, isTextKind } from '../../ui/format/field-values';
import { Heading, type HeadingLevel } from './Heading';
import { MergedValueForm } from './MergedValueForm';
import { useCandidateAuthor } from './use-candidate-author';
import { useResolution } from './use-resolution';

interface FieldConflictProps {
  view: ConflictView;
  level: HeadingLevel;
  fields: FieldFormatter;
}

export function FieldConflict({ view, level, fields }: FieldConflictProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { busy, error, choose } = useResolution(view);
  const authorOf = useCandidateAuthor();
  const headingId = useId();
  const kind = fieldKind(view.entity, view.field);
  const label = fields.label(view.entity, view.field);

  return (
    <article className="conflict" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {t('conflicts.fieldHeading', { field: label })}
      </Heading>
      <ul className="plain-list conflict-candidates">
        {view.candidates.map((candidate, index) => {
          const valueId = `${headingId}-value-${index}`;
          return (
            <li key={`${candidate.by}-${candidate.deviceId}-${candidate.at}`} className="conflict-candidate">
              <p
                id={valueId}
                className={kind === 'longText' ? 'candidate-value note-text' : 'candidate-value'}
              >
                {fields.value(view.entity, view.field, candidate.value)}
              </p>
              <p className="item-meta">
                {t('conflicts.by', {
                  name: authorOf(candidate),
                  date: format.dateTime(candidate.at),
                })}{' '}
                {candidate.isCurrent && <Badge tone="muted">{t('conflicts.current')}</Badge>}
              </p>
              <button
                type="button"
                className="button button-secondary"
                aria-describedby={valueId}
                disabled={busy}
                onClick={() => void choose(candidate.value)}
              >
                {t('conflicts.take')}
              </button>
            </li>
          );
        })}
      </ul>
      {isTextKind(kind) && (
        <MergedValueForm view={view} multiline={kind === 'longText'} busy={busy} onSubmit={choose} />
      )}
      <FormError message={error} />
    </article>
  );
}
