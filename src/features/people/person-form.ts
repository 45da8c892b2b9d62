// "Person hinzufügen": the protocol's NewPersonRequest is the form's schema, so
// it refuses what the server would. "Darf auch die Organisation verwalten" only
// means something for a Teamleitung (Administration always administers, a
// Fachkraft never), so the request carries it only then.
import { type ChangePersonRequest, NewPersonRequest, type Person } from '../../shared/protocol';
import type { Role } from '../../shared/records';

export const PersonForm = NewPersonRequest;

export function emptyPersonForm(teamId: string) {
  return { displayName: '', username: '', role: 'worker' as const, administers: false, teamId };
}

/** The request as sent: `administers` as the role decides it. */
export function newPersonRequestOf(values: NewPersonRequest): NewPersonRequest {
  return {
    ...values,
    administers: values.role === 'admin' || (values.role === 'lead' && values.administers),
  };
}

/** Name, role and team of an existing person, all of them on the form. */
export const ChangePersonForm = NewPersonRequest.pick({
  displayName: true,
  role: true,
  administers: true,
  teamId: true,
});

/** What the form changed about the person: only those fields go to the server. */
export function changesOf(
  person: Pick<Person, 'displayName' | 'role' | 'administers' | 'teamId'>,
  values: { displayName: string; role: Role; administers: boolean; teamId: string },
): ChangePersonRequest {
  const administers = values.role === 'admin' || (values.role === 'lead' && values.administers);
  return {
    ...(values.displayName !== person.displayName && { displayName: values.displayName }),
    ...(values.role !== person.role && { role: values.role }),
    ...(administers !== person.administers && { administers }),
    ...(values.teamId !== person.teamId && { teamId: values.teamId }),
  };
}
