// `npm run admin`, run as the operator runs it: a child process on a PGlite data
// directory, then the server on the same directory honours what it did.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start';
import { SessionTokens } from '../../src/shared/protocol';

const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

describe('admin command line', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'feldakte-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  async function admin(...args: string[]): Promise<Outcome> {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'src/server/admin-cli.ts', ...args],
        {
          env,
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  const codeIn = (text: string, label: string) =>
    new RegExp(`${label}: ([A-Z0-9]{4}(?:-[A-Z0-9]{4}){3})`).exec(text)?.[1] ?? '';

  it('sets up an empty installation, lists people, resets a password; the server honours it', async () => {
    const help = await admin('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('create-admin');

    const noOrganisation = await admin('create-admin', '--name', 'Ada Verwaltung', '--username', 'ada');
    expect(noOrganisation.code).toBe(1);
    expect(noOrganisation.stderr).toContain('Es gibt noch keine Organisation');

    const created = await admin(
      'create-admin',
      '--name',
      'Ada Verwaltung',
      '--username',
      'ada',
      '--team',
      'Team Nord',
      '--organisation',
      'Jugendhilfe Testdorf e.V.',
    );
    expect(created.code, created.stderr).toBe(0);
    const invitation = codeIn(created.stdout, 'Einladungscode');
    expect(invitation).not.toBe('');

    const duplicate = await admin('create-admin', '--name', 'Noch eine', '--username', 'ADA');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('Dieser Benutzername ist schon vergeben');
    const badName = await admin('create-admin', '--name', 'X', '--username', 'mit leer');
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain('--username: darf nur Buchstaben');
    const unknown = await admin('löschen');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unbekannter Befehl');
    const nobody = await admin('reset-password', 'niemand');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('Keine Person');

    const listed = await admin('list-people');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ada\s+Ada Verwaltung\s+Administration\s+Team Nord\s+eingeladen/);

    const reset = await admin('reset-password', 'ada');
    expect(reset.code).toBe(0);
    const resetCode = codeIn(reset.stdout, 'Einmalcode');
    expect(resetCode).not.toBe('');

    // The server on the same data directory: the newest code works, the replaced one does not.
    const server = await startServer({ dataDir, seedDemo: false });
    try {
      const redeem = (code: string) =>
        fetch(`${server.url}/api/auth/invitation`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'ada', code, password: 'ein-langes-passwort' }),
        });
      expect((await redeem(invitation)).status).toBe(401);
      const response = await redeem(resetCode);
      expect(response.status).toBe(200);
      const session = SessionTokens.parse(await response.json());
      expect(session.user).toMatchObject({ role: 'admin', administers: true, teamName: 'Team Nord' });
      const audit = await server.db.query<{ action: string }>(
        "SELECT action FROM audit_log WHERE detail->>'via' = 'cli' ORDER BY id",
      );
      expect(audit.map((a) => a.action)).toEqual([
        'organisation_created',
        'team_created',
        'person_created',
        'people_listed',
        'password_reset',
      ]);
    } finally {
      await server.close();
    }
    // Each run opens PGlite and checks the migrations: seconds, not milliseconds.
  }, 240_000);
});
