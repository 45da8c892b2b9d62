// "Fall abschließen": Ende, Beendigungsgrund, Anschlusshilfe, Abschlussvermerk.
// A worker's "Abschluss beantragen" waits for the lead; a lead's "Abschließen"
// closes the case (also one whose closure a worker requested, prefilled with
// what they wrote).
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CaseRecord, ClosingReason } from '../../shared/records';
import {
  BackLink,
  EmptyState,
  FormError,
  Loading,
  PageHeader,
  SelectField,
  TextAreaField,
  TextField,
} from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { todayIso } from '../../ui/format';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { useSaveError } from '../../ui/forms/use-save-error';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { type ClosureFormInput, type ClosureFormValues, closureFormFields } from './case-form-schema';
import { useCase, useCaseWrites } from './use-cases';
import './cases.css';

export function CloseCasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const record = useCase(caseId);

  return (
    <>
      <BackLink to={paths.case(caseId)} label={t('app.back')} />
      <PageHeader title={t('caseClosure.title')}>
        {record && <span className="muted">{record.familyName}</span>}
      </PageHeader>
      {record === undefined && <Loading label={t('app.loading')} />}
      {record === null && <EmptyState>{t('caseForm.notFound')}</EmptyState>}
      {record?.status === 'closed' && <EmptyState>{t('caseClosure.closedText')}</EmptyState>}
      {record && record.status !== 'closed' && <ClosureForm record={record} />}
    </>
  );
}

function ClosureForm({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const isLead = user.role === 'lead';
  const { close } = useCaseWrites();
  const schema = closureFormFields(record.startDate);
  const form = useForm<ClosureFormInput, unknown, ClosureFormValues>({
    resolver: useMessageResolver(schema),
    defaultValues: {
      endDate: record.endDate ?? todayIso(),
      closingReason: record.closingReason ?? ('' as ClosureFormInput['closingReason']),
      followUpHelp: record.followUpHelp,
      closingNote: record.closingNote,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const { saveError, save } = useSaveError();
  const back = () => navigate(paths.case(record.id), { replace: true });

  const submit = form.handleSubmit(async (closure) => {
    if (await save(() => close(record.id, closure, isLead ? 'closed' : 'closure_requested'))) back();
  });

  return (
    <form onSubmit={submit} noValidate className="card form closure-form">
      {!isLead && <p className="muted">{t('caseClosure.requestHint')}</p>}
      <div className="field-row">
        <TextField
          label={t('caseClosure.endDate')}
          type="date"
          registration={form.register('endDate')}
          error={errors.endDate?.message}
        />
        <SelectField
          label={t('caseClosure.closingReason')}
          registration={form.register('closingReason')}
          error={errors.closingReason?.message}
        >
          <option value="">{t('caseClosure.chooseReason')}</option>
          {ClosingReason.options.map((reason) => (
            <option key={reason} value={reason}>
              {t(`closingReason.${reason}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t('caseClosure.followUpHelp')}
        hint={t('caseClosure.followUpHelpHint')}
        registration={form.register('followUpHelp')}
        error={errors.followUpHelp?.message}
        autoComplete="off"
      />
      <TextAreaField
        label={t('caseClosure.closingNote')}
        registration={form.register('closingNote')}
        error={errors.closingNote?.message}
        rows={5}
      />
      <FormError message={saveError} />
      <FormActions
        submitLabel={isLead ? t('caseClosure.confirm') : t('caseClosure.request')}
        disabled={isSubmitting}
      >
        <button type="button" className="button button-quiet" onClick={back}>
          {t('app.cancel')}
        </button>
      </FormActions>
    </form>
  );
}
