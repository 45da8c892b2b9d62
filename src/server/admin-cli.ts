// `npm run admin -- <command>`: people for scripted set-ups and recovery, on the
// same database as the server (DATA_DIR / DATABASE_URL, config.ts) and through
// the same services as the API (services/people-service.ts), as the server's
// operator: audited without a user, detail.via 'cli'.
//
// PGlite allows one process at a time: stop the server before using this on its
// data directory. With PostgreSQL (DATABASE_URL) it runs next to the server.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { requiredText } from '../shared/fields';
import { Username } from '../shared/protocol';
import { describeZodError } from '../shared/validation';
import { readConfig } from './config';
import { createDatabase } from './db/create-database';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { createPeopleService, type Operator, type PeopleService } from './services/people-service';
import { Refusal } from './services/refusal';

const USAGE = `Verwendung: npm run admin -- <Befehl> [Optionen]

Befehle:
  create-admin --name "Vorname Nachname" --username benutzername [--team "Team"] [--organisation "Name"]
      Legt eine Person mit der Rolle Administration an und zeigt ihren Einladungscode
      (7 Tage gültig, einmal verwendbar). --team: ein Team der Organisation (fehlt es,
      wird es angelegt; ohne --team: das einzige Team). --organisation: nur für eine
      leere Installation, die noch keine Organisation hat.
  reset-password <benutzername>
      Das alte Passwort gilt sofort nicht mehr, die Sitzungen der Person enden; zeigt
      einen Einmalcode, mit dem sie ein neues Passwort wählt ("Mit Einladungscode anmelden").
  list-people
      Alle Personen mit Rolle, Team und Status.

Datenbank wie beim Server: DATABASE_URL (PostgreSQL) oder DATA_DIR (PGlite, Standard ./data;
den Server vorher beenden).`;

/** A refusal the operator can act on: printed as is, exit code 1. */
class CliError extends Error {}

const roleNames = { admin: 'Administration', lead: 'Teamleitung', worker: 'Fachkraft' } as const;
const statusNames = { active: 'aktiv', invited: 'eingeladen', blocked: 'gesperrt' } as const;

function checked<S extends z.ZodType>(schema: S, value: unknown, option: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problem = describeZodError(parsed.error);
  throw new CliError(`${option}: ${problem.message.replace(/^[^:]*: /, '')}`);
}

const CONSOLE: Operator = { kind: 'console' };

async function teamFor(
  people: PeopleService,
  teamName: string | undefined,
  organisationName: string | undefined,
) {
  let [organisation] = await people.listOrganisations();
  if (!organisation) {
    if (!organisationName) {
      throw new CliError('Es gibt noch keine Organisation: bitte --organisation "Name" angeben.');
    }
    organisation = await people.createOrganisation(organisationName);
    console.log(`Organisation angelegt: ${organisation.name}`);
  } else if (organisationName && organisationName !== organisation.name) {
    throw new CliError(`Es gibt schon eine Organisation (${organisation.name}); --organisation weglassen.`);
  }
  const teams = await people.listTeams(organisation.id);
  if (teamName) {
    const found = teams.find((team) => team.name.toLowerCase() === teamName.toLowerCase());
    if (found) return found;
    const created = await people.createTeam(CONSOLE, teamName, organisation.id);
    console.log(`Team angelegt: ${created.name}`);
    return created;
  }
  const [only, ...more] = teams;
  if (!only) throw new CliError('Es gibt noch kein Team: bitte --team "Name" angeben.');
  if (more.length > 0) {
    throw new CliError(`Mehrere Teams – bitte --team angeben: ${teams.map((t) => t.name).join(', ')}`);
  }
  return only;
}

/** Opens the database on first use: a command checks its arguments before. */
type OpenPeople = () => Promise<PeopleService>;

