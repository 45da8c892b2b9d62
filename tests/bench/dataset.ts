// The bench's own team, made deterministically from a seed: a lead and workers
// inserted with the server's own repositories, then the cases taken on by the
// lead, and notes of about 1 KB (the home-visit template), appointments and
// pre-consultations pushed through the real push protocol as each worker, so the
// server holds exactly what devices would have written.
import type { Database } from '../../src/server/db/database';
import { insertOrganisation, insertTeam, insertUser } from '../../src/server/repositories/users';
import { hashPassword } from '../../src/server/services/password';
import { localIsoDate } from '../../src/shared/local-date';
import { MAX_PUSH_BATCH, type Mutation } from '../../src/shared/protocol';
import type { MutableEntity } from '../../src/shared/records';
import { createApiClient } from '../../src/sync';
import { createPrng, deriveSeed, type Prng } from '../faults/support/prng';

export const BENCH_PASSWORD = 'bench-passwort';
export const LEAD_USERNAME = 'bench-leitung';

export interface DatasetSizes {
  workers: number;
  cases: number;
  notes: number;
  appointments: number;
  preConsultations: number;
}

export const FULL_SIZES: DatasetSizes = {
  workers: 12,
  cases: 500,
  notes: 10_000,
  appointments: 1_000,
  preConsultations: 200,
};

export const SMOKE_SIZES: DatasetSizes = {
  workers: 2,
  cases: 6,
  notes: 40,
  appointments: 12,
  preConsultations: 4,
};

export interface BenchUser {
  id: string;
  username: string;
}

export interface SeededDataset {
  teamId: string;
  lead: BenchUser;
  workers: BenchUser[];
  /** Case ids per worker username. */
  casesOf: Map<string, string[]>;
  /** Words that occur in the notes: search terms that find something. */
  vocabulary: string[];
  seedMs: number;
}

const FAMILY_NAMES = [
  'Berger',
  'Yıldız',
  'Wagner',
  'Schulz',
  'Kowalski',
  'Hoffmann',
  'Nowak',
  'Petersen',
  'Demir',
  'Lange',
  'Krüger',
  'Haddad',
  'Brandt',
  'Şahin',
  'Vogel',
  'Jansen',
  'Möller',
  'Popescu',
  'Hartmann',
  'Ivanova',
];
const FIRST_NAMES = [
  'Leon',
  'Mia',
  'Emma',
  'Noah',
  'Lina',
  'Elias',
  'Sofia',
  'Paul',
  'Amira',
  'Jonas',
  'Ella',
];
const PLACES = [
  'Kirchwalde',
  'Lüchow',
  'Schnega-Ost',
  'Bergen an der Dumme',
  'Clenze',
  'Wustrow',
  'Dannenberg',
];
const STREETS = [
  'Dorfstraße',
  'Am Anger',
  'Lindenweg',
  'Bahnhofstraße',
  'Kirchplatz',
  'Mühlenweg',
  'Feldstraße',
];
const HELP_TYPES = [
  'SPFH § 31 SGB VIII',
  'Erziehungsbeistand § 30 SGB VIII',
  'Eingliederungshilfe § 35a SGB VIII',
];
const OCCASIONS = [
  'Vereinbarter Hausbesuch',
  'Hausbesuch nach Anruf der Mutter',
  'Kurzfristiger Hausbesuch wegen Schulvermeidung',
  'Hausbesuch zur Vorbereitung des Hilfeplangesprächs',
];
/** Sentences the text is built from: the register of real Verlaufsnotizen, invented content. */
const OBSERVATIONS = [
  'Die Mutter wirkt erschöpft, die Wohnung ist aufgeräumt und ausreichend geheizt.',
  'Die Kinder spielen ruhig im Wohnzimmer, der Jüngste sucht immer wieder Körperkontakt.',
  'Der Kühlschrank ist gefüllt, auf dem Tisch liegt ein Wochenplan mit Hausaufgabenzeiten.',
  'Der Vater war bei Ankunft nicht anwesend und kam nach zwanzig Minuten von der Arbeit.',
  'Die Stimmung ist angespannt, es gab am Wochenende Streit wegen der Mietschulden.',
  'Leon zeigt stolz sein Zeugnis, die Versetzung ist nicht gefährdet.',
  'Im Flur stehen ungeöffnete Briefe vom Jobcenter und von der Krankenkasse.',
  'Die Großmutter hat angeboten, dienstags nachmittags die Betreuung zu übernehmen.',
  'Mia hat wieder Bauchschmerzen vor dem Kindergarten und möchte nicht hingehen.',
  'Die Familie hat den Termin bei der Erziehungsberatungsstelle wahrgenommen.',
  'Ausbildungsplatzsuche des ältesten Sohnes besprochen, Bewerbungsmappe liegt vor.',
  'Schuldnerberatung hat einen Haushaltsplan erstellt, die Raten werden eingehalten.',
];
const AGREEMENTS = [
  'Hausaufgabenzeit nach dem Mittagessen; die Mutter ruft im Familienzentrum wegen der Eltern-Kind-Gruppe an.',
  'Feste Schlafenszeiten unter der Woche, Medienzeit höchstens eine Stunde am Tag.',
  'Gemeinsamer Termin beim Jobcenter nächste Woche, Unterlagen werden vorher sortiert.',
  'Der Vater übernimmt zweimal pro Woche das Bringen in die Kita.',
  'Kontakt zur Klassenlehrerin wird mit Einverständnis der Eltern aufgenommen.',
];
const NEXT_STEPS = [
  'Rückfrage bei der Klassenlehrerin zu den Fehlzeiten.',
  'Anmeldung in der Sprechstunde der Suchtberatung begleiten.',
  'Hilfeplangespräch im Jugendamt vorbereiten, Ziele mit der Familie durchgehen.',
  'Nächster Hausbesuch in einer Woche, vorher telefonische Rückmeldung.',
];
const CONCERNS = [
  'Nachbarin meldet sich wegen lauter Streitigkeiten in der Wohnung über ihr.',
  'Mutter fragt nach Unterstützung, weil der Sohn seit Wochen nicht zur Schule geht.',
  'Großvater sorgt sich um die Versorgung der Enkel nach dem Auszug des Vaters.',
];

