// How a record's fields read to a person: their German label, and their values
// formatted by kind (days, contact kinds, yes/no, member names ...). Shared by the
// conflict view, a note's amendment history and the rejected changes.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AppointmentStatus,
  CaseStatus,
  ClosingReason,
  ContactKind,
  type FieldsOf,
  GoalStatus,
  HelpKind,
  HouseholdMember,
  type MutableEntity,
  NoteTemplate,
  PreConsultationOutcome,
} from '../../shared/records';
import { useSession } from '../session';
import { useFormatters } from './use-formatters';
import type { RecordNames } from './use-record-names';

export type ValueKind =
  | 'text'
  | 'longText'
  | 'day'
  | 'timestamp'
  | 'time'
  | 'minutes'
  | 'boolean'
  | 'contactKind'
  | 'caseStatus'
  | 'appointmentStatus'
  | 'outcome'
  | 'member'
  | 'case'
  | 'hours'
  | 'kilometres'
  | 'noteTemplate'
  | 'goalStatus'
  /** A list of goal ids (a note's goalIds), shown by their titles. */
  | 'goals'
  | 'partner'
  | 'helpKind'
  | 'closingReason'
  /** A case's household persons, by name. */
  | 'household'
  /** References a person does not pick in a conflict by reading an id: shown as "a linked …". */
  | 'appointment'
  | 'note';

/** Every writable field of every entity, by kind (the compiler checks none is missing). */
const FIELD_KINDS = {
  case: {
    reference: 'text',
    familyName: 'text',
    clients: 'longText',
    address: 'text',
    phone: 'text',
    helpType: 'text',
    status: 'caseStatus',
    startDate: 'day',
    assignedTo: 'member',
    sourcePreConsultationId: 'text',
    approvedHoursPerMonth: 'hours',
    district: 'text',
    helpKind: 'helpKind',
    payer: 'text',
    payerContact: 'text',
    nextHelpPlanDate: 'day',
    household: 'household',
    endDate: 'day',
    closingReason: 'closingReason',
    followUpHelp: 'text',
    closingNote: 'longText',
  },
  note: {
    caseId: 'case',
    date: 'day',
    kind: 'contactKind',
    durationMinutes: 'minutes',
    text: 'longText',
    concern8a: 'boolean',
    reviewedAt: 'timestamp',
    template: 'noteTemplate',
    occasion: 'longText',
    observations: 'longText',
    talkedWith: 'text',
    agreements: 'longText',
    nextSteps: 'longText',
    travelMinutes: 'minutes',
    kilometres: 'kilometres',
    goalIds: 'goals',
    appointmentId: 'appointment',
    concernAcknowledgedAt: 'timestamp',
  },
  appointment: {
    caseId: 'case',
    date: 'day',
    time: 'time',
    durationMinutes: 'minutes',
    place: 'text',
    kind: 'contactKind',
    status: 'appointmentStatus',
  },
  preConsultation: {
    date: 'day',
    contact: 'text',
    concern: 'longText',
    advice: 'longText',
    outcome: 'outcome',
    convertedCaseId: 'case',
    referralPartnerId: 'partner',
  },
  substitution: { caseId: 'case', substituteId: 'member', from: 'day', until: 'day' },
  goal: { caseId: 'case', title: 'text', description: 'longText', status: 'goalStatus' },
  comment: { caseId: 'case', noteId: 'note', text: 'longText' },
  partner: { name: 'text', organisation: 'text', services: 'longText', contact: 'text', district: 'text' },
} as const satisfies { [E in MutableEntity]: Record<keyof FieldsOf[E], ValueKind> };

type KnownField<E extends MutableEntity> = keyof (typeof FIELD_KINDS)[E] & string;
type FieldLabelKey = { [E in MutableEntity]: `fields.${E}.${KnownField<E>}` }[MutableEntity];

export function fieldKind(entity: MutableEntity, field: string): ValueKind | undefined {
  const kinds: Readonly<Record<string, ValueKind>> = FIELD_KINDS[entity];
  return Object.hasOwn(kinds, field) ? kinds[field] : undefined;
}

/** Text fields a person can merge by hand (the others are picked). */
export function isTextKind(kind: ValueKind | undefined): kind is 'text' | 'longText' {
  return kind === 'text' || kind === 'longText';
}

