// An installation of the release whose last migration was 0007, with data of
// every kind in it, written with SQL in that schema's own columns (the server
// code of today no longer writes that schema). Two teams; Anna and Lea of Team
// Nord log in with the demo password; one case is closed; one note carries a
// § 8a concern that was acknowledged, one was reviewed and commented on.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../src/server/db/database';
import { quoteIdentifier } from '../../../src/server/db/pg-database';
import { DEMO_PASSWORD } from '../../../src/server/seed/demo-data';
import { hashPassword } from '../../../src/server/services/password';

/** The last migration of the previous release. */
export const PREVIOUS_RELEASE_LAST_MIGRATION = 7;

export interface Release0007Data {
  teams: { nord: string; sued: string };
  users: { anna: string; ben: string; lea: string; tom: string };
  /** Case ids by reference. */
  cases: Record<string, string>;
  /** The free-text Hilfeart each case was created with, by reference. */
  helpTypes: Record<string, string>;
  closedCaseReference: string;
}

/** A PostgreSQL array column's value (every other object or array goes to a jsonb column). */
class SqlArray {
  constructor(readonly items: readonly string[]) {}
}

async function insert(db: Queryable, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  const values = columns.map((column) => {
    const value = row[column];
    if (value instanceof SqlArray) return value.items;
    return value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  });
  await db.query(
    `INSERT INTO ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})
     VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
}

function synced(seq: number, updatedBy: string, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    created_at: '2026-03-02T08:00:00Z',
    updated_at: '2026-03-02T08:00:00Z',
    updated_by: updatedBy,
    seq,
    ...extra,
  };
}

const HELP_TYPES: Record<string, string> = {
  'N-2026-001': 'SPFH (§ 31 SGB VIII)',
  'N-2026-002': 'Erziehungsbeistand § 30 SGB VIII',
  'N-2026-003': 'Eingliederungshilfe § 35a SGB VIII',
  'N-2026-004': 'Hilfe für junge Volljährige § 41 SGB VIII',
  'S-2026-001': 'ISE § 35 SGB VIII',
  'S-2026-002': 'Sozialarbeit im Stadtteil',
  'S-2026-003': 'Clearing',
};

/** Fills a database migrated up to 0007 (and no further). */
export async function fillRelease0007(db: Queryable): Promise<Release0007Data> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const teams = { nord: randomUUID(), sued: randomUUID() };
  const users = { anna: randomUUID(), ben: randomUUID(), lea: randomUUID(), tom: randomUUID() };
  const cases = Object.fromEntries(Object.keys(HELP_TYPES).map((reference) => [reference, randomUUID()]));
  const caseOf = (reference: string) => cases[reference] as string;
  let seq = 0;
  const next = () => ++seq;

  await insert(db, 'teams', { id: teams.nord, name: 'Team Nord', lock_after_minutes: 15 });
  await insert(db, 'teams', { id: teams.sued, name: 'Team Süd' });
  const people: [keyof typeof users, string, 'worker' | 'lead', string][] = [
    ['anna', 'Anna Keller', 'worker', teams.nord],
    ['ben', 'Ben Schröder', 'worker', teams.nord],
    ['lea', 'Lea Hoffmann', 'lead', teams.nord],
    ['tom', 'Tom Winter', 'worker', teams.sued],
  ];
  for (const [username, displayName, role, teamId] of people) {
    await insert(db, 'users', {
      id: users[username],
      team_id: teamId,
      username,
      display_name: displayName,
      role,
      password_hash: passwordHash,
      seq: next(),
      ...(username === 'ben' ? { version: 2 } : {}),
    });
  }

  // Partners first: a pre-consultation refers to one.
  const partner = randomUUID();
  await insert(db, 'partners', {
    id: partner,
    team_id: teams.nord,
    name: 'Erziehungsberatungsstelle Kirchwalde',
    organisation: 'Diakonie Nordkreis',
    services: 'Erziehungsberatung, Trennung und Scheidung',
    contact: '05841 2233',
    district: 'Kirchwalde',
    ...synced(next(), users.lea),
  });
  const deletedPartner = randomUUID();
  await insert(db, 'partners', {
    id: deletedPartner,
    team_id: teams.nord,
    name: 'Alte Schuldnerberatung',
    organisation: '',
    services: 'Schuldnerberatung',
    contact: '',
    district: '',
    ...synced(next(), users.lea, { version: 2, deleted_at: '2026-03-10T09:00:00Z' }),
  });

  const owners: Record<string, [string, string]> = {
    'N-2026-001': [users.anna, teams.nord],
    'N-2026-002': [users.anna, teams.nord],
    'N-2026-003': [users.ben, teams.nord],
    'N-2026-004': [users.ben, teams.nord],
    'S-2026-001': [users.tom, teams.sued],
    'S-2026-002': [users.tom, teams.sued],
    'S-2026-003': [users.tom, teams.sued],
  };
  const closedCaseReference = 'N-2026-004';
  for (const [reference, helpType] of Object.entries(HELP_TYPES)) {
    const [assignedTo, teamId] = owners[reference] as [string, string];
    await insert(db, 'cases', {
      id: caseOf(reference),
      team_id: teamId,
      reference,
      family_name: `Familie ${reference.slice(-1)}`,
      clients: 'Mutter, zwei Kinder (7, 11)',
      address: 'Dorfstraße 12, 29459 Kirchwalde',
      phone: '0170 4418230',
      help_type: helpType,
      // The closed_at trigger of 0005 stamps the closing time.
      status: reference === closedCaseReference ? 'closed' : 'open',
      start_date: '2026-01-15',
      assigned_to: assignedTo,
      approved_hours_per_month: 7.5,
      field_meta: {
        phone: { version: 1, userId: assignedTo, deviceId: 'phone-1', at: '2026-03-02T08:00:00.000Z' },
      },
      ...synced(next(), assignedTo),
    });
    await insert(db, 'scope_changes', {
      seq: next(),
      user_id: assignedTo,
      case_id: caseOf(reference),
      gained: true,
      reason: 'assigned',
    });
  }

  const goal = randomUUID();
  await insert(db, 'goals', {
    id: goal,
    team_id: teams.nord,
    case_id: caseOf('N-2026-001'),
    title: 'Verlässliche Tagesstruktur',
    description: 'Feste Zeiten für Aufstehen, Essen und Schlafen.',
    status: 'open',
    ...synced(next(), users.anna),
  });
  await insert(db, 'goals', {
    id: randomUUID(),
    team_id: teams.nord,
    case_id: caseOf('N-2026-001'),
    title: 'Regelmäßiger Schulbesuch',
    description: '',
    status: 'achieved',
    ...synced(next(), users.anna, { version: 3 }),
  });

  const visit = randomUUID();
  await insert(db, 'appointments', {
    id: visit,
    team_id: teams.nord,
    case_id: caseOf('N-2026-001'),
    worker_id: users.anna,
    date: '2026-03-02',
    time: '09:00',
    duration_minutes: 90,
    place: 'bei der Familie',
    kind: 'home_visit',
    status: 'done',
    ...synced(next(), users.anna, { version: 2 }),
  });
  await insert(db, 'appointments', {
    id: randomUUID(),
    team_id: teams.nord,
    case_id: caseOf('N-2026-002'),
    worker_id: users.anna,
    date: '2026-04-20',
    time: '14:30',
    duration_minutes: 60,
    place: 'Jugendamt, Raum 3',
    kind: 'meeting',
    status: 'planned',
    ...synced(next(), users.anna),
  });

  const reviewedNote = randomUUID();
  await insert(db, 'notes', {
    id: reviewedNote,
    team_id: teams.nord,
    case_id: caseOf('N-2026-001'),
    author_id: users.anna,
    date: '2026-03-02',
    kind: 'home_visit',
    duration_minutes: 90,
    text: '',
    concern8a: false,
    reviewed_at: '2026-03-03T10:00:00Z',
    reviewed_by: users.lea,
    template: 'home_visit',
    occasion: 'Vereinbarter Hausbesuch',
    observations: 'Wohnung aufgeräumt, Mutter wirkt erschöpft.',
    talked_with: 'Mutter, Leon',
    agreements: 'Hausaufgabenzeit nach dem Mittagessen.',
    next_steps: 'Rückfrage bei der Schule.',
    travel_minutes: 30,
    kilometres: 18.5,
    goal_ids: [goal],
    appointment_id: visit,
    amendments: [
      {
        at: '2026-03-04T08:00:00.000Z',
        by: users.anna,
        changes: { agreements: { from: 'Hausaufgaben.', to: 'Hausaufgabenzeit nach dem Mittagessen.' } },
      },
    ],
    ...synced(next(), users.lea, { version: 3 }),
  });
  await insert(db, 'notes', {
    id: randomUUID(),
    team_id: teams.nord,
    case_id: caseOf('N-2026-003'),
    author_id: users.ben,
    date: '2026-03-05',
    kind: 'phone',
    duration_minutes: 20,
    text: 'Anruf der Schule: blaue Flecken am Arm, Kind sagt, es sei gestürzt.',
    concern8a: true,
    concern_acknowledged_at: '2026-03-05T12:00:00Z',
    concern_acknowledged_by: users.lea,
    ...synced(next(), users.lea, { version: 2 }),
  });
  await insert(db, 'notes', {
    id: randomUUID(),
    team_id: teams.sued,
    case_id: caseOf('S-2026-001'),
    author_id: users.tom,
    date: '2026-03-06',
    kind: 'other',
    duration_minutes: 45,
    text: 'Begleitung zum Jobcenter.',
    concern8a: false,
    conflicts: [
      {
        id: randomUUID(),
        field: 'text',
        candidates: [
          {
            value: 'Begleitung zum Jobcenter.',
            by: users.tom,
            at: '2026-03-06T10:00:00.000Z',
            deviceId: 'a',
          },
          { value: 'Jobcenter.', by: users.tom, at: '2026-03-06T10:01:00.000Z', deviceId: 'b' },
        ],
        createdAt: '2026-03-06T10:02:00.000Z',
      },
    ],
    ...synced(next(), users.tom, { version: 2 }),
  });

  await insert(db, 'comments', {
    id: randomUUID(),
    team_id: teams.nord,
    case_id: caseOf('N-2026-001'),
    note_id: reviewedNote,
    author_id: users.lea,
    text: 'Bitte die Schule vor dem nächsten Hausbesuch anrufen.',
    ...synced(next(), users.lea),
  });

  await insert(db, 'pre_consultations', {
    id: randomUUID(),
    team_id: teams.nord,
    worker_id: users.anna,
    date: '2026-02-20',
    contact: 'Herr Yilmaz, Vater',
    concern: 'Streit zu Hause, Sohn (14) schwänzt.',
    advice: 'Erziehungsberatung empfohlen.',
    outcome: 'referral',
    referral_partner_id: partner,
    ...synced(next(), users.anna),
  });
  await insert(db, 'pre_consultations', {
    id: randomUUID(),
    team_id: teams.nord,
    worker_id: users.ben,
    date: '2026-01-10',
    contact: 'Frau D., Mutter',
    concern: 'Überforderung nach der Trennung.',
    advice: 'Antrag beim Jugendamt.',
    outcome: 'help_recommended',
    converted_case_id: caseOf('N-2026-003'),
    ...synced(next(), users.ben, { version: 2 }),
  });

  // Ben stood in for Anna on N-2026-002 in February (period over, access gone).
  await insert(db, 'substitutions', {
    id: randomUUID(),
    team_id: teams.nord,
    case_id: caseOf('N-2026-002'),
    substitute_id: users.ben,
    from_date: '2026-02-01',
    until_date: '2026-02-14',
    grants_access: false,
    ...synced(next(), users.lea),
  });
  for (const [gained, reason] of [
    [true, 'substitution_started'],
    [false, 'substitution_ended'],
  ] as const) {
    await insert(db, 'scope_changes', {
      seq: next(),
      user_id: users.ben,
      case_id: caseOf('N-2026-002'),
      gained,
      reason,
    });
  }

  // A case erased after its retention period: only the tombstone is left.
  await insert(db, 'erasures', {
    seq: next(),
    team_id: teams.sued,
    entity: 'case',
    record_id: randomUUID(),
  });
  await db.query('UPDATE sync_counter SET value = $1', [seq]);

  await insert(db, 'applied_mutations', {
    id: randomUUID(),
    user_id: users.anna,
    device_id: 'phone-1',
    entity: 'case',
    op: 'update',
    record_id: caseOf('N-2026-001'),
    base_version: 0,
    result_version: 1,
    data: { phone: '0170 4418230' },
    client_time: '2026-03-02T08:00:00Z',
  });

  const family = randomUUID();
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
  await insert(db, 'sessions', {
    token_hash: 'f'.repeat(64),
    user_id: users.anna,
    expires_at: inAMonth,
    device_id: 'phone-1',
    family_id: family,
  });
  await insert(db, 'sessions', {
    token_hash: 'e'.repeat(64),
    user_id: users.ben,
    expires_at: inAMonth,
    device_id: 'lost-phone',
    family_id: randomUUID(),
    revoked_at: '2026-03-07T09:00:00Z',
  });
  await insert(db, 'refresh_tokens', {
    token_hash: 'd'.repeat(64),
    family_id: family,
    user_id: users.anna,
    device_id: 'phone-1',
    expires_at: inAMonth,
  });
  await insert(db, 'revoked_devices', {
    device_id: 'lost-phone',
    team_id: teams.nord,
    revoked_by: users.lea,
  });
  await insert(db, 'devices', {
    device_id: 'phone-1',
    user_id: users.anna,
    reported_at: '2026-03-07T08:00:00Z',
    pending_count: 2,
    oldest_pending_at: '2026-03-07T07:30:00Z',
  });
  await insert(db, 'audit_log', {
    user_id: users.anna,
    device_id: 'phone-1',
    action: 'pull',
    detail: { records: 12 },
    case_ids: new SqlArray([caseOf('N-2026-001'), caseOf('N-2026-002')]),
  });
  await insert(db, 'audit_log', { user_id: users.lea, device_id: null, action: 'user_revoked', detail: {} });
  await insert(db, 'audit_log', {
    user_id: users.lea,
    device_id: 'tablet',
    action: 'team_settings_changed',
    detail: { lockAfterMinutes: 15 },
  });

  return { teams, users, cases, helpTypes: HELP_TYPES, closedCaseReference };
}
