// Renewing the access token with the rotating refresh token, once across tabs; a refused refresh asks for the password.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadAccount, loadKeyring } from '../../src/db/infrastructure/device-store';
import { userDbName } from '../../src/db/infrastructure/schema';
import { plaintextsFound } from '../db/support/raw-idb';
import { FakeBrowser } from '../sync/support/fake-browser';
import { FakeLocks } from '../sync/support/fake-locks';
import {
  anna,
  closeAllTabs,
  loginOf,
  openTab,
  SLOW,
  setUpSessionBed,
  signedInSession,
} from './support/session-bed';

const bed = setUpSessionBed([anna]);

beforeEach(() => {
  // Web Locks shared by the tabs, as in one browser.
  new FakeBrowser().install().locks = new FakeLocks();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('token renewal', () => {
  it(
    'refreshes once on a 401, retries with the new token and stores the new tokens sealed',
    async () => {
      const tab = await openTab();
      await tab.manager.signIn(loginOf(anna));
      const { engine } = signedInSession(tab);
      await engine.syncNow();
      const first = bed.server.latestFor(anna.user.id);
      const sealedBefore = (await loadAccount(anna.user.id))?.tokens;
      bed.server.expireAccessTokens(anna.user.id);
      const pullsBefore = bed.server.pullAuthorizations.length;

      await engine.syncNow();

      expect(engine.getState().phase).toBe('idle');
      expect(bed.server.refreshCalls).toEqual([first.refreshToken]);
      const renewed = bed.server.latestFor(anna.user.id);
      expect(bed.server.pullAuthorizations.slice(pullsBefore)).toEqual([
        `Bearer ${first.token}`,
        `Bearer ${renewed.token}`,
      ]);
      expect((await loadAccount(anna.user.id))?.tokens).not.toEqual(sealedBefore);
      expect(await plaintextsFound('feldakte-device', [renewed.token, renewed.refreshToken])).toEqual([]);

      // After a reload the renewed tokens are the ones unsealed: no second refresh needed.
      closeAllTabs();
      const reloaded = await openTab();
      await reloaded.manager.unlock(anna.password);
      await signedInSession(reloaded).engine.syncNow();
      expect(bed.server.pullAuthorizations.at(-1)).toBe(`Bearer ${renewed.token}`);
      expect(bed.server.refreshCalls).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'spends the refresh token once when two tabs of the same user meet the 401 together',
    async () => {
      const first = await openTab();
      await first.manager.signIn(loginOf(anna));
      const second = await openTab();
      await second.manager.unlock(anna.password);
      const engines = [signedInSession(first).engine, signedInSession(second).engine];
      await Promise.all(engines.map((engine) => engine.syncNow()));
      bed.server.expireAccessTokens(anna.user.id);

      await Promise.all(engines.map((engine) => engine.syncNow()));

      expect(bed.server.refreshCalls).toHaveLength(1);
      expect(engines.map((engine) => engine.getState().phase)).toEqual(['idle', 'idle']);
      expect(bed.server.pullAuthorizations.at(-1)).toBe(`Bearer ${bed.server.latestFor(anna.user.id).token}`);

      // Requests outside a sync run are not serialized by the sync lock: the token's own lock has to hold.
      bed.server.expireAccessTokens(anna.user.id);
      await expect(Promise.all(engines.map((engine) => engine.teamDevices()))).resolves.toEqual([[], []]);
      expect(bed.server.refreshCalls).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'asks for the password when the refresh is refused, keeps everything, and resumes after renewSession',
    async () => {
      const tab = await openTab();
      await tab.manager.signIn(loginOf(anna));
      const { engine } = signedInSession(tab);
      await engine.syncNow();
      bed.server.expireAccessTokens(anna.user.id);
      bed.server.refreshRefused = true;

      await engine.syncNow();

      expect(engine.getState().phase).toBe('unauthorized');
      expect(tab.manager.getGate().status).toBe('signedIn');
      expect(await Dexie.exists(userDbName(anna.user.id))).toBe(true);
      expect(await loadAccount(anna.user.id)).toBeDefined();
      expect(await loadKeyring(anna.user.id)).toBeDefined();

      await expect(tab.manager.renewSession(loginOf(anna))).resolves.toBe('renewed');

      expect(engine.getState().phase).toBe('idle');
      expect(bed.server.pullAuthorizations.at(-1)).toBe(`Bearer ${bed.server.latestFor(anna.user.id).token}`);
    },
    SLOW,
  );
});
