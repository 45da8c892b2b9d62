// Fills an empty database with the demo teams and their network partners. Teams and users are inserted
// directly (they have no push path); everything else goes through the push
// service as the respective user, so it gets sequence numbers, versions and
// permission checks exactly like data from a device.
//
// A case is taken on by the team's lead (approved hours are the lead's) and then
// worked on by its worker; a closure is asked for by the worker or made by the lead.
import { randomUUID } from 'node:crypto';
import { localIsoDate } from '../../shared/local-date';
import type { Mutation, SessionUser } from '../../shared/protocol';
import type { HouseholdMember, MutableEntity } from '../../shared/records';
import type { Database } from '../db/database';
import {
  countUsers,
  findSessionUser,
  insertOrganisation,
  insertTeam,
  insertUser,
} from '../repositories/users';
import { hashPassword } from '../services/password';
import { createPushService, type PushService } from '../services/push-service';
import {
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  type DemoCase,
  type DemoHouseholdMember,
  type DemoNote,
  type DemoTeam,
} from './demo-data';
import { teamNord } from './team-nord';
import { teamSued } from './team-sued';

const demoTeams: readonly DemoTeam[] = [teamNord, teamSued];

const SEED_DEVICE = 'demo-seed';

/** Calendar day in the server's local time, `offset` days from `today`. */
function dayFrom(today: Date, offset: number): string {
  const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
  return localIsoDate(day);
}

function mutation(
  entity: MutableEntity,
  op: Mutation['op'],
  recordId: string,
  data: Record<string, unknown>,
): Mutation {
  return {
    id: randomUUID(),
    entity,
    op,
    recordId,
    baseVersion: op === 'create' ? null : 1,
    data,
    clientTime: new Date().toISOString(),
  };
}

async function pushAs(push: PushService, actor: SessionUser, mutations: Mutation[]): Promise<void> {
  const results = await push.push(actor, SEED_DEVICE, mutations);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw new Error(`Demo seed rejected: ${JSON.stringify(failed)}`);
}

/** Inserts teams and users unless any user exists; returns them by username, or null when skipped. */
async function insertTeamsAndUsers(db: Database): Promise<Map<string, SessionUser> | null> {
  // Hashed before the transaction (scrypt is slow on purpose); each user gets an own salt.
  const hashes = await Promise.all(
    demoTeams.flatMap((team) => team.users.map(() => hashPassword(DEMO_PASSWORD))),
  );
  return db.transaction(async (tx) => {
    // Two processes starting at once against one PostgreSQL: only one seeds.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':demo-seed'))");
    if ((await countUsers(tx)) > 0) return null;
    const users = new Map<string, SessionUser>();
    const organisationId = randomUUID();
    await insertOrganisation(tx, { id: organisationId, name: DEMO_ORGANISATION });
    for (const team of demoTeams) {
      const teamId = randomUUID();
      const { name, districts, emergencyContact } = team;
      await insertTeam(tx, { id: teamId, name, organisationId, districts, emergencyContact });
      for (const user of team.users) {
        const id = randomUUID();
        await insertUser(tx, { id, teamId, ...user, passwordHash: hashes[users.size] ?? '' });
        // Read back as a login would see it, team settings (their defaults) included.
        const sessionUser = await findSessionUser(tx, id);
        if (!sessionUser) throw new Error(`Demo user ${user.username} was not stored`);
        users.set(user.username, sessionUser);
      }
    }
    return users;
  });
}

/** Month and year of birth of someone `age` years old today, born in `month`. */
function birthMonthOf(today: Date, age: number, month: number): string {
  const hadBirthday = month <= today.getMonth() + 1;
  const year = today.getFullYear() - age - (hadBirthday ? 0 : 1);
  return `${year}-${String(month).padStart(2, '0')}`;
}

function householdOf(members: readonly DemoHouseholdMember[], today: Date): HouseholdMember[] {
  return members.map((member) =>
    member.kind === 'guardian'
      ? { id: randomUUID(), ...member }
      : {
          id: randomUUID(),
          kind: 'young_person',
          firstName: member.firstName,
          birthMonth: birthMonthOf(today, member.age, member.birthMonth),
          gender: member.gender,
        },
  );
}

/** The case as the lead takes it on from the Jugendamt's decision. */
function caseFields(demo: DemoCase, assignedTo: string, today: Date) {
  return {
    reference: demo.reference.replace('-', `-${today.getFullYear()}-`),
    familyName: demo.familyName,
    clients: demo.clients,
    address: demo.address,
    phone: demo.phone,
    helpType: demo.helpType,
    status: 'open',
    startDate: dayFrom(today, -demo.startedDaysAgo),
    assignedTo,
    sourcePreConsultationId: null,
    approvedHoursPerMonth: demo.approvedHoursPerMonth,
    district: demo.district,
    helpKind: demo.helpKind,
    payer: demo.payer,
    payerContact: demo.payerContact,
    household: householdOf(demo.household, today),
    nextHelpPlanDate: demo.nextHelpPlanInDays === null ? null : dayFrom(today, demo.nextHelpPlanInDays),
  };
}

