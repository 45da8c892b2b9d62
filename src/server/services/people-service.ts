// People and teams of the organisation ("Team & Zugänge"). Who may do what:
//
//   - A person who administers (users.administers; always for role admin) manages
//     every team and person of the organisation.
//   - A lead manages the people of their own team: adds workers and leads, renames,
//     resets passwords, blocks. A lead cannot hand out administration, cannot move
//     anyone to another team and cannot touch people who administer.
//   - Everyone else is refused before anything is read.
//   - The admin command line (admin-cli.ts) is the server's operator: it may do what
//     an administrator may, and is audited as such (no user, detail.via 'cli').
//
// Nobody blocks themselves, and no change leaves the organisation without someone
// who administers it. Each change and its audit entry are one transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  ChangePersonRequest,
  IssuedCode,
  NewPersonRequest,
  NewPersonResponse,
  PeopleResponse,
  Person,
  PersonDevice,
  PersonStatus,
  Team,
} from '../../shared/protocol';
import type { Role } from '../../shared/records';
import { type Database, PgErrorCode, pgErrorCode, type Queryable } from '../db/database';
import { type AuditAction, appendAudit } from '../repositories/audit-log';
import { type DeviceRow, findDevicesOf, renameDevice } from '../repositories/devices';
import { type CodePurpose, replaceCodes } from '../repositories/one-time-codes';
import {
  clearRevocation,
  countOtherAdministrators,
  endSessionsOf,
  findOrganisation,
  findPerson,
  findPersonByUsername,
  findTeam,
  findTeamByName,
  isUsernameTaken,
  listOrganisations,
  listPeople,
  listTeams,
  markInvited,
  type PersonRow,
  renameTeam,
  setPasswordHash,
  type TeamRow,
  updatePerson,
} from '../repositories/people';
import { recordPersonMove } from '../repositories/person-moves';
import { revokeUser } from '../repositories/revocations';
import { insertOrganisation, insertTeam, insertUser } from '../repositories/users';
import { personDeviceOf } from './device-names';
import type { LiveHub } from './live/live-hub';
import { CODE_VALIDITY_MS, hashOneTimeCode, newOneTimeCode } from './one-time-code';
import { hashPassword } from './password';
import { reject } from './refusal';
import type { Actor } from './visibility';

/** Who manages: a signed-in person (from their device), or the admin command line. */
export type Operator = { kind: 'person'; actor: Actor; deviceId: string | null } | { kind: 'console' };

/** What the operator may reach: the whole organisation, or one team of it as its lead. */
interface Reach {
  /** null: the console, which reaches every organisation of the installation. */
  organisationId: string | null;
  /** null: every team of the organisation. */
  teamId: string | null;
  administers: boolean;
  userId: string | null;
  deviceId: string | null;
}

// `administers` is true for every role admin (users_admin_administers), so it alone says who administers.

/** The check in front of every people route: administrators and leads (before a request's input is read). */
export function requirePeopleManager(actor: Actor): void {
  if (!actor.administers && actor.role !== 'lead') throw reject.forbidden('onlyManagersSeePeople');
}

/** The check in front of every team route. */
export function requireAdministrator(actor: Actor): void {
  if (!actor.administers) throw reject.forbidden('onlyAdministratorsManageTeams');
}

function statusOf(row: PersonRow): PersonStatus {
  if (row.revokedAt) return 'blocked';
  return row.activatedAt ? 'active' : 'invited';
}

function personOf(row: PersonRow, devices: readonly DeviceRow[]): Person {
  const own: PersonDevice[] = devices.filter((d) => d.userId === row.id).map(personDeviceOf);
  const syncs = own.map((d) => d.lastSyncAt).filter((at): at is string => at !== null);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    administers: row.administers,
    teamId: row.teamId,
    status: statusOf(row),
    openCaseCount: row.openCaseCount,
    devices: own,
    lastSyncAt: syncs.length > 0 ? syncs.reduce((a, b) => (a > b ? a : b)) : null,
  };
}

const teamOf = (row: TeamRow): Team => ({ id: row.id, name: row.name });

/** A password nobody knows: a reset or an invitation leaves the person without a usable one. */
const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('base64'));

