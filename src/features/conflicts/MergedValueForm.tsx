// A merged value for a text field: prefilled with every distinct value, so the
// person can combine them instead of having to pick one and lose the other.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolutionSchema } from '../../db/repositories/conflict-resolution';
import type { ConflictView } from '../../db/repositories/conflicts';
import { useSayMessage } from '../../ui/forms/say-message';

interface MergedValueFormProps {
  view: ConflictView;
  /** Long texts (a note, a concern) are joined by a blank line, short ones by " / ". */
  multiline: boolean;
  busy: boolean;
  onSubmit: (value: string) => Promise<void>;
}

function prefill(view: ConflictView, multiline: boolean): string {
  const texts = view.candidates.map((c) => (typeof c.value === 'string' ? c.value : '')).filter(Boolean);
  return [...new Set(texts)].join(multiline ? '\n\n' : ' / ');
}

export function MergedValueForm({ view, multiline, busy, onSubmit }: MergedValueFormProps) {
  const { t } = useTranslation();
  const say = useSayMessage();
  const id = useId();
  const [value, setValue] = useState(() => prefill(view, multiline));
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    // The same check the server makes, so a too long or empty required text is named here.
    const parsed = resolutionSchema(view.entity, view.field)?.safeParse(value);
    if (parsed && !parsed.success) {
      const issue = parsed.error.issues[0];
      setError(issue ? say.issue(issue) : null);
      return;
    }
    setError(null);
    void onSubmit(value);
  }

  return (
    <form className="merged-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{t('conflicts.merged')}</label>
        <textarea
          id={id}
          rows={multiline ? 8 : 2}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('conflicts.takeMerged')}
      </button>
    </form>
  );
}
