// Runs the server-load figure on its own: the real server in this process, on
// PGlite and (when DATABASE_URL is set) on a fresh PostgreSQL schema, seeded with
// the demo teams, 50 devices syncing for 20 s. Prints one result per database.
//   DATABASE_URL=postgres://... npx tsx tests/bench/server-load-try.ts [pglite|postgres] [devices] [seconds]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import { demoLogins } from '../../src/server/seed/seed-demo';
import { type RunningServer, startServer } from '../../src/server/start';
import { createPostgresSchema } from '../server/helpers/databases';
import { measureServerLoad } from './server-load';

const [only, devicesArg, secondsArg] = process.argv.slice(2);
const devices = Number(devicesArg ?? 50);
const durationMs = Number(secondsArg ?? 20) * 1000;
const databaseUrl = process.env.DATABASE_URL;

async function startOn(database: 'pglite' | 'postgres'): Promise<RunningServer> {
  if (database === 'pglite') return startServer({ seedDemo: true });
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const { schema, drop } = await createPostgresSchema(databaseUrl);
  const server = await startServer({ seedDemo: true, databaseUrl, searchPath: schema }).catch(
    async (error) => {
      await drop();
      throw error;
    },
  );
  return { ...server, close: () => server.close().then(drop) };
}

async function run(database: 'pglite' | 'postgres'): Promise<void> {
  const server = await startOn(database);
  // Counted on the server side, to see that the devices really hold their own connections.
  let connections = 0;
  server.app.server.on('connection', () => connections++);
  // Server and devices share this process's event loop: how long it was blocked, and how
  // much CPU the process used, say whether the figures are bound by this process or by the database.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  try {
    const logins = demoLogins().map(({ username }) => ({ username, password: DEMO_PASSWORD }));
    const result = await measureServerLoad({ baseUrl: server.url, logins, devices, durationMs });
    const cpu = process.cpuUsage(cpuBefore);
    loopDelay.disable();
    const process_ = {
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      eventLoopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e6),
      eventLoopDelayMaxMs: Math.round(loopDelay.max / 1e6),
    };
    console.log(
      JSON.stringify(
        {
          database,
          devices,
          durationMs,
          logins: logins.map((l) => l.username),
          connections,
          ...result,
          process: process_,
        },
        null,
        2,
      ),
    );
  } finally {
    await server.close();
  }
}

const databases: Array<'pglite' | 'postgres'> =
  only === 'pglite' || only === 'postgres' ? [only] : databaseUrl ? ['postgres', 'pglite'] : ['pglite'];
for (const database of databases) await run(database);
