// The invented demo world: two teams in a rural district, their families,
// notes, appointments, help-plan goals, pre-consultations and the network
// partners of the district. Names, places and stories are made up. Dates are days
// relative to the day of seeding.
import type {
  ClosingReason,
  ContactKind,
  Gender,
  GoalStatus,
  HelpKind,
  NoteSection,
  PartnerFields,
  PreConsultationOutcome,
  Role,
} from '../../shared/records';

export const DEMO_PASSWORD = 'feldakte-demo';
/** The demo installation's organisation. */
export const DEMO_ORGANISATION = 'Jugendhilfe Nordkreis e. V. (Demo)';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
}

export interface DemoNote {
  daysAgo: number;
  kind: ContactKind;
  durationMinutes: number;
  /** Free text; may be empty when `sections` (the home-visit template) say it all. */
  text: string;
  /** Written with the home-visit template. */
  sections?: Partial<Record<NoteSection, string>>;
  travelMinutes?: number;
  kilometres?: number;
  /** Indexes into the case's goals this note worked on. */
  goals?: number[];
  /** The appointment this note documents (created as done, same day, kind and duration). */
  visit?: { time: string; place: string };
  concern8a?: boolean;
  /** Marked "geprüft" by the team lead. */
  reviewed?: boolean;
  /** The team lead's comment on the note. */
  leadComment?: string;
}

export interface DemoAppointment {
  /** Negative: a past visit not documented yet (Heute reminds of it). */
  inDays: number;
  time: string;
  durationMinutes: number;
  kind: ContactKind;
  place: string;
}

export interface DemoGoal {
  title: string;
  description: string;
  status?: GoalStatus;
}

/** A person of the household; the seed gives each an id of its own. */
export type DemoHouseholdMember =
  | {
      kind: 'young_person';
      firstName: string;
      /** Age in years on the day of seeding, and the month of birth (1-12). */
      age: number;
      birthMonth: number;
      gender: Gender;
    }
  | { kind: 'guardian'; name: string; contact: string };

/** How a case ended: asked for by its worker, or closed by the lead. */
export interface DemoClosure {
  status: 'closure_requested' | 'closed';
  endedDaysAgo: number;
  reason: ClosingReason;
  followUpHelp: string;
  closingNote: string;
}

export interface DemoCase {
  reference: string;
  familyName: string;
  clients: string;
  address: string;
  phone: string;
  helpType: string;
  startedDaysAgo: number;
  /** Fachleistungsstunden per month from the help plan. */
  approvedHoursPerMonth: number;
  /** One of the team's districts. */
  district: string;
  helpKind: HelpKind;
  /** Kostenträger (the Jugendamt paying) and the contact person there. */
  payer: string;
  payerContact: string;
  household: DemoHouseholdMember[];
  /** The next Hilfeplangespräch, days from today (negative: overdue). */
  nextHelpPlanInDays: number | null;
  closure?: DemoClosure;
  goals: DemoGoal[];
  notes: DemoNote[];
  appointments: DemoAppointment[];
}

export interface DemoPreConsultation {
  username: string;
  daysAgo: number;
  contact: string;
  concern: string;
  advice: string;
  outcome: PreConsultationOutcome;
  /** Name of the team's network partner the family was referred to. */
  referralPartner?: string;
}

export interface DemoTeam {
  name: string;
  /** The team's Stadtteile (team settings). */
  districts: string[];
  /** The Jugendamt / ASD emergency contact (team settings). */
  emergencyContact: string;
  users: DemoUser[];
  casesOf: Record<string, DemoCase[]>;
  preConsultation: DemoPreConsultation;
  /** The district's network partners (entered by the team's lead). */
  partners?: PartnerFields[];
}
