// Stores, records and outbox data as older app versions wrote them, for the schema upgrade
// tests: the fields added since are taken out again. Listed here by hand, not
// read from the schemas, so a later schema change cannot quietly change the tests.

/** The stores of schemas v1 and v2 exactly as they shipped (copied, so a later edit of schema.ts cannot change the tests). */
export const STORES_V1 = {
  cases: 'id, status, assignedTo',
  notes: 'id, caseId, [caseId+date], authorId, date',
  appointments: 'id, caseId, [date+time], workerId',
  preConsultations: 'id, date',
  members: 'id',
  outbox: '++seq, &id, recordId, status',
  meta: 'key',
};
export const STORES_V2 = {
  cases: 'id, status, assignedTo, hasConflicts',
  notes: 'id, caseId, [caseId+date], authorId, date, hasConflicts',
  appointments: 'id, caseId, [date+time], workerId, hasConflicts',
  preConsultations: 'id, date, hasConflicts',
  substitutions: 'id, caseId, substituteId, hasConflicts',
  outbox: '++seq, &id, recordId, status, caseId',
  bases: 'id',
};

/** Fields the records got with schema v3, by entity. */
export const ADDED_IN_V3 = {
  case: ['approvedHoursPerMonth'],
  note: [
    'template',
    'occasion',
    'observations',
    'talkedWith',
    'agreements',
    'nextSteps',
    'travelMinutes',
    'kilometres',
    'goalIds',
    'appointmentId',
    'concernAcknowledgedAt',
    'concernAcknowledgedBy',
  ],
  preConsultation: ['referralPartnerId'],
} as const;

/** What v3 gives a record (or its base) that an older version stored without these fields. */
export const V3_DEFAULTS = {
  case: { approvedHoursPerMonth: 0 },
  note: {
    template: 'free',
    occasion: '',
    observations: '',
    talkedWith: '',
    agreements: '',
    nextSteps: '',
    travelMinutes: 0,
    kilometres: 0,
    goalIds: [],
    appointmentId: null,
    concernAcknowledgedAt: null,
    concernAcknowledgedBy: null,
  },
  preConsultation: { referralPartnerId: null },
} as const;

/** The record or field set without the fields v3 added: as schema v1 or v2 stored it. */
export function beforeV3<T extends object>(entity: keyof typeof ADDED_IN_V3, record: T): Partial<T> {
  const added: readonly string[] = ADDED_IN_V3[entity];
  return Object.fromEntries(Object.entries(record).filter(([field]) => !added.includes(field))) as Partial<T>;
}

/** The stores schema v3 added (copied like the others). */
export const STORES_V3 = {
  notes: 'id, caseId, [caseId+date], authorId, date, appointmentId, hasConflicts',
  goals: 'id, caseId, hasConflicts',
  comments: 'id, caseId, noteId, authorId, hasConflicts',
  partners: 'id, hasConflicts',
  drafts: 'key, caseId',
};

/** Case fields added after v3 for the life of a case, with the defaults v4 gives a case stored without them. */
export const CASE_LIFE_DEFAULTS = {
  district: '',
  helpKind: 'other',
  payer: '',
  payerContact: '',
  nextHelpPlanDate: null,
  household: [],
  endDate: null,
  closingReason: null,
  followUpHelp: '',
  closingNote: '',
} as const;

/** A case as schema v3 stored it: without the fields of the life of a case. */
export function beforeV4<T extends object>(record: T): Partial<T> {
  const added = Object.keys(CASE_LIFE_DEFAULTS);
  return Object.fromEntries(Object.entries(record).filter(([field]) => !added.includes(field))) as Partial<T>;
}
