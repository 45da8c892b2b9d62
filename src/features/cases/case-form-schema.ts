// The schemas behind "Neuer Fall", "Fall bearbeiten" and "Fall abschließen": what
// the inputs hold (text, as typed) turned into the case's fields. Every rule is
// the shared one (CaseFields, HouseholdMember); only the reading of the typed
// text is the form's: a German decimal comma, an empty date, "03/2014".
import { z } from 'zod';
import { Hours, Id, IsoDate, requiredText, says, text } from '../../shared/fields';
import {
  BirthMonth,
  CaseFields,
  ClosingReason,
  Gender,
  HelpKind,
  MAX_HOUSEHOLD_MEMBERS,
} from '../../shared/records';

/** "12,5" or "12.5" → 12.5; empty → 0; anything else is not a number (the shared Hours rule says so). */
export const GermanHours = z
  .string()
  .trim()
  .transform((typed) => {
    if (typed === '') return 0;
    return /^\d+([.,]\d+)?$/.test(typed) ? Number(typed.replace(',', '.')) : Number.NaN;
  })
  .pipe(Hours);

/** How the form shows hours: 12.5 → "12,5", none → "". */
export function hoursAsTyped(hours: number): string {
  return hours === 0 ? '' : String(hours).replace('.', ',');
}

/** An optional day: an empty input is no date. */
const OptionalDay = z
  .string()
  .trim()
  .transform((typed) => (typed === '' ? null : typed))
  .pipe(IsoDate.nullable());

/** A required day: an empty input says "darf nicht leer sein" rather than the format. */
const RequiredDay = z.string().trim().min(1, says('empty')).pipe(IsoDate);

/**
 * Month and year of birth as typed: "2014-03" (what a month input gives), or
 * "03/2014", "3.2014" where the browser has no month picker; empty is unknown.
 */
export const BirthMonthInput = z
  .string()
  .trim()
  .transform((typed) => {
    if (typed === '') return null;
    const german = /^(\d{1,2})[./](\d{4})$/.exec(typed);
    return german ? `${german[2]}-${german[1]?.padStart(2, '0')}` : typed;
  })
  .pipe(BirthMonth.nullable());

const YoungPersonInput = z.object({
  id: Id,
  kind: z.literal('young_person'),
  firstName: requiredText(100),
  birthMonth: BirthMonthInput,
  gender: Gender,
});

const GuardianInput = z.object({
  id: Id,
  kind: z.literal('guardian'),
  name: requiredText(200),
  contact: text(300),
});

export const HouseholdInput = z
  .array(z.discriminatedUnion('kind', [YoungPersonInput, GuardianInput]))
  .max(MAX_HOUSEHOLD_MEMBERS, says('tooManyHouseholdMembers'));
export type HouseholdMemberInput = z.input<typeof HouseholdInput>[number];

/** A new person of the household, with an id of their own from the start. */
export function newYoungPerson(): Extract<HouseholdMemberInput, { kind: 'young_person' }> {
  return {
    id: crypto.randomUUID(),
    kind: 'young_person',
    firstName: '',
    birthMonth: '',
    gender: 'unspecified',
  };
}

export function newGuardian(): Extract<HouseholdMemberInput, { kind: 'guardian' }> {
  return { id: crypto.randomUUID(), kind: 'guardian', name: '', contact: '' };
}

/** The case's fields "Neuer Fall" and "Fall bearbeiten" show. */
export const CaseFormFields = CaseFields.pick({
  reference: true,
  familyName: true,
  clients: true,
  address: true,
  phone: true,
  district: true,
  payer: true,
  payerContact: true,
}).extend({
  helpKind: HelpKind,
  startDate: RequiredDay,
  approvedHoursPerMonth: GermanHours,
  nextHelpPlanDate: OptionalDay,
  assignedTo: z.string().min(1, says('empty')).pipe(Id),
  household: HouseholdInput,
});
export type CaseFormInput = z.input<typeof CaseFormFields>;
export type CaseFormValues = z.output<typeof CaseFormFields>;

/** The form's values of a stored case. */
export function caseFormInput(record: CaseFields): CaseFormInput {
  return {
    reference: record.reference,
    familyName: record.familyName,
    clients: record.clients,
    address: record.address,
    phone: record.phone,
    district: record.district,
    helpKind: record.helpKind,
    payer: record.payer,
    payerContact: record.payerContact,
    startDate: record.startDate,
    approvedHoursPerMonth: hoursAsTyped(record.approvedHoursPerMonth),
    nextHelpPlanDate: record.nextHelpPlanDate ?? '',
    assignedTo: record.assignedTo,
    household: record.household.map((member) =>
      member.kind === 'young_person' ? { ...member, birthMonth: member.birthMonth ?? '' } : member,
    ),
  };
}

/** The form of a new case: empty, beginning on `startDate`, assigned to `assignedTo` ('' for a lead to choose). */
export function emptyCaseForm(startDate: string, assignedTo: string): CaseFormInput {
  return {
    reference: '',
    familyName: '',
    clients: '',
    address: '',
    phone: '',
    district: '',
    helpKind: 'other',
    payer: '',
    payerContact: '',
    startDate,
    approvedHoursPerMonth: '',
    nextHelpPlanDate: '',
    assignedTo,
    household: [],
  };
}

/** "Fall abschließen": "Ende" and "Beendigungsgrund" are required, not before the case's "Beginn". */
export function closureFormFields(startDate: string) {
  return z
    .object({
      endDate: RequiredDay,
      closingReason: z.enum(ClosingReason.options, says('empty')),
      followUpHelp: text(300),
      closingNote: text(5000),
    })
    .refine((closure) => closure.endDate >= startDate, {
      ...says('caseEndsBeforeStart'),
      path: ['endDate'],
    });
}
export type ClosureFormInput = z.input<ReturnType<typeof closureFormFields>>;
export type ClosureFormValues = z.output<ReturnType<typeof closureFormFields>>;
