// A one-time code (invitation or password reset) as the server hands it out once:
// in a read-only field to copy, with its expiry, and a sheet to print for the
// person (name, username, code, expiry, the app's address). Printing shows only
// that sheet (people.css, @media print).
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedCode } from '../../shared/protocol';
import { useFormatters } from '../../ui/format';

interface IssuedCodeCardProps {
  heading: string;
  issued: IssuedCode;
  person: { displayName: string; username: string };
}

export function IssuedCodeCard({ heading, issued, person }: IssuedCodeCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const fieldId = useId();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const validUntil = format.dateTime(issued.expiresAt);
  const address = window.location.origin;

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.code);
      setCopied(true);
    } catch {
      // Without clipboard access (an http address, a refusing browser) the code is selected for copying by hand.
      input.current?.select();
    }
  }

  return (
    <section className="card issued-code" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <div className="field">
        <label htmlFor={fieldId}>{t('access.invitationCode')}</label>
        <input
          ref={input}
          id={fieldId}
          className="issued-code-value"
          value={issued.code}
          readOnly
          aria-describedby={`${fieldId}-hint`}
          onFocus={(event) => event.target.select()}
        />
        <p id={`${fieldId}-hint`} className="field-hint">
          {t('access.codeValid', { date: validUntil })}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {t('access.copy')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('access.print')}
        </button>
      </div>
      {copied && (
        <p className="muted" role="status">
          {t('access.copied')}
        </p>
      )}
      <div className="print-sheet">
        <p className="print-brand">{t('app.name')}</p>
        <h2>{t('access.printTitle')}</h2>
        <dl>
          <dt>{t('access.printFor')}</dt>
          <dd>{person.displayName}</dd>
          <dt>{t('access.username')}</dt>
          <dd>{person.username}</dd>
          <dt>{t('access.invitationCode')}</dt>
          <dd className="print-code">{issued.code}</dd>
          <dt>{t('access.printValidUntil')}</dt>
          <dd>{validUntil}</dd>
          <dt>{t('access.printAddress')}</dt>
          <dd>{address}</dd>
        </dl>
        <p>{t('access.printSteps')}</p>
      </div>
    </section>
  );
}
