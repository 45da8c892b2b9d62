import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { isNoteAnchor, noteAnchorId, paths, routes } from '../../src/ui/paths';

describe('paths', () => {
  it('builds the addresses the app has always had', () => {
    expect(paths.case('c1')).toBe('/faelle/c1');
    expect(paths.caseAtNote('c1', 'n1')).toBe('/faelle/c1#note-n1');
    expect(paths.newCaseNote('c1')).toBe('/faelle/c1/notiz/neu');
    expect(paths.caseNote('c1', 'n1')).toBe('/faelle/c1/notiz/n1');
    expect(paths.appointment('a1')).toBe('/termine/a1');
    expect(paths.visitNote('a1')).toBe('/termine/a1/notiz');
    expect(paths.reviewNote('n1')).toBe('/pruefen/n1');
    expect(paths.partner('p1')).toBe('/partner/p1');
    expect(paths.editPartner('p1')).toBe('/partner/p1/bearbeiten');
    expect(paths.newAppointment).toBe('/termine/neu');
    expect(paths.newPreConsultation).toBe('/fall-im-feld/neu');
    expect(paths.newPartner).toBe('/partner/neu');
    expect(paths.newCase).toBe('/faelle/neu');
    expect(paths.editCase('c1')).toBe('/faelle/c1/bearbeiten');
    expect(paths.closeCase('c1')).toBe('/faelle/c1/abschluss');
    expect(paths.person('p1')).toBe('/team/personen/p1');
    expect([paths.setup, paths.invitation, paths.team, paths.newPerson, paths.teamSettings]).toEqual([
      '/einrichtung',
      '/einladung',
      '/team',
      '/team/neu',
      '/team/einstellungen',
    ]);
  });

  it('gives every link a route of the same name that matches it, with the ids as its parameters', () => {
    const links: Record<keyof typeof routes, string> = {
      today: paths.today,
      cases: paths.cases,
      case: paths.case('c1'),
      newCase: paths.newCase,
      editCase: paths.editCase('c1'),
      closeCase: paths.closeCase('c1'),
      newCaseNote: paths.newCaseNote('c1'),
      caseNote: paths.caseNote('c1', 'n1'),
      appointments: paths.appointments,
      newAppointment: paths.newAppointment,
      appointment: paths.appointment('a1'),
      visitNote: paths.visitNote('a1'),
      preConsultations: paths.preConsultations,
      newPreConsultation: paths.newPreConsultation,
      review: paths.review,
      reviewNote: paths.reviewNote('n1'),
      caseload: paths.caseload,
      report: paths.report,
      search: paths.search,
      sync: paths.sync,
      conflicts: paths.conflicts,
      partners: paths.partners,
      newPartner: paths.newPartner,
      partner: paths.partner('p1'),
      editPartner: paths.editPartner('p1'),
      setup: paths.setup,
      invitation: paths.invitation,
      team: paths.team,
      newPerson: paths.newPerson,
      person: paths.person('p1'),
      teamSettings: paths.teamSettings,
    };
    for (const [name, link] of Object.entries(links)) {
      const match = matchPath(routes[name as keyof typeof routes], link);
      expect(match?.pathname, name).toBe(link);
      for (const id of Object.values(match?.params ?? {})) expect(['c1', 'n1', 'a1', 'p1']).toContain(id);
    }
  });

  it('names the anchor of a note on the case page and recognises a link to it', () => {
    expect(noteAnchorId('n1')).toBe('note-n1');
    expect(isNoteAnchor('#note-n1')).toBe(true);
    expect(isNoteAnchor('#main')).toBe(false);
    expect(isNoteAnchor('')).toBe(false);
  });
});