export function createPeopleService(db: Database, live: Pick<LiveHub, 'endWhere'>) {
  async function reachOf(operator: Operator): Promise<Reach> {
    if (operator.kind === 'console') {
      return { organisationId: null, teamId: null, administers: true, userId: null, deviceId: null };
    }
    const { actor, deviceId } = operator;
    requirePeopleManager(actor);
    const team = await findTeam(db, actor.teamId);
    if (!team) throw reject.notFound('teamNotFound');
    const { administers } = actor;
    return {
      organisationId: team.organisationId,
      teamId: administers ? null : actor.teamId,
      administers,
      userId: actor.id,
      deviceId,
    };
  }

  function audit(tx: Queryable, reach: Reach, action: AuditAction, detail: Record<string, unknown>) {
    return appendAudit(tx, {
      userId: reach.userId,
      deviceId: reach.deviceId,
      action,
      detail: reach.userId === null ? { ...detail, via: 'cli' } : detail,
    });
  }

  const inOrganisation = (reach: Reach, organisationId: string) =>
    reach.organisationId === null || reach.organisationId === organisationId;

  /** A team the operator may put people in; 404 outside the organisation, 403 another team for a lead. */
  async function reachableTeam(tx: Queryable, reach: Reach, teamId: string): Promise<TeamRow> {
    const team = await findTeam(tx, teamId);
    if (!team || !inOrganisation(reach, team.organisationId)) throw reject.notFound('teamNotFound', 'teamId');
    if (reach.teamId !== null && team.id !== reach.teamId)
      throw reject.forbidden('onlyOwnTeamsPeople', 'teamId');
    return team;
  }

  /** The person, locked, if the operator may change them. */
  async function reachablePerson(tx: Queryable, reach: Reach, personId: string): Promise<PersonRow> {
    const person = await findPerson(tx, personId, true);
    if (!person || !inOrganisation(reach, person.organisationId)) throw reject.notFound('personNotFound');
    if (reach.teamId !== null && person.teamId !== reach.teamId) throw reject.forbidden('onlyOwnTeamsPeople');
    if (!reach.administers && person.administers) {
      throw reject.forbidden('administratorsOnlyByAdministrators');
    }
    return person;
  }

  async function assertSomeoneElseAdministers(tx: Queryable, person: PersonRow): Promise<void> {
    if (person.administers && (await countOtherAdministrators(tx, person.organisationId, person.id)) === 0) {
      throw reject.conflict('lastAdministrator');
    }
  }

  async function issueCode(
    tx: Queryable,
    reach: Reach,
    userId: string,
    purpose: CodePurpose,
  ): Promise<IssuedCode> {
    const code = newOneTimeCode();
    const expiresAt = new Date(Date.now() + CODE_VALIDITY_MS);
    await replaceCodes(tx, {
      codeHash: hashOneTimeCode(code),
      userId,
      purpose,
      createdBy: reach.userId,
      expiresAt,
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  async function personNow(tx: Queryable, personId: string): Promise<Person> {
    const row = await findPerson(tx, personId);
    if (!row) throw reject.notFound('personNotFound');
    return personOf(row, await findDevicesOf(tx, [row.id]));
  }

  /** Sessions' event streams carry the person's team and role as they were: end them. */
  const endStreamsOf = (userId: string) => live.endWhere((stream) => stream.userId === userId);

  return {
    async list(operator: Operator): Promise<PeopleResponse> {
      const reach = await reachOf(operator);
      const organisationId = reach.organisationId ?? (await listOrganisations(db))[0]?.id;
      const organisation = organisationId ? await findOrganisation(db, organisationId) : null;
      if (!organisation) return { organisationName: '', teams: [], people: [] };
      const teams = (await listTeams(db, organisation.id)).filter(
        (team) => reach.teamId === null || team.id === reach.teamId,
      );
      const rows = await listPeople(db, { organisationId: organisation.id, teamId: reach.teamId });
      const devices = await findDevicesOf(
        db,
        rows.map((row) => row.id),
      );
      await audit(db, reach, 'people_listed', { teamId: reach.teamId, people: rows.length });
      return {
        organisationName: organisation.name,
        teams: teams.map(teamOf),
        people: rows.map((row) => personOf(row, devices)),
      };
    },

    async create(operator: Operator, request: NewPersonRequest): Promise<NewPersonResponse> {
      const reach = await reachOf(operator);
      const administers = request.role === 'admin' || request.administers;
      if (administers && !reach.administers) {
        throw reject.forbidden('onlyAdministratorsGrantAdministration', 'administers');
      }
      const passwordHash = await unusablePasswordHash();
      const id = randomUUID();
      try {
        return await db.transaction(async (tx) => {
          await reachableTeam(tx, reach, request.teamId);
          if (await isUsernameTaken(tx, request.username)) throw reject.conflict('usernameTaken', 'username');
          await insertUser(tx, { id, ...request, administers, passwordHash });
          await markInvited(tx, id);
          const invitation = await issueCode(tx, reach, id, 'invitation');
          await audit(tx, reach, 'person_created', {
            personId: id,
            username: request.username,
            role: request.role,
            administers,
            teamId: request.teamId,
          });
          return { person: await personNow(tx, id), invitation };
        });
      } catch (error) {
        // Two requests for one new username at once: the unique index decides.
        if (pgErrorCode(error) === PgErrorCode.uniqueViolation)
          throw reject.conflict('usernameTaken', 'username');
        throw error;
      }
    },

    async change(operator: Operator, personId: string, request: ChangePersonRequest): Promise<Person> {
      const reach = await reachOf(operator);
      const { person, moved } = await db.transaction(async (tx) => {
        const before = await reachablePerson(tx, reach, personId);
        const role: Role = request.role ?? before.role;
        if (role === 'admin' && request.administers === false) {
          throw reject.invalid('adminRoleAdministers', 'administers');
        }
        const after = {
          displayName: request.displayName ?? before.displayName,
          role,
          administers: role === 'admin' || (request.administers ?? before.administers),
          teamId: request.teamId ?? before.teamId,
        };
        if (after.administers && !before.administers && !reach.administers) {
          throw reject.forbidden('onlyAdministratorsGrantAdministration', 'administers');
        }
        if (after.teamId !== before.teamId) {
          if (reach.teamId !== null) throw reject.forbidden('onlyAdministratorsMovePeople', 'teamId');
          await reachableTeam(tx, reach, after.teamId);
        }
        if (before.administers && !after.administers) await assertSomeoneElseAdministers(tx, before);
        const unchanged =
          after.displayName === before.displayName &&
          after.role === before.role &&
          after.administers === before.administers &&
          after.teamId === before.teamId;
        if (unchanged) return { person: await personNow(tx, personId), moved: false };
        await updatePerson(tx, personId, after);
        const moved = after.teamId !== before.teamId || after.role !== before.role;
        if (moved) {
          await recordPersonMove(tx, {
            userId: personId,
            fromTeamId: before.teamId,
            fromRole: before.role,
            toTeamId: after.teamId,
            toRole: after.role,
          });
        }
        await audit(tx, reach, 'person_changed', {
          personId,
          before: {
            displayName: before.displayName,
            role: before.role,
            administers: before.administers,
            teamId: before.teamId,
          },
          after,
        });
        return { person: await personNow(tx, personId), moved };
      });
      if (moved) endStreamsOf(personId);
      return person;
    },

    /**
     * A new one-time code; the old password stops working at once and the
     * person's sessions end (not revoked: their devices ask for the password and
     * keep their data, see repositories/people.ts endSessionsOf).
     */
    async resetPassword(operator: Operator, personId: string): Promise<IssuedCode> {
      const reach = await reachOf(operator);
      const passwordHash = await unusablePasswordHash();
      const issued = await db.transaction(async (tx) => {
        const person = await reachablePerson(tx, reach, personId);
        if (person.revokedAt) throw reject.invalid('personBlocked');
        await setPasswordHash(tx, personId, passwordHash, { activate: false });
        await endSessionsOf(tx, personId);
        const purpose = person.activatedAt ? 'password_reset' : 'invitation';
        const code = await issueCode(tx, reach, personId, purpose);
        await audit(tx, reach, 'password_reset', { personId, purpose });
        return code;
      });
      endStreamsOf(personId);
      return issued;
    },

    /** Like a lead's revocation: sessions end, devices wipe themselves, login is refused; cases stay. */
    async block(operator: Operator, personId: string): Promise<Person> {
      const reach = await reachOf(operator);
      if (personId === reach.userId) throw reject.invalid('ownAccessNotRevocable');
      const person = await db.transaction(async (tx) => {
        const before = await reachablePerson(tx, reach, personId);
        if (before.revokedAt) return personNow(tx, personId);
        await assertSomeoneElseAdministers(tx, before);
        await revokeUser(tx, personId);
        await audit(tx, reach, 'person_blocked', { personId, openCases: before.openCaseCount });
        return personNow(tx, personId);
      });
      endStreamsOf(personId);
      return person;
    },

    /** Lifts a block: the person logs in with their password again. */
    async unblock(operator: Operator, personId: string): Promise<Person> {
      const reach = await reachOf(operator);
      return db.transaction(async (tx) => {
        const before = await reachablePerson(tx, reach, personId);
        if (!before.revokedAt) return personNow(tx, personId);
        await clearRevocation(tx, personId);
        await audit(tx, reach, 'person_unblocked', { personId });
        return personNow(tx, personId);
      });
    },

    /** The person by username (the command line names people so). */
    async findByUsername(username: string): Promise<Person | null> {
      const row = await findPersonByUsername(db, username);
      return row ? personOf(row, await findDevicesOf(db, [row.id])) : null;
    },

    async createTeam(operator: Operator, name: string, organisationId?: string): Promise<Team> {
      const reach = await reachOf(operator);
      if (!reach.administers) throw reject.forbidden('onlyAdministratorsManageTeams');
      const id = randomUUID();
      return db.transaction(async (tx) => {
        const target = reach.organisationId ?? organisationId ?? (await listOrganisations(tx))[0]?.id;
        if (!target || !(await findOrganisation(tx, target))) throw reject.notFound('teamNotFound');
        if (await findTeamByName(tx, target, name)) throw reject.conflict('teamNameTaken', 'name');
        await insertTeam(tx, { id, name, organisationId: target });
        await audit(tx, reach, 'team_created', { teamId: id, name });
        return { id, name };
      });
    },

    async renameTeam(operator: Operator, teamId: string, name: string): Promise<Team> {
      const reach = await reachOf(operator);
      if (!reach.administers) throw reject.forbidden('onlyAdministratorsManageTeams');
      return db.transaction(async (tx) => {
        const team = await findTeam(tx, teamId);
        if (!team || !inOrganisation(reach, team.organisationId)) throw reject.notFound('teamNotFound');
        const namesake = await findTeamByName(tx, team.organisationId, name);
        if (namesake && namesake.id !== teamId) throw reject.conflict('teamNameTaken', 'name');
        await renameTeam(tx, teamId, name);
        await audit(tx, reach, 'team_renamed', { teamId, before: team.name, after: name });
        return { id: teamId, name };
      });
    },

    /** The command line's set-up of an empty installation: the organisation itself. */
    async createOrganisation(name: string): Promise<{ id: string; name: string }> {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        await insertOrganisation(tx, { id, name });
        await appendAudit(tx, {
          userId: null,
          deviceId: null,
          action: 'organisation_created',
          detail: { organisationId: id, name, via: 'cli' },
        });
      });
      return { id, name };
    },

    async listOrganisations() {
      return listOrganisations(db);
    },

    async listTeams(organisationId: string): Promise<Team[]> {
      return (await listTeams(db, organisationId)).map(teamOf);
    },

    /** A person names their own device ('' takes the name away). */
    async nameDevice(
      actor: Actor,
      byDeviceId: string | null,
      deviceId: string,
      name: string,
    ): Promise<PersonDevice> {
      const named = name === '' ? null : name;
      const row = await db.transaction(async (tx) => {
        const renamed = await renameDevice(tx, actor.id, deviceId, named);
        if (!renamed) throw reject.notFound('deviceNotFound');
        await appendAudit(tx, {
          userId: actor.id,
          deviceId: byDeviceId,
          action: 'device_named',
          detail: { deviceId, name: named },
        });
        return renamed;
      });
      return personDeviceOf(row);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
