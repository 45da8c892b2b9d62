// A person of the role Administration in a demo team (the demo has none): the
// organisation's people and teams, no case content.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/server/db/database';
import { insertUser } from '../../../src/server/repositories/users';
import { DEMO_PASSWORD } from '../../../src/server/seed/demo-data';
import { hashPassword } from '../../../src/server/services/password';

/** Adds `username` (role admin, demo password) to the team of `colleague`; returns their id. */
export async function addAdministrator(db: Database, username: string, colleague: string): Promise<string> {
  const [team] = await db.query<{ teamId: string }>(
    'SELECT team_id::text AS "teamId" FROM users WHERE username = $1',
    [colleague],
  );
  if (!team) throw new Error(`no demo user ${colleague}`);
  const id = randomUUID();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction((tx) =>
    insertUser(tx, {
      id,
      teamId: team.teamId,
      username,
      displayName: 'Ada Verwaltung',
      role: 'admin',
      passwordHash,
    }),
  );
  return id;
}
