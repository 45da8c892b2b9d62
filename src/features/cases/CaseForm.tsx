// The case's fields for "Neuer Fall" and "Fall bearbeiten". What a lead alone
// decides (approved hours; after creation also Hilfeart, Kostenträger and the
// assignment) is an input for a lead and plain text for a worker: a worker
// creates a case for themselves, without approved hours.
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { HelpKind } from '../../shared/records';
import { FormError, SelectField, TextAreaField, TextField } from '../../ui/components';
import { FormActions } from '../../ui/components/form-parts';
import { useFormatters } from '../../ui/format';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { useSaveError } from '../../ui/forms/use-save-error';
import { useSession } from '../../ui/session';
import { CaseFormFields, type CaseFormInput, type CaseFormValues, GermanHours } from './case-form-schema';
import { HouseholdFields } from './HouseholdFields';
import { useTeamMembers } from './use-team-members';

interface CaseFormProps {
  initial: CaseFormInput;
  /** 'create': a worker still sets Hilfeart and Kostenträger; 'edit': those are the lead's. */
  mode: 'create' | 'edit';
  submitLabel: string;
  onSubmit: (values: CaseFormValues) => Promise<unknown>;
  /** Further buttons after the submit button, such as cancel. */
  children?: ReactNode;
}

export function CaseForm({ initial, mode, submitLabel, onSubmit, children }: CaseFormProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isLead = user.role === 'lead';
  const form = useForm<CaseFormInput, unknown, CaseFormValues>({
    resolver: useMessageResolver(CaseFormFields),
    defaultValues: initial,
  });
  const { errors, isSubmitting } = form.formState;
  const { saveError, save } = useSaveError();
  const submit = form.handleSubmit((values) => save(() => onSubmit(values)));
  const helpEditable = isLead || mode === 'create';
  // A district no longer in the team's list stays choosable for the case that has it.
  const districts = [...new Set([...user.districts, initial.district].filter((d): d is string => !!d))];

  return (
    <form onSubmit={submit} noValidate className="card form case-form">
      <fieldset className="fieldset">
        <legend>{t('caseForm.familySection')}</legend>
        <div className="field-row">
          <TextField
            label={t('caseForm.reference')}
            registration={form.register('reference')}
            error={errors.reference?.message}
            autoComplete="off"
          />
          <TextField
            label={t('caseForm.familyName')}
            registration={form.register('familyName')}
            error={errors.familyName?.message}
            autoComplete="off"
          />
        </div>
        <TextField
          label={t('caseForm.address')}
          registration={form.register('address')}
          error={errors.address?.message}
          autoComplete="off"
        />
        <div className="field-row">
          <TextField
            label={t('caseForm.phone')}
            type="tel"
            registration={form.register('phone')}
            error={errors.phone?.message}
            autoComplete="off"
          />
          <SelectField
            label={t('caseForm.district')}
            hint={districts.length === 0 ? t('caseForm.noDistrictsHint') : undefined}
            registration={form.register('district')}
            error={errors.district?.message}
          >
            <option value="">{t('caseForm.noDistrict')}</option>
            {districts.map((district) => (
              <option key={district} value={district}>
                {district}
              </option>
            ))}
          </SelectField>
        </div>
        <TextAreaField
          label={t('caseForm.clients')}
          hint={t('caseForm.clientsHint')}
          registration={form.register('clients')}
          error={errors.clients?.message}
          rows={2}
        />
      </fieldset>

      <HouseholdFields control={form.control} register={form.register} errors={errors.household} />

      <fieldset className="fieldset">
        <legend>{t('caseForm.helpSection')}</legend>
        {helpEditable && (
          <>
            <SelectField
              label={t('caseForm.helpKind')}
              registration={form.register('helpKind')}
              error={errors.helpKind?.message}
            >
              {HelpKind.options.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`helpKind.${kind}`)}
                </option>
              ))}
            </SelectField>
            <div className="field-row">
              <TextField
                label={t('caseForm.payer')}
                registration={form.register('payer')}
                error={errors.payer?.message}
                autoComplete="off"
              />
              <TextField
                label={t('caseForm.payerContact')}
                registration={form.register('payerContact')}
                error={errors.payerContact?.message}
                autoComplete="off"
              />
            </div>
          </>
        )}
        <div className="field-row">
          <TextField
            label={t('caseForm.startDate')}
            type="date"
            registration={form.register('startDate')}
            error={errors.startDate?.message}
          />
          <TextField
            label={t('caseForm.nextHelpPlanDate')}
            type="date"
            registration={form.register('nextHelpPlanDate')}
            error={errors.nextHelpPlanDate?.message}
          />
        </div>
        {isLead && (
          <div className="field-row">
            <TextField
              label={t('caseForm.approvedHours')}
              hint={t('caseForm.approvedHoursHint')}
              inputMode="decimal"
              autoComplete="off"
              registration={form.register('approvedHoursPerMonth')}
              error={errors.approvedHoursPerMonth?.message}
            />
            <AssigneeSelect form={form} error={errors.assignedTo?.message} />
          </div>
        )}
        {!helpEditable && <LeadFields initial={initial} />}
        {!isLead && mode === 'create' && (
          <>
            <dl className="facts">
              <div className="fact">
                <dt>{t('caseForm.assignedTo')}</dt>
                <dd>{user.displayName}</dd>
              </div>
            </dl>
            <p className="field-hint">{t('caseForm.leadFieldsHint')}</p>
          </>
        )}
      </fieldset>

      <FormError message={saveError} />
      <FormActions submitLabel={submitLabel} disabled={isSubmitting}>
        {children}
      </FormActions>
    </form>
  );
}

function AssigneeSelect({
  form,
  error,
}: {
  form: ReturnType<typeof useForm<CaseFormInput, unknown, CaseFormValues>>;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const members = useTeamMembers();
  return (
    <SelectField label={t('caseForm.assignedTo')} registration={form.register('assignedTo')} error={error}>
      <option value="">{t('caseForm.choosePerson')}</option>
      {(members ?? []).map((member) => (
        <option key={member.id} value={member.id}>
          {member.displayName}
        </option>
      ))}
    </SelectField>
  );
}

/** The lead's fields as a worker sees them while editing: read, not changed. */
function LeadFields({ initial }: { initial: CaseFormInput }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const members = useTeamMembers();
  const hours = GermanHours.safeParse(initial.approvedHoursPerMonth);
  const assignee = members?.find((m) => m.id === initial.assignedTo)?.displayName ?? '';
  return (
    <div className="lead-fields">
      <p className="field-hint">{t('caseForm.leadFieldsHint')}</p>
      <dl className="facts">
        <div className="fact">
          <dt>{t('caseForm.helpKind')}</dt>
          <dd>{t(`helpKind.${initial.helpKind}`)}</dd>
        </div>
        <div className="fact">
          <dt>{t('caseForm.payer')}</dt>
          <dd>{[initial.payer, initial.payerContact].filter(Boolean).join(' · ') || '–'}</dd>
        </div>
        <div className="fact">
          <dt>{t('caseForm.approvedHours')}</dt>
          <dd>
            {hours.success && hours.data > 0
              ? t('values.hours', { value: format.decimal(hours.data) })
              : t('caseForm.noApprovedHours')}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('caseForm.assignedTo')}</dt>
          <dd>{assignee || '–'}</dd>
        </div>
      </dl>
    </div>
  );
}