function sentences(prng: Prng, pool: readonly string[], atLeastChars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < atLeastChars) {
    const sentence = prng.pick(pool);
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ');
}

/** Calendar day `offset` days from today, local time (the bench's browser shares this time zone). */
export function dayFrom(offset: number, today = new Date()): string {
  return localIsoDate(new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset));
}

/** A version-4 uuid drawn from the seeded generator: the same seed makes the same ids. */
function seededUuid(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => prng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + prng.int(0, 3)).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let idSource: Prng = createPrng(1);

function newId(): string {
  return seededUuid(idSource);
}

function mutation(entity: MutableEntity, recordId: string, data: Record<string, unknown>): Mutation {
  return {
    id: newId(),
    entity,
    op: 'create',
    recordId,
    baseVersion: null,
    data,
    clientTime: new Date().toISOString(),
  };
}

/** A home-visit note of about 1 KB across its template sections. */
export function benchNoteFields(prng: Prng, caseId: string, date: string): Record<string, unknown> {
  return {
    caseId,
    date,
    kind: 'home_visit',
    durationMinutes: prng.pick([45, 60, 90, 120]),
    text: '',
    concern8a: false,
    reviewedAt: null,
    template: 'home_visit',
    occasion: prng.pick(OCCASIONS),
    observations: sentences(prng, OBSERVATIONS, 520),
    talkedWith: `${prng.pick(FIRST_NAMES)}, Mutter`,
    agreements: sentences(prng, AGREEMENTS, 220),
    nextSteps: sentences(prng, NEXT_STEPS, 120),
    travelMinutes: prng.pick([0, 20, 30, 45]),
    kilometres: prng.int(0, 40),
  };
}

/** What each worker pushes, made from the seed alone (ids included). */
function mutationsOf(
  prng: Prng,
  workerIds: string[],
  sizes: DatasetSizes,
): { intake: Mutation[]; perWorker: Mutation[][]; casesPerWorker: string[][] } {
  // The lead takes the cases on (approved hours are the lead's); the workers write in them.
  const intake: Mutation[] = [];
  const perWorker: Mutation[][] = workerIds.map(() => []);
  const casesPerWorker: string[][] = workerIds.map(() => []);
  const caseOwner: Array<{ caseId: string; worker: number }> = [];
  for (let i = 0; i < sizes.cases; i++) {
    const worker = i % workerIds.length;
    const caseId = newId();
    const family = prng.pick(FAMILY_NAMES);
    caseOwner.push({ caseId, worker });
    casesPerWorker[worker]?.push(caseId);
    intake.push(
      mutation('case', caseId, {
        reference: `B-${String(i + 1).padStart(4, '0')}`,
        familyName: family,
        clients: `${prng.pick(FIRST_NAMES)} ${family} (Mutter), ${prng.pick(FIRST_NAMES)} (${prng.int(2, 16)})`,
        address: `${prng.pick(STREETS)} ${prng.int(1, 80)}, 29${prng.int(100, 999)} ${prng.pick(PLACES)}`,
        phone: `0170 ${prng.int(1000000, 9999999)}`,
        helpType: prng.pick(HELP_TYPES),
        status: 'open',
        startDate: dayFrom(-prng.int(30, 700)),
        assignedTo: workerIds[worker],
        sourcePreConsultationId: null,
        approvedHoursPerMonth: prng.int(4, 20),
      }),
    );
  }
  for (let i = 0; i < sizes.notes; i++) {
    const { caseId, worker } = caseOwner[i % caseOwner.length] as (typeof caseOwner)[number];
    perWorker[worker]?.push(
      mutation('note', newId(), benchNoteFields(prng, caseId, dayFrom(-prng.int(1, 700)))),
    );
  }
  for (let i = 0; i < sizes.appointments; i++) {
    const { caseId, worker } = caseOwner[prng.int(0, caseOwner.length - 1)] as (typeof caseOwner)[number];
    // A tenth today, so Heute shows visits; the rest spread over the coming and past weeks.
    const offset = i % 10 === 0 ? 0 : prng.int(-30, 60);
    perWorker[worker]?.push(
      mutation('appointment', newId(), {
        caseId,
        date: dayFrom(offset),
        time: `${String(prng.int(8, 17)).padStart(2, '0')}:${prng.pick(['00', '15', '30', '45'])}`,
        durationMinutes: prng.pick([30, 60, 90]),
        place: `${prng.pick(STREETS)} ${prng.int(1, 80)}, ${prng.pick(PLACES)}`,
        kind: 'home_visit',
        status: offset < 0 ? 'done' : 'planned',
      }),
    );
  }
  for (let i = 0; i < sizes.preConsultations; i++) {
    const worker = i % workerIds.length;
    perWorker[worker]?.push(
      mutation('preConsultation', newId(), {
        date: dayFrom(-prng.int(0, 300)),
        contact: `${prng.pick(FIRST_NAMES)} ${prng.pick(FAMILY_NAMES)}, ${prng.pick(PLACES)}`,
        concern: prng.pick(CONCERNS),
        advice: sentences(prng, AGREEMENTS, 150),
        outcome: 'done',
        convertedCaseId: null,
      }),
    );
  }
  return { intake, perWorker, casesPerWorker };
}

