import { afterEach, describe, expect, it, vi } from 'vitest';
import { oldestPendingAt } from '../../../src/db/infrastructure/outbox';
import { getStorageInfo, isStale, STALE_AFTER_MS } from '../../../src/db/infrastructure/storage';
import { createCase, updateCase } from '../../../src/db/repositories/cases';
import { caseFields, freshDb, worker } from '../support/fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function stubStorage(storage: Partial<StorageManager>) {
  vi.stubGlobal('navigator', { onLine: true, storage });
}

/** requestPersistence remembers its answer per page load: a fresh module is a fresh page. */
async function freshRequestPersistence() {
  vi.resetModules();
  return (await import('../../../src/db/infrastructure/storage')).requestPersistence;
}

describe('storage', () => {
  it('asks for persistent storage once per page load', async () => {
    const persist = vi.fn(async () => true);
    stubStorage({ persist, persisted: async () => false });
    const requestPersistence = await freshRequestPersistence();

    expect(await Promise.all([requestPersistence(), requestPersistence()])).toEqual([true, true]);
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when already persisted, and answers false where it cannot ask', async () => {
    const persist = vi.fn(async () => true);
    stubStorage({ persist, persisted: async () => true });
    expect(await (await freshRequestPersistence())()).toBe(true);
    expect(persist).not.toHaveBeenCalled();

    stubStorage({ persist: async () => Promise.reject(new Error('nein')) });
    expect(await (await freshRequestPersistence())()).toBe(false);

    vi.stubGlobal('navigator', { onLine: true });
    expect(await (await freshRequestPersistence())()).toBe(false);
  });

  it('reports usage, quota and persistence, or null where the browser does not say', async () => {
    stubStorage({ estimate: async () => ({ usage: 1200, quota: 50_000 }), persisted: async () => true });
    expect(await getStorageInfo()).toEqual({ usage: 1200, quota: 50_000, persisted: true });

    vi.stubGlobal('navigator', { onLine: true });
    expect(await getStorageInfo()).toEqual({ usage: null, quota: null, persisted: null });
  });

  it('finds the oldest waiting change and warns once it is older than 24 hours', async () => {
    const db = freshDb();
    try {
      expect(await oldestPendingAt(db)).toBeNull();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-03-01T08:00:00.000Z'));
      const c = await createCase(db, worker, caseFields());
      vi.setSystemTime(new Date('2026-03-02T12:00:00.000Z'));
      await updateCase(db, worker, c.id, { phone: '1' });
      // The first is rejected: it no longer waits.
      const first = await db.outbox.orderBy('seq').first();
      await db.outbox.update(first?.seq as number, { status: 'rejected' });

      const oldest = await oldestPendingAt(db);
      expect(oldest).toBe('2026-03-02T12:00:00.000Z');

      const at = Date.parse('2026-03-02T12:00:00.000Z');
      expect(isStale(oldest, at + STALE_AFTER_MS)).toBe(false);
      expect(isStale(oldest, at + STALE_AFTER_MS + 1)).toBe(true);
      expect(isStale(null, at + 10 * STALE_AFTER_MS)).toBe(false);
    } finally {
      await db.delete();
    }
  });
});
