// The invented demo world: two teams in a rural district, their families,
// notes, appointments and pre-consultations. Names, places and stories are made
// up. Dates are days relative to the day of seeding.
import type { ContactKind, PreConsultationOutcome, Role } from '../../shared/records';

export const DEMO_PASSWORD = 'feldakte-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
}

export interface DemoNote {
  daysAgo: number;
  kind: ContactKind;
  durationMinutes: number;
  text: string;
  concern8a?: boolean;
  /** Marked "geprüft" by the team lead. */
  reviewed?: boolean;
}

export interface DemoAppointment {
  inDays: number;
  time: string;
  durationMinutes: number;
  kind: ContactKind;
  place: string;
}

export interface DemoCase {
  reference: string;
  familyName: string;
  clients: string;
  address: string;
  phone: string;
  helpType: string;
  startedDaysAgo: number;
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
}

export interface DemoTeam {
  name: string;
  users: DemoUser[];
  casesOf: Record<string, DemoCase[]>;
  preConsultation: DemoPreConsultation;
}
