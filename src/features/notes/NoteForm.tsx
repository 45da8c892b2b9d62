// The note form: free text or the home-visit template, date and kind, billable
// time (direct, travel, kilometres), the help-plan goals worked on and § 8a.
// Validated with the shared schema; nothing is written while a field is invalid.
// Every change is kept as a draft on the device, restored when the form opens
// again, and deleted by the save (in the save's own transaction).
import { useEffect, useState } from 'react';
import { type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ContactKind, NoteTemplate } from '../../shared/records';
import { CheckboxField, FormError, Loading, TextField } from '../../ui/components';
import { ContactKindSelect, FormActions } from '../../ui/components/form-parts';
import { todayIso, useFormatters } from '../../ui/format';
import { useSaveError } from '../../ui/forms/use-save-error';
import { BillableTimeFields } from './BillableTimeFields';
import { GoalChoices } from './GoalChoices';
import {
  NoteFormFields,
  type NoteFormOutput,
  type NoteFormValues,
  withDraftValues,
} from './note-form-schema';
import { TemplateFields } from './TemplateFields';
import { useDraftAutosave, useStoredDraft } from './use-note-draft';
import './note-form.css';
import { useMessageResolver } from '../../ui/forms/message-resolver';

/** The template a contact kind suggests: a home visit gets the home-visit sections. */
function templateFor(kind: ContactKind): NoteTemplate {
  return kind === 'home_visit' ? 'home_visit' : 'free';
}

export function emptyNote(overrides: Partial<NoteFormValues> = {}): NoteFormValues {
  const kind = overrides.kind ?? 'home_visit';
  return {
    text: '',
    date: todayIso(),
    kind,
    durationMinutes: 60,
    concern8a: false,
    template: templateFor(kind),
    occasion: '',
    observations: '',
    talkedWith: '',
    agreements: '',
    nextSteps: '',
    travelMinutes: 0,
    kilometres: 0,
    goalIds: [],
    ...overrides,
  };
}

interface NoteFormProps {
  caseId: string;
  initial: NoteFormValues;
  /** Where the draft lives (src/db/repositories/drafts.ts draftKeys). */
  draftKey: string;
  /** Saves the note and deletes the draft `draftKey` in the same transaction. */
  onSubmit: (fields: NoteFormOutput) => Promise<unknown>;
  /** A new note's template follows its kind until the author picks one. */
  templateFollowsKind?: boolean;
}

export function NoteForm(props: NoteFormProps) {
  const { t } = useTranslation();
  const stored = useStoredDraft(props.draftKey);
  // Discarding the draft starts the form afresh from `initial`.
  const [discarded, setDiscarded] = useState(false);
  if (stored === undefined) return <Loading label={t('app.loading')} />;
  const draft = discarded ? null : stored;
  return (
    <NoteFormBody
      key={draft ? 'draft' : 'fresh'}
      {...props}
      start={draft ? withDraftValues(props.initial, draft.values) : props.initial}
      restoredAt={draft?.updatedAt ?? null}
      onDiscarded={() => setDiscarded(true)}
    />
  );
}

interface NoteFormBodyProps extends NoteFormProps {
  start: NoteFormValues;
  restoredAt: string | null;
  onDiscarded: () => void;
}

function NoteFormBody({
  caseId,
  start,
  draftKey,
  onSubmit,
  templateFollowsKind,
  restoredAt,
  onDiscarded,
}: NoteFormBodyProps) {
  const { t } = useTranslation();
  const { saveError, save } = useSaveError();
  const form = useForm<NoteFormValues>({
    // The form always holds every field, so the schema's defaults never apply: its input is its output.
    resolver: useMessageResolver(NoteFormFields) as unknown as Resolver<NoteFormValues>,
    defaultValues: start,
  });
  const { errors, isSubmitting } = form.formState;
  const draft = useDraftAutosave(form, draftKey, caseId);
  useTemplateFollowsKind(form, templateFollowsKind ?? false);

  const submit = form.handleSubmit(async (fields) => {
    draft.pause(true);
    if (!(await save(() => onSubmit(fields)))) draft.pause(false);
  });

  return (
    <form onSubmit={submit} noValidate className="card form note-form">
      {restoredAt && (
        <DraftRestored
          at={restoredAt}
          onDiscard={async () => {
            draft.pause(true);
            await draft.discard();
            onDiscarded();
          }}
        />
      )}
      <TemplateFields form={form} />
      <div className="field-row">
        <TextField
          label={t('notes.date')}
          type="date"
          registration={form.register('date')}
          error={errors.date?.message}
        />
        <ContactKindSelect
          label={t('notes.kind')}
          registration={form.register('kind')}
          error={errors.kind?.message}
        />
      </div>
      <BillableTimeFields form={form} />
      <GoalChoices caseId={caseId} form={form} />
      <CheckboxField
        label={t('notes.concern8a')}
        registration={form.register('concern8a')}
        error={errors.concern8a?.message}
      />
      <p className="field-hint">{t('draft.autosave')}</p>
      <FormError message={saveError} />
      <FormActions submitLabel={t('app.save')} disabled={isSubmitting} />
    </form>
  );
}

/** Until the author picks a template, choosing "Hausbesuch" as the kind picks the home-visit template. */
function useTemplateFollowsKind(form: UseFormReturn<NoteFormValues>, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const subscription = form.watch((values, { name }) => {
      if (name !== 'kind' || !values.kind || form.getFieldState('template').isDirty) return;
      form.setValue('template', templateFor(values.kind));
    });
    return () => subscription.unsubscribe();
  }, [form, enabled]);
}

function DraftRestored({ at, onDiscard }: { at: string; onDiscard: () => Promise<void> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="banner banner-warning draft-banner" role="status">
      <p>{t('draft.restored', { time: format.dateTime(at) })}</p>
      <button type="button" className="button button-secondary" onClick={() => void onDiscard()}>
        {t('draft.discard')}
      </button>
    </div>
  );
}
