// "Person hinzufügen" and "Rolle und Team": what the forms send. Administrators
// may let a Teamleitung also administer; only what changed goes to the server.
import { describe, expect, it } from 'vitest';
import { accessRightsOf, roleLabelKey } from '../../../src/features/people/permissions';
import { changesOf, newPersonRequestOf, PersonForm } from '../../../src/features/people/person-form';
import type { Person, SessionUser } from '../../../src/shared/protocol';

const TEAM = '22222222-2222-4222-8222-222222222222';
const OTHER_TEAM = '66666666-6666-4666-8666-666666666666';

const person: Person = {
  id: '33333333-3333-4333-8333-333333333333',
  username: 'ben',
  displayName: 'Ben Sommer',
  role: 'worker',
  administers: false,
  teamId: TEAM,
  status: 'active',
  openCaseCount: 0,
  devices: [],
  lastSyncAt: null,
};

function user(role: SessionUser['role'], administers: boolean): SessionUser {
  return {
    id: '44444444-4444-4444-8444-444444444444',
    username: 'lea',
    displayName: 'Lea',
    role,
    teamId: TEAM,
    teamName: 'Team Mitte',
    lockAfterMinutes: 10,
    administers,
    districts: [],
    emergencyContact: '',
  };
}

describe('Person hinzufügen', () => {
  it('checks with the protocol: a name, a username without spaces, a role and a team', () => {
    const parsed = PersonForm.safeParse({ displayName: '', username: 'b s', role: 'chef', teamId: 'x' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'displayName',
      'role',
      'teamId',
      'username',
    ]);
  });

  it('lets only a Teamleitung also administer; Administration always does', () => {
    const base = { displayName: 'Ben', username: 'ben', administers: true, teamId: TEAM };
    expect(newPersonRequestOf({ ...base, role: 'lead' }).administers).toBe(true);
    expect(newPersonRequestOf({ ...base, role: 'worker' }).administers).toBe(false);
    expect(newPersonRequestOf({ ...base, role: 'admin', administers: false }).administers).toBe(true);
  });
});

describe('Rolle und Team', () => {
  it('sends only what changed', () => {
    const same = { displayName: person.displayName, role: person.role, administers: false, teamId: TEAM };
    expect(changesOf(person, same)).toEqual({});
    expect(changesOf(person, { ...same, teamId: OTHER_TEAM })).toEqual({ teamId: OTHER_TEAM });
    expect(changesOf(person, { ...same, role: 'lead', administers: true })).toEqual({
      role: 'lead',
      administers: true,
    });
    expect(changesOf({ ...person, role: 'lead', administers: true }, { ...same, role: 'worker' })).toEqual({
      role: 'worker',
      administers: false,
    });
  });

  it('names a lead who administers by both roles', () => {
    expect(roleLabelKey({ role: 'lead', administers: true })).toBe('access.leadAdministers');
    expect(roleLabelKey({ role: 'admin', administers: true })).toBe('access.role.admin');
  });
});

describe('who may do what', () => {
  it('a lead: their own team, not themselves, and the devices of their team', () => {
    const lead = accessRightsOf(user('lead', false));
    expect(lead.manages(person)).toBe(true);
    expect(lead.manages({ ...person, teamId: OTHER_TEAM })).toBe(false);
    expect(lead.manages({ ...person, id: user('lead', false).id })).toBe(false);
    expect(lead.revokesDevicesOf(person)).toBe(true);
    expect(lead.roles).toEqual(['worker', 'lead']);
    expect([lead.administers, lead.setsTeamSettings]).toEqual([false, true]);
  });

  it('an administrator: every team, every role, but no team settings without being a lead', () => {
    const admin = accessRightsOf(user('admin', true));
    expect(admin.manages({ ...person, teamId: OTHER_TEAM })).toBe(true);
    expect(admin.revokesDevicesOf(person)).toBe(false);
    expect(admin.roles).toEqual(['worker', 'lead', 'admin']);
    expect([admin.administers, admin.setsTeamSettings]).toEqual([true, false]);
  });
});