/** The note as its author writes it: template sections, billable time, goals and visit. */
function noteFields(
  note: DemoNote,
  ids: { caseId: string; goalIds: string[]; appointmentId: string | null },
  today: Date,
) {
  const { daysAgo, sections, goals = [], concern8a, kind, durationMinutes, text } = note;
  return {
    caseId: ids.caseId,
    date: dayFrom(today, -daysAgo),
    kind,
    durationMinutes,
    text,
    concern8a: concern8a ?? false,
    reviewedAt: null,
    template: sections ? 'home_visit' : 'free',
    ...sections,
    travelMinutes: note.travelMinutes ?? 0,
    kilometres: note.kilometres ?? 0,
    goalIds: goals.map((index) => ids.goalIds[index]),
    appointmentId: ids.appointmentId,
  };
}

async function seedCase(
  push: PushService,
  worker: SessionUser,
  intake: SessionUser,
  lead: SessionUser | undefined,
  demo: DemoCase,
  today: Date,
) {
  const caseId = randomUUID();
  const goalIds = demo.goals.map(() => randomUUID());
  const leadFollowUps: Mutation[] = [];
  await pushAs(push, intake, [mutation('case', 'create', caseId, caseFields(demo, worker.id, today))]);
  const mutations: Mutation[] = [];
  for (const [index, goal] of demo.goals.entries()) {
    const goalId = goalIds[index] ?? randomUUID();
    mutations.push(mutation('goal', 'create', goalId, { caseId, status: 'open', ...goal }));
  }
  for (const note of demo.notes) {
    const noteId = randomUUID();
    let appointmentId: string | null = null;
    if (note.visit) {
      // The visit the note documents: done, the same day, kind and duration.
      appointmentId = randomUUID();
      mutations.push(
        mutation('appointment', 'create', appointmentId, {
          caseId,
          date: dayFrom(today, -note.daysAgo),
          time: note.visit.time,
          durationMinutes: note.durationMinutes,
          place: note.visit.place,
          kind: note.kind,
          status: 'done',
        }),
      );
    }
    mutations.push(
      mutation('note', 'create', noteId, noteFields(note, { caseId, goalIds, appointmentId }, today)),
    );
    if (note.reviewed && lead)
      leadFollowUps.push(mutation('note', 'update', noteId, { reviewedAt: new Date().toISOString() }));
    if (note.leadComment && lead)
      leadFollowUps.push(
        mutation('comment', 'create', randomUUID(), { caseId, noteId, text: note.leadComment }),
      );
  }
  for (const appointment of demo.appointments) {
    const { inDays, ...fields } = appointment;
    const data = { ...fields, caseId, date: dayFrom(today, inDays), status: 'planned' };
    mutations.push(mutation('appointment', 'create', randomUUID(), data));
  }
  await pushAs(push, worker, mutations);
  if (lead && leadFollowUps.length > 0) await pushAs(push, lead, leadFollowUps);
  if (demo.closure) {
    const { status, endedDaysAgo, reason, followUpHelp, closingNote } = demo.closure;
    const closing = {
      status,
      endDate: dayFrom(today, -endedDaysAgo),
      closingReason: reason,
      followUpHelp,
      closingNote,
    };
    await pushAs(push, status === 'closed' ? intake : worker, [mutation('case', 'update', caseId, closing)]);
  }
}

/**
 * Who takes on the team's cases: its lead. A demo team without a lead (Team Süd)
 * has its worker stand in for one, as the organisation's intake would.
 */
function intakeOf(worker: SessionUser, lead: SessionUser | undefined): SessionUser {
  return lead ?? { ...worker, role: 'lead' };
}

/** The team's network partners, entered by its lead; returns their ids by name. */
async function seedPartners(
  push: PushService,
  lead: SessionUser | undefined,
  team: DemoTeam,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!lead || !team.partners) return ids;
  const mutations = team.partners.map((partner) => {
    const id = randomUUID();
    ids.set(partner.name, id);
    return mutation('partner', 'create', id, { ...partner });
  });
  await pushAs(push, lead, mutations);
  return ids;
}

/**
 * Seeds the demo teams when the database has no users yet.
 * Returns true when it seeded, false when data was already there.
 */
export async function seedDemoData(db: Database, today: Date = new Date()): Promise<boolean> {
  const users = await insertTeamsAndUsers(db);
  if (!users) return false;
  const push = createPushService(db);
  for (const team of demoTeams) {
    const lead = team.users.find((user) => user.role === 'lead');
    const leadActor = lead && users.get(lead.username);
    const partnerIds = await seedPartners(push, leadActor, team);
    for (const [username, cases] of Object.entries(team.casesOf)) {
      const worker = users.get(username);
      if (!worker) throw new Error(`Demo case owner ${username} is not a demo user`);
      const intake = intakeOf(worker, leadActor);
      for (const demo of cases) await seedCase(push, worker, intake, leadActor, demo, today);
    }
    const { username, daysAgo, referralPartner, ...fields } = team.preConsultation;
    const owner = users.get(username);
    if (!owner) throw new Error(`Demo pre-consultation owner ${username} is not a demo user`);
    const referralPartnerId = referralPartner ? partnerIds.get(referralPartner) : undefined;
    if (referralPartner && !referralPartnerId)
      throw new Error(`Demo partner ${referralPartner} is not seeded`);
    const data = {
      ...fields,
      date: dayFrom(today, -daysAgo),
      convertedCaseId: null,
      referralPartnerId: referralPartnerId ?? null,
    };
    await pushAs(push, owner, [mutation('preConsultation', 'create', randomUUID(), data)]);
  }
  return true;
}

export function demoLogins(): { username: string; displayName: string; role: string; team: string }[] {
  return demoTeams.flatMap((team) => team.users.map((user) => ({ ...user, team: team.name })));
}