async function createAdmin(open: OpenPeople, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      username: { type: 'string' },
      team: { type: 'string' },
      organisation: { type: 'string' },
    },
    strict: true,
  });
  if (!values.name || !values.username) throw new CliError(`--name und --username sind nötig.\n\n${USAGE}`);
  const displayName = checked(requiredText(200), values.name, '--name');
  const username = checked(Username, values.username, '--username');
  const teamName = values.team === undefined ? undefined : checked(requiredText(200), values.team, '--team');
  const organisationName =
    values.organisation === undefined
      ? undefined
      : checked(requiredText(200), values.organisation, '--organisation');
  const people = await open();
  const team = await teamFor(people, teamName, organisationName);
  const { person, invitation } = await people.create(CONSOLE, {
    displayName,
    username,
    role: 'admin',
    administers: true,
    teamId: team.id,
  });
  console.log(
    `Person angelegt: ${person.displayName} (${person.username}), Administration, Team ${team.name}`,
  );
  console.log(`Einladungscode: ${invitation.code}`);
  console.log(`Gültig bis ${new Date(invitation.expiresAt).toLocaleString('de-DE')}, einmal verwendbar.`);
  console.log('Anmelden mit "Mit Einladungscode anmelden": Benutzername, Code und ein neues Passwort.');
}

async function resetPassword(open: OpenPeople, args: string[]): Promise<void> {
  const [raw, ...rest] = args;
  if (!raw || rest.length > 0) throw new CliError(`Bitte genau einen Benutzernamen angeben.\n\n${USAGE}`);
  const username = checked(Username, raw, 'Benutzername');
  const people = await open();
  const person = await people.findByUsername(username);
  if (!person) throw new CliError(`Keine Person mit dem Benutzernamen "${username}".`);
  const issued = await people.resetPassword(CONSOLE, person.id);
  console.log(
    `Passwort von ${person.displayName} (${person.username}) zurückgesetzt; die Sitzungen sind beendet.`,
  );
  console.log(`Einmalcode: ${issued.code}`);
  console.log(`Gültig bis ${new Date(issued.expiresAt).toLocaleString('de-DE')}, einmal verwendbar.`);
}

async function listPeople(open: OpenPeople, args: string[]): Promise<void> {
  if (args.length > 0) throw new CliError(`list-people kennt keine Optionen.\n\n${USAGE}`);
  const { organisationName, teams, people: everyone } = await (await open()).list(CONSOLE);
  if (everyone.length === 0) {
    console.log('Noch keine Personen.');
    return;
  }
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  console.log(`${organisationName}: ${everyone.length} ${everyone.length === 1 ? 'Person' : 'Personen'}`);
  for (const person of everyone) {
    const role =
      roleNames[person.role] + (person.administers && person.role !== 'admin' ? ' + Administration' : '');
    console.log(
      [
        person.username.padEnd(16),
        person.displayName.padEnd(24),
        role.padEnd(30),
        (teamNames.get(person.teamId) ?? '').padEnd(16),
        statusNames[person.status],
        person.openCaseCount > 0 ? `${person.openCaseCount} offene Fälle` : '',
      ]
        .join(' ')
        .trimEnd(),
    );
  }
}

const commands: Record<string, (open: OpenPeople, args: string[]) => Promise<void>> = {
  'create-admin': createAdmin,
  'reset-password': resetPassword,
  'list-people': listPeople,
};

async function openDatabase(): Promise<Database> {
  const config = readConfig();
  const db = await createDatabase(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl }
      : { dataDir: join(resolve(config.dataDir), 'pgdata') },
  );
  await migrate(db);
  return db;
}

export async function runAdminCli(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unbekannter Befehl: ${command}\n\n${USAGE}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let db: Database | undefined;
  try {
    await run(async () => {
      db = await openDatabase();
      // The command line has no event streams of its own to end.
      return createPeopleService(db, { endWhere: () => {} });
    }, args);
    return 0;
  } catch (error) {
    if (error instanceof CliError || error instanceof Refusal) {
      console.error(`Fehler: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`Fehler: unbekannte oder unvollständige Option (${error.message})\n\n${USAGE}`);
      return 2;
    }
    console.error('Fehler:', error);
    return 1;
  } finally {
    await db?.close();
  }
}

runAdminCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Fehler:', error);
    process.exit(1);
  },
);
