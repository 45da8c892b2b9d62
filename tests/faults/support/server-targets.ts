// The real server, started in this process on each database the suite runs
// against: embedded PGlite (in memory) always, and the PostgreSQL server at
// DATABASE_URL, in a fresh schema of its own that is dropped afterwards.

import { type RunningServer, startServer } from '../../../src/server/start';
import { createPostgresSchema } from '../../server/helpers/databases';
import { postgresUrlOrSkip } from '../../server/helpers/postgres-url';

export interface ServerTarget {
  name: 'pglite' | 'postgres';
  start(): Promise<RunningServer>;
}

const pglite: ServerTarget = {
  name: 'pglite',
  start: () => startServer({ seedDemo: true }),
};

function postgres(databaseUrl: string): ServerTarget {
  return {
    name: 'postgres',
    async start() {
      const { schema, drop } = await createPostgresSchema(databaseUrl);
      const server = await startServer({ seedDemo: true, databaseUrl, searchPath: schema }).catch(
        async (error: unknown) => {
          await drop();
          throw error;
        },
      );
      return {
        ...server,
        async close() {
          await server.close();
          await drop();
        },
      };
    },
  };
}

/** PGlite, and PostgreSQL at DATABASE_URL (a visible skip without it, a failure under CI). */
export function serverTargets(): ServerTarget[] {
  const url = postgresUrlOrSkip();
  return url ? [pglite, postgres(url)] : [pglite];
}
