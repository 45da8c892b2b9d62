// Edits made after a lead marked the note "Geprüft": the server keeps each as an
// amendment (when, who, field: from → to), so the reviewed text stays traceable.
import { useTranslation } from 'react-i18next';
import type { Amendment } from '../../shared/records';
import { useFormatters } from '../../ui/format';
import { fieldKind, useFieldFormatter } from '../../ui/format/field-values';
import { useRecordNames } from '../../ui/format/use-record-names';

export function AmendmentHistory({ amendments }: { amendments: readonly Amendment[] }) {
  // Most notes have none: no name lookups (live queries) for those.
  if (amendments.length === 0) return null;
  return <AmendmentList amendments={amendments} />;
}

function AmendmentList({ amendments }: { amendments: readonly Amendment[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = useRecordNames();
  const fields = useFieldFormatter(names);

  return (
    <details className="amendments">
      <summary>{t('notes.amendmentHistory', { count: amendments.length })}</summary>
      <ol className="plain-list">
        {amendments.map((amendment) => (
          <li key={`${amendment.at}-${amendment.by}`} className="amendment">
            <p className="item-meta">
              {t('notes.amendmentBy', {
                date: format.dateTime(amendment.at),
                name: names.member(amendment.by) ?? t('values.unknownPerson'),
              })}
            </p>
            <dl className="change-list">
              {Object.entries(amendment.changes).map(([field, change]) => (
                <div key={field} className="change-row">
                  <dt>{fields.label('note', field)}</dt>
                  <dd className={fieldKind('note', field) === 'longText' ? 'change-long' : undefined}>
                    <span className="change-from">{fields.value('note', field, change.from)}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="visually-hidden"> {t('notes.amendmentTo')} </span>
                    <span className="change-to">{fields.value('note', field, change.to)}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </details>
  );
}
