// "Fall bearbeiten": every field of the case, the lead's own ones read-only to a
// worker. Only what changed goes into the update, so an edit never collides
// with a colleague's change of another field.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CaseFields, type CaseRecord, LEAD_CASE_FIELDS } from '../../shared/records';
import { BackLink, EmptyState, Loading, PageHeader } from '../../ui/components';
import { changedFields } from '../../ui/forms/changed-fields';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { CaseForm } from './CaseForm';
import { caseFormInput } from './case-form-schema';
import { useCase, useCaseWrites } from './use-cases';
import './cases.css';

export function EditCasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const record = useCase(caseId);

  return (
    <>
      <BackLink to={paths.case(caseId)} label={t('app.back')} />
      <PageHeader title={t('caseForm.editCase')}>
        {record && <span className="muted">{record.familyName}</span>}
      </PageHeader>
      {record === undefined && <Loading label={t('app.loading')} />}
      {record === null && <EmptyState>{t('caseForm.notFound')}</EmptyState>}
      {record?.status === 'closed' && <EmptyState>{t('caseForm.closedReadOnly')}</EmptyState>}
      {record && record.status !== 'closed' && <EditCase record={record} />}
    </>
  );
}

function EditCase({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const { update } = useCaseWrites();
  const initial = caseFormInput(record);
  const back = () => navigate(paths.case(record.id), { replace: true });

  return (
    <CaseForm
      // A resolved conflict changes the record underneath: start again from the resolved values.
      key={`${record.id}-${record.conflicts.length}`}
      initial={initial}
      mode="edit"
      submitLabel={t('app.save')}
      onSubmit={async (values) => {
        const before = Object.fromEntries(
          Object.keys(values).map((field) => [field, record[field as keyof CaseFields]]),
        ) as typeof values;
        const patch: Partial<CaseFields> = changedFields(before, values);
        // A worker's form shows the lead's fields but never changes them.
        if (user.role !== 'lead') for (const field of LEAD_CASE_FIELDS) delete patch[field];
        if (Object.keys(patch).length > 0) await update(record.id, patch);
        back();
      }}
    >
      <button type="button" className="button button-quiet" onClick={back}>
        {t('app.cancel')}
      </button>
    </CaseForm>
  );
}
