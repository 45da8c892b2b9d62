// Who may do what on "Team & Zugänge", as the server allows it: administrators
// for the whole organisation, a lead for their own team. The screens offer only
// these steps; the server decides all the same and its refusal is shown.
import type { Person, SessionUser } from '../../shared/protocol';
import type { Role } from '../../shared/records';

export interface AccessRights {
  /** Teams: create and rename; people: change role, team and name. */
  administers: boolean;
  /** The roles a new person may be given here. */
  roles: readonly Role[];
  /** Reset the password of, block and unblock this person (never oneself). */
  manages(person: Person): boolean;
  /** Revoke a device of this person (the lead of their team). */
  revokesDevicesOf(person: Person): boolean;
  /** Change the own team's settings (its lead). */
  setsTeamSettings: boolean;
}

export function accessRightsOf(user: SessionUser): AccessRights {
  const leads = user.role === 'lead';
  return {
    administers: user.administers,
    roles: user.administers ? ['worker', 'lead', 'admin'] : ['worker', 'lead'],
    manages: (person) =>
      person.id !== user.id && (user.administers || (leads && person.teamId === user.teamId)),
    revokesDevicesOf: (person) => leads && person.teamId === user.teamId,
    setsTeamSettings: leads,
  };
}

/** What "Rolle" says of a person: a lead who also administers says both. */
export function roleLabelKey(person: Pick<Person, 'role' | 'administers'>) {
  if (person.role === 'lead' && person.administers) return 'access.leadAdministers' as const;
  return `access.role.${person.role}` as const;
}
