// Where each synced entity lives in SQL: table name and field -> column mapping.
// Column names come only from these constants, never from input, so the generic
// SQL built from them in records.ts is safe.
import type { MutableEntity } from '../../shared/records';
import type { Row } from '../db/database';

export interface TableSpec {
  table: string;
  /** Record field -> column, for every field of the record as devices see it. */
  columns: Readonly<Record<string, string>>;
}

const common = {
  id: 'id',
  teamId: 'team_id',
  version: 'version',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  updatedBy: 'updated_by',
  conflicts: 'conflicts',
};

export const tableOf: Readonly<Record<MutableEntity, TableSpec>> = {
  case: {
    table: 'cases',
    columns: {
      ...common,
      reference: 'reference',
      familyName: 'family_name',
      clients: 'clients',
      address: 'address',
      phone: 'phone',
      helpType: 'help_type',
      status: 'status',
      startDate: 'start_date',
      assignedTo: 'assigned_to',
      sourcePreConsultationId: 'source_pre_consultation_id',
      approvedHoursPerMonth: 'approved_hours_per_month',
      district: 'district',
      helpKind: 'help_kind',
      payer: 'payer',
      payerContact: 'payer_contact',
      nextHelpPlanDate: 'next_help_plan_date',
      household: 'household',
      endDate: 'end_date',
      closingReason: 'closing_reason',
      followUpHelp: 'follow_up_help',
      closingNote: 'closing_note',
    },
  },
  note: {
    table: 'notes',
    columns: {
      ...common,
      caseId: 'case_id',
      authorId: 'author_id',
      date: 'date',
      kind: 'kind',
      durationMinutes: 'duration_minutes',
      text: 'text',
      concern8a: 'concern8a',
      reviewedAt: 'reviewed_at',
      reviewedBy: 'reviewed_by',
      amendments: 'amendments',
      template: 'template',
      occasion: 'occasion',
      observations: 'observations',
      talkedWith: 'talked_with',
      agreements: 'agreements',
      nextSteps: 'next_steps',
      travelMinutes: 'travel_minutes',
      kilometres: 'kilometres',
      goalIds: 'goal_ids',
      appointmentId: 'appointment_id',
      concernAcknowledgedAt: 'concern_acknowledged_at',
      concernAcknowledgedBy: 'concern_acknowledged_by',
    },
  },
  appointment: {
    table: 'appointments',
    columns: {
      ...common,
      caseId: 'case_id',
      workerId: 'worker_id',
      date: 'date',
      time: 'time',
      durationMinutes: 'duration_minutes',
      place: 'place',
      kind: 'kind',
      status: 'status',
    },
  },
  preConsultation: {
    table: 'pre_consultations',
    columns: {
      ...common,
      workerId: 'worker_id',
      date: 'date',
      contact: 'contact',
      concern: 'concern',
      advice: 'advice',
      outcome: 'outcome',
      convertedCaseId: 'converted_case_id',
      referralPartnerId: 'referral_partner_id',
    },
  },
  substitution: {
    table: 'substitutions',
    columns: {
      ...common,
      caseId: 'case_id',
      substituteId: 'substitute_id',
      from: 'from_date',
      until: 'until_date',
    },
  },
  goal: {
    table: 'goals',
    columns: {
      ...common,
      caseId: 'case_id',
      title: 'title',
      description: 'description',
      status: 'status',
    },
  },
  comment: {
    table: 'comments',
    columns: {
      ...common,
      caseId: 'case_id',
      noteId: 'note_id',
      authorId: 'author_id',
      text: 'text',
    },
  },
  partner: {
    table: 'partners',
    columns: {
      ...common,
      name: 'name',
      organisation: 'organisation',
      services: 'services',
      contact: 'contact',
      district: 'district',
    },
  },
};

/** Entities whose rows hang off a case (case_id), in the order their tables are locked. */
export const caseChildEntities = [
  'note',
  'appointment',
  'substitution',
  'goal',
  'comment',
] as const satisfies readonly MutableEntity[];

export type CaseChildEntity = (typeof caseChildEntities)[number];

export function isCaseChild(entity: MutableEntity): entity is CaseChildEntity {
  return (caseChildEntities as readonly MutableEntity[]).includes(entity);
}

/** Fields stored as jsonb: written as JSON text with a ::jsonb cast. */
const jsonColumns = new Set(['conflicts', 'amendments', 'field_meta', 'goal_ids', 'household']);

export function isJsonColumn(column: string): boolean {
  return jsonColumns.has(column);
}

/** `t.family_name AS "familyName", ...`: rows come back with the record's field names. */
export function selectList(spec: TableSpec, alias: string): string {
  return Object.entries(spec.columns)
    .map(([field, column]) => `${alias}.${column} AS "${field}"`)
    .join(', ');
}

export function columnOf(spec: TableSpec, field: string): string {
  const column = spec.columns[field];
  if (!column) throw new Error(`${spec.table} has no column for field ${field}`);
  return column;
}

/** Timestamps leave the database as Date; records carry them as ISO strings. */
export function toRecord<T>(row: Row): T {
  const record: Row = {};
  for (const [key, value] of Object.entries(row)) {
    record[key] = value instanceof Date ? value.toISOString() : value;
  }
  return record as T;
}
