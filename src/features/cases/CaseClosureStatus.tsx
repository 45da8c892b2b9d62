// Where a case stands in its closure, on the case page: the actions of an open
// case ("Fall bearbeiten", "Fall abschließen"); a requested closure waiting for
// the lead (the worker may withdraw it, the lead closes or declines it); a
// closed case, read-only, which a lead may reopen.
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord } from '../../shared/records';
import { Badge, FormError } from '../../ui/components';
import { ConfirmDialog } from '../../ui/components/ConfirmDialog';
import { ButtonLink } from '../../ui/components/links';
import { useFormatters } from '../../ui/format';
import { sayError } from '../../ui/forms/say-message';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { useCaseWrites } from './use-cases';
import './cases.css';

export function CaseClosureStatus({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isLead = user.role === 'lead';

  if (record.status === 'open') {
    return (
      <div className="form-actions case-actions">
        <ButtonLink to={paths.editCase(record.id)} variant="secondary">
          {t('caseForm.editCase')}
        </ButtonLink>
        <ButtonLink to={paths.closeCase(record.id)} variant="secondary">
          {t('caseClosure.close')}
        </ButtonLink>
      </div>
    );
  }

  if (record.status === 'closure_requested') {
    return (
      <section className="card closure-status is-requested" aria-labelledby="closure-title">
        <div className="section-header">
          <h2 id="closure-title">{t('caseClosure.requested')}</h2>
          <Badge tone="pending">{t('caseStatus.closure_requested')}</Badge>
        </div>
        <p>{isLead ? t('caseClosure.requestedForLead') : t('caseClosure.requestedWaiting')}</p>
        <ClosureFacts record={record} />
        <ReopenAction
          record={record}
          label={isLead ? t('caseClosure.decline') : t('caseClosure.withdraw')}
          confirm={false}
        >
          {isLead && <ButtonLink to={paths.closeCase(record.id)}>{t('caseClosure.confirm')}</ButtonLink>}
          <ButtonLink to={paths.editCase(record.id)} variant="quiet">
            {t('caseForm.editCase')}
          </ButtonLink>
        </ReopenAction>
      </section>
    );
  }

  return (
    <section className="card closure-status is-closed" aria-labelledby="closure-title">
      <div className="section-header">
        <h2 id="closure-title">{t('caseClosure.closed')}</h2>
      </div>
      <p>{t('caseClosure.closedText')}</p>
      <ClosureFacts record={record} />
      {isLead && <ReopenAction record={record} label={t('caseClosure.reopen')} confirm />}
    </section>
  );
}

function ClosureFacts({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <dl className="facts">
      {record.endDate && <Fact label={t('caseClosure.endDate')}>{format.day(record.endDate)}</Fact>}
      {record.closingReason && (
        <Fact label={t('caseClosure.closingReason')}>{t(`closingReason.${record.closingReason}`)}</Fact>
      )}
      {record.followUpHelp && <Fact label={t('caseClosure.followUpHelp')}>{record.followUpHelp}</Fact>}
      {record.closingNote && (
        <Fact label={t('caseClosure.closingNote')}>
          <span className="note-text">{record.closingNote}</span>
        </Fact>
      )}
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Back to open: withdraw or decline a request at once; reopening a closed case asks first. */
function ReopenAction({
  record,
  label,
  confirm,
  children,
}: {
  record: CaseRecord;
  label: string;
  confirm: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { reopen } = useCaseWrites();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setAsking(false);
    try {
      await reopen(record.id);
      setError(null);
    } catch (failure) {
      setError(t('caseClosure.failed', { message: sayError(t, failure) }));
    }
  }

  return (
    <>
      <div className="form-actions">
        {children}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => (confirm ? setAsking(true) : void run())}
        >
          {label}
        </button>
      </div>
      <FormError message={error} />
      {asking && (
        <ConfirmDialog
          title={t('caseClosure.reopenTitle')}
          confirmLabel={label}
          cancelLabel={t('dialog.cancel')}
          onCancel={() => setAsking(false)}
          onConfirm={() => void run()}
        >
          <p>{t('caseClosure.reopenText')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
