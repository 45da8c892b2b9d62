// One change the server refused: what it was (entity, case, fields and values),
// why (the server's message in the UI's language, and what that kind of refusal usually means) and
// "Verwerfen". A permission refusal after a case was handed over reads e.g.
// "Termin geändert · Fall: Yilmaz · Ort: Rathaus · Grund: keine Berechtigung …".
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from '../../db/infrastructure/schema';
import { useFormatters } from '../../ui/format';
import type { FieldFormatter } from '../../ui/format/field-values';
import type { RecordNames } from '../../ui/format/use-record-names';
import { sayRefusal } from '../../ui/forms/say-message';

interface RejectedChangeItemProps {
  entry: OutboxEntry;
  names: RecordNames;
  fields: FieldFormatter;
  onDismiss: () => void;
}

export function RejectedChangeItem({ entry, names, fields, onDismiss }: RejectedChangeItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const caseName = caseNameOf(entry, names);
  const { rejection } = entry;

  return (
    <article aria-labelledby={titleId}>
      <h3 id={titleId} className="item-title">
        {t(`sync.entity.${entry.entity}`)} {t(`sync.op.${entry.op}`)}
      </h3>
      {caseName && <p className="item-meta">{t('sync.rejectedCase', { name: caseName })}</p>}
      <ChangeSummary entry={entry} fields={fields} />
      {rejection && (
        <>
          <p className="field-error">{t('sync.rejectedReason', { message: sayRefusal(t, rejection) })}</p>
          <p className="muted">{t(`sync.rejectedHint.${rejection.code}`)}</p>
          <p className="muted">{t('sync.rejectedAt', { date: format.dateTime(rejection.at) })}</p>
        </>
      )}
      <button type="button" className="button button-secondary" onClick={onDismiss}>
        {t('sync.dismiss')}
      </button>
    </article>
  );
}

function ChangeSummary({ entry, fields }: { entry: OutboxEntry; fields: FieldFormatter }) {
  const { t } = useTranslation();
  if (entry.op === 'delete') return <p>{t('sync.rejectedDelete')}</p>;
  if (entry.op === 'resolve') {
    return <p>{t('sync.rejectedResolve', { value: JSON.stringify(entry.data.value) })}</p>;
  }
  // The case is named above; the other fields are what the person typed or chose.
  const changed = Object.entries(entry.data).filter(([field]) => field !== 'caseId');
  if (changed.length === 0) return null;
  return (
    <>
      <p className="change-list-title">{t('sync.rejectedWhat')}</p>
      <dl className="change-list">
        {changed.map(([field, value]) => (
          <div key={field} className="change-row">
            <dt>{fields.label(entry.entity, field)}</dt>
            <dd>{fields.value(entry.entity, field, value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** The case a change belongs to, when this device still knows the case's name. */
function caseNameOf(entry: OutboxEntry, names: RecordNames): string | null {
  const caseId =
    entry.entity === 'case'
      ? entry.recordId
      : (entry.caseId ?? (typeof entry.data.caseId === 'string' ? entry.data.caseId : null));
  return caseId ? names.caseName(caseId) : null;
}
