// Every URL of the app, named once: `routes` holds the patterns the router matches,
// `paths` the links to them, built from those same patterns, so a screen's address
// is written in one place only. URLs are German, like the rest of the UI.
import { generatePath } from 'react-router';
import { signedOutRoutes } from './signed-out-paths';

export const routes = {
  today: '/',
  cases: '/faelle',
  case: '/faelle/:caseId',
  newCase: '/faelle/neu',
  editCase: '/faelle/:caseId/bearbeiten',
  closeCase: '/faelle/:caseId/abschluss',
  newCaseNote: '/faelle/:caseId/notiz/neu',
  caseNote: '/faelle/:caseId/notiz/:noteId',
  appointments: '/termine',
  newAppointment: '/termine/neu',
  appointment: '/termine/:appointmentId',
  visitNote: '/termine/:appointmentId/notiz',
  preConsultations: '/fall-im-feld',
  newPreConsultation: '/fall-im-feld/neu',
  review: '/pruefen',
  reviewNote: '/pruefen/:noteId',
  caseload: '/auslastung',
  report: '/bericht',
  search: '/suche',
  sync: '/sync',
  conflicts: '/konflikte',
  partners: '/partner',
  newPartner: '/partner/neu',
  partner: '/partner/:partnerId',
  editPartner: '/partner/:partnerId/bearbeiten',
  setup: signedOutRoutes.setup,
  invitation: signedOutRoutes.invitation,
  team: '/team',
  newPerson: '/team/neu',
  person: '/team/personen/:personId',
  teamSettings: '/team/einstellungen',
} as const;

const NOTE_ANCHOR_PREFIX = 'note-';

/** The id of a note's heading on the case page, which "#note-<id>" in a link lands on. */
export function noteAnchorId(noteId: string): string {
  return `${NOTE_ANCHOR_PREFIX}${noteId}`;
}

/** Whether a location's hash points at a note of the case page. */
export function isNoteAnchor(hash: string): boolean {
  return hash.startsWith(`#${NOTE_ANCHOR_PREFIX}`);
}

export const paths = {
  today: routes.today,
  cases: routes.cases,
  case: (caseId: string) => generatePath(routes.case, { caseId }),
  newCase: routes.newCase,
  editCase: (caseId: string) => generatePath(routes.editCase, { caseId }),
  closeCase: (caseId: string) => generatePath(routes.closeCase, { caseId }),
  /** The case page scrolled to one of its notes. */
  caseAtNote: (caseId: string, noteId: string) => `${paths.case(caseId)}#${noteAnchorId(noteId)}`,
  newCaseNote: (caseId: string) => generatePath(routes.newCaseNote, { caseId }),
  caseNote: (caseId: string, noteId: string) => generatePath(routes.caseNote, { caseId, noteId }),
  appointments: routes.appointments,
  newAppointment: routes.newAppointment,
  appointment: (appointmentId: string) => generatePath(routes.appointment, { appointmentId }),
  visitNote: (appointmentId: string) => generatePath(routes.visitNote, { appointmentId }),
  preConsultations: routes.preConsultations,
  newPreConsultation: routes.newPreConsultation,
  review: routes.review,
  reviewNote: (noteId: string) => generatePath(routes.reviewNote, { noteId }),
  caseload: routes.caseload,
  report: routes.report,
  search: routes.search,
  sync: routes.sync,
  conflicts: routes.conflicts,
  partners: routes.partners,
  newPartner: routes.newPartner,
  partner: (partnerId: string) => generatePath(routes.partner, { partnerId }),
  editPartner: (partnerId: string) => generatePath(routes.editPartner, { partnerId }),
  setup: routes.setup,
  invitation: routes.invitation,
  team: routes.team,
  newPerson: routes.newPerson,
  person: (personId: string) => generatePath(routes.person, { personId }),
  teamSettings: routes.teamSettings,
};
