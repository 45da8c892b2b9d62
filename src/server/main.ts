// `npm run serve`: the Feldakte server for one machine. Reads the environment,
// starts everything, prints where to go and how to log in, and shuts down
// cleanly on SIGINT/SIGTERM (PGlite must be closed to leave its files consistent).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConfig } from './config';
import { DEMO_PASSWORD } from './seed/demo-data';
import { demoLogins } from './seed/seed-demo';
import { startServer } from './start';

async function main(): Promise<void> {
  const config = readConfig();
  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    seedDemo: config.seedDemo,
    staticDir: config.staticDir,
    logger: { level: config.logLevel },
    sessionTtlSeconds: config.sessionTtlSeconds,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    nonRefreshingTokenTtlSeconds: config.nonRefreshingTokenTtlSeconds,
    retention: config.retention,
    trustProxy: config.trustProxy,
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${resolve(config.dataDir)}`;
  console.log(`\nFeldakte läuft auf http://localhost:${server.port}  (Datenbank: ${database})`);
  if (!existsSync(join(config.staticDir, 'index.html'))) {
    console.log(
      `Hinweis: keine gebaute App in ${resolve(config.staticDir)} – erst "npm run build" (nur die API ist erreichbar).`,
    );
  }
  if (server.setupCode) {
    const until = server.setupCode.expiresAt.toLocaleString('de-DE', {
      dateStyle: 'short',
      timeStyle: 'short',
    });
    console.log(`Einrichtungscode: ${server.setupCode.code}  (einmalig, gültig bis ${until})`);
  }
  if (config.seedDemo && !server.setupCode) {
    console.log(`Demo-Zugänge (Passwort "${DEMO_PASSWORD}"${server.seeded ? ', gerade angelegt' : ''}):`);
    for (const login of demoLogins()) {
      const role = login.role === 'lead' ? 'Teamleitung' : 'Fachkraft';
      console.log(`  ${login.username.padEnd(6)} ${login.displayName} – ${role}, ${login.team}`);
    }
  }
}

main().catch((error: unknown) => {
  console.error('Feldakte server failed to start:', error);
  process.exit(1);
});