async function insertBenchTeam(db: Database, workerCount: number) {
  const teamId = newId();
  const lead: BenchUser = { id: newId(), username: LEAD_USERNAME };
  const workers: BenchUser[] = Array.from({ length: workerCount }, (_, i) => ({
    id: newId(),
    username: `bench-fachkraft-${String(i + 1).padStart(2, '0')}`,
  }));
  // scrypt is slow on purpose: hashed before the transaction.
  const hashes = await Promise.all([lead, ...workers].map(() => hashPassword(BENCH_PASSWORD)));
  await db.transaction(async (tx) => {
    const organisationId = newId();
    await insertOrganisation(tx, { id: organisationId, name: 'Träger Messung' });
    await insertTeam(tx, { id: teamId, name: 'Team Messung', organisationId });
    const all = [
      { user: lead, role: 'lead' as const, displayName: 'Leitung Messung' },
      ...workers.map((user, i) => ({ user, role: 'worker' as const, displayName: `Fachkraft ${i + 1}` })),
    ];
    for (const [index, { user, role, displayName }] of all.entries()) {
      await insertUser(tx, {
        id: user.id,
        teamId,
        username: user.username,
        displayName,
        role,
        passwordHash: hashes[index] ?? '',
      });
    }
  });
  return { teamId, lead, workers };
}

/** Logs in as `username` through the API (a device of its own) and pushes the mutations in protocol batches. */
async function pushAs(baseUrl: string, username: string, mutations: Mutation[]): Promise<void> {
  let token: string | null = null;
  const api = createApiClient({ baseUrl, deviceId: `bench-seed-${username}`, getToken: () => token });
  token = (await api.login({ username, password: BENCH_PASSWORD })).token;
  for (let start = 0; start < mutations.length; start += MAX_PUSH_BATCH) {
    const { results } = await api.push({ mutations: mutations.slice(start, start + MAX_PUSH_BATCH) });
    const refused = results.find((result) => result.status !== 'applied');
    if (refused) throw new Error(`bench seed not applied for ${username}: ${JSON.stringify(refused)}`);
  }
}

export async function seedDataset(options: {
  db: Database;
  baseUrl: string;
  sizes: DatasetSizes;
  seed?: number;
}): Promise<SeededDataset> {
  const started = performance.now();
  const seed = options.seed ?? 20_240_601;
  idSource = createPrng(deriveSeed(seed, 'bench-ids'));
  const { teamId, lead, workers } = await insertBenchTeam(options.db, options.sizes.workers);
  const prng = createPrng(deriveSeed(seed, 'bench-dataset'));
  const { intake, perWorker, casesPerWorker } = mutationsOf(
    prng,
    workers.map((worker) => worker.id),
    options.sizes,
  );
  await pushAs(options.baseUrl, lead.username, intake);
  // In parallel per worker, in order within each: as twelve devices would.
  await Promise.all(workers.map((worker, i) => pushAs(options.baseUrl, worker.username, perWorker[i] ?? [])));
  const casesOf = new Map(workers.map((worker, i) => [worker.username, casesPerWorker[i] ?? []]));
  return {
    teamId,
    lead,
    workers,
    casesOf,
    vocabulary: [
      'Hausaufgabenzeit',
      'Jobcenter',
      'Klassenlehrerin',
      'Großmutter',
      'Bauchschmerzen',
      'Schuldnerberatung',
      'Erziehungsberatungsstelle',
      'Zeugnis',
      'Mietschulden',
      'Kindergarten',
      'Bewerbungsmappe',
      'Krankenkasse',
      'Schlafenszeiten',
      'Medienzeit',
      'Familienzentrum',
      'Suchtberatung',
      'Hilfeplangespräch',
      'Wochenplan',
      'Körperkontakt',
      'Versetzung',
      'Kita',
      'Unterlagen',
      'Haushaltsplan',
      'Ausbildungsplatzsuche',
    ],
    seedMs: performance.now() - started,
  };
}
