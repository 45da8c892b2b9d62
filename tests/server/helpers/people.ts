// People the demo does not have: an administrator (role admin) with the demo
// password, in the team of an existing demo user.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../src/server/db/database';
import { insertUser } from '../../../src/server/repositories/users';
import { DEMO_PASSWORD } from '../../../src/server/seed/demo-data';
import { hashPassword } from '../../../src/server/services/password';

export async function addAdministrator(db: Database, username = 'ada', teamOfUser = 'lea'): Promise<string> {
  const [team] = await db.query<{ teamId: string }>(
    'SELECT team_id::text AS "teamId" FROM users WHERE username = $1',
    [teamOfUser],
  );
  if (!team) throw new Error(`no demo user ${teamOfUser}`);
  const id = randomUUID();
  await insertUser(db, {
    id,
    teamId: team.teamId,
    username,
    displayName: 'Ada Verwaltung',
    role: 'admin',
    administers: true,
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  return id;
}
