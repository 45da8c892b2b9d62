// "Neuer Fall": a lead creates a case for anyone of the team, a worker for
// themselves. Saved on the device with its outbox entry (offline like every
// write); the new case opens.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackLink, PageHeader } from '../../ui/components';
import { todayIso } from '../../ui/format';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { CaseForm } from './CaseForm';
import { emptyCaseForm } from './case-form-schema';
import { useCaseWrites } from './use-cases';
import './cases.css';

export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const { create } = useCaseWrites();
  // A lead chooses who is responsible; a worker's own case is theirs.
  const initial = emptyCaseForm(todayIso(), user.role === 'lead' ? '' : user.id);

  return (
    <>
      <BackLink to={paths.cases} label={t('app.back')} />
      <PageHeader title={t('caseForm.newCase')} />
      <CaseForm
        initial={initial}
        mode="create"
        submitLabel={t('caseForm.create')}
        onSubmit={async (values) => {
          const created = await create(values);
          navigate(paths.case(created.id), { replace: true });
        }}
      />
    </>
  );
}