export interface FieldFormatter {
  label(entity: MutableEntity, field: string): string;
  value(entity: MutableEntity, field: string, value: unknown): string;
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** Goal titles and partner names by id, live (both tables are small: a case's goals, the team's partners). */
function useGoalAndPartnerNames() {
  const { db } = useSession();
  const goals = useLiveQuery(() => db.goals.toArray(), [db]);
  const partners = useLiveQuery(() => db.partners.toArray(), [db]);
  return useMemo(
    () => ({
      goals: new Map((goals ?? []).map((goal) => [goal.id, goal.title])),
      partners: new Map((partners ?? []).map((partner) => [partner.id, partner.name])),
    }),
    [goals, partners],
  );
}

export function useFieldFormatter(names: RecordNames): FieldFormatter {
  const { t } = useTranslation();
  const format = useFormatters();
  const { goals, partners } = useGoalAndPartnerNames();

  return useMemo(() => {
    function formatKnown(kind: ValueKind, value: unknown): string | null {
      switch (kind) {
        case 'day':
          return typeof value === 'string' ? format.day(value) : null;
        case 'timestamp':
          return typeof value === 'string' ? format.dateTime(value) : null;
        case 'minutes':
          return typeof value === 'number' ? t('format.minutes', { count: value }) : null;
        case 'boolean':
          return typeof value === 'boolean' ? t(value ? 'values.yes' : 'values.no') : null;
        case 'contactKind':
          return isOneOf(ContactKind.options, value) ? t(`kind.${value}`) : null;
        case 'caseStatus':
          return isOneOf(CaseStatus.options, value) ? t(`caseStatus.${value}`) : null;
        case 'appointmentStatus':
          return isOneOf(AppointmentStatus.options, value) ? t(`appointmentStatus.${value}`) : null;
        case 'outcome':
          return isOneOf(PreConsultationOutcome.options, value) ? t(`outcome.${value}`) : null;
        case 'member':
          return typeof value === 'string' ? (names.member(value) ?? t('values.unknownPerson')) : null;
        case 'case':
          return typeof value === 'string' ? (names.caseName(value) ?? t('values.otherCase')) : null;
        case 'hours':
          return typeof value === 'number' ? t('values.hours', { value: format.decimal(value) }) : null;
        case 'kilometres':
          return typeof value === 'number' ? t('values.kilometres', { value: format.decimal(value) }) : null;
        case 'noteTemplate':
          return isOneOf(NoteTemplate.options, value) ? t(`values.template.${value}`) : null;
        case 'goalStatus':
          return isOneOf(GoalStatus.options, value) ? t(`values.goalStatus.${value}`) : null;
        case 'goals':
          if (!Array.isArray(value)) return null;
          return value.length === 0
            ? t('values.empty')
            : value.map((id) => goals.get(String(id)) ?? t('values.unknownGoal')).join(', ');
        case 'partner':
          return typeof value === 'string' ? (partners.get(value) ?? t('values.unknownPartner')) : null;
        case 'helpKind':
          return isOneOf(HelpKind.options, value) ? t(`helpKind.${value}`) : null;
        case 'closingReason':
          return isOneOf(ClosingReason.options, value) ? t(`closingReason.${value}`) : null;
        case 'household': {
          const members = HouseholdMember.array().safeParse(value);
          if (!members.success) return null;
          if (members.data.length === 0) return t('values.empty');
          return members.data
            .map((m) =>
              m.kind === 'young_person'
                ? `${m.firstName} (${t(`gender.${m.gender}`)}${m.birthMonth ? `, ${format.month(m.birthMonth)}` : ''})`
                : `${m.name} (${t('household.guardians')})`,
            )
            .join('; ');
        }
        case 'appointment':
          return typeof value === 'string' ? t('values.appointment') : null;
        case 'note':
          return typeof value === 'string' ? t('values.note') : null;
        case 'text':
        case 'longText':
        case 'time':
          return typeof value === 'string' ? value : null;
      }
    }

    return {
      label(entity, field) {
        return fieldKind(entity, field) ? t(`fields.${entity}.${field}` as FieldLabelKey) : field;
      },
      value(entity, field, value) {
        if (value === null || value === undefined || value === '') return t('values.empty');
        const kind = fieldKind(entity, field);
        return (kind && formatKnown(kind, value)) ?? JSON.stringify(value);
      },
    };
  }, [t, format, names, goals, partners]);
}
