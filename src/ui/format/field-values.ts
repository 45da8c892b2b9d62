// How a record's fields read to a person: their German label, and their values
// formatted by kind (days, contact kinds, yes/no, member names ...). Shared by the
// conflict view, a note's amendment history and the rejected changes.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AppointmentStatus,
  CaseStatus,
  ContactKind,
  type FieldsOf,
  type MutableEntity,
  PreConsultationOutcome,
} from '../../shared/records';
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
  | 'case';

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
  },
  note: {
    caseId: 'case',
    date: 'day',
    kind: 'contactKind',
    durationMinutes: 'minutes',
    text: 'longText',
    concern8a: 'boolean',
    reviewedAt: 'timestamp',
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
  },
  substitution: { caseId: 'case', substituteId: 'member', from: 'day', until: 'day' },
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

export function useFieldFormatter(names: RecordNames): FieldFormatter {
  const { t } = useTranslation();
  const format = useFormatters();

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
  }, [t, format, names]);
}
