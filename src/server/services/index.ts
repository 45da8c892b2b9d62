// Everything the HTTP layer calls, built once per app around one database.
import type { Database } from '../db/database';
import { createAuthService } from './auth-service';
import { createLoginThrottle } from './login-throttle';
import { createPullService } from './pull-service';
import { createPushService } from './push-service';

export function createServices(db: Database) {
  return {
    auth: createAuthService(db),
    loginThrottle: createLoginThrottle(),
    push: createPushService(db),
    pull: createPullService(db),
    async databaseIsUp(): Promise<boolean> {
      try {
        await db.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    databaseKind: db.kind,
  };
}

export type Services = ReturnType<typeof createServices>;
