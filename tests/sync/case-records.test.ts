// The lead's "Protokoll" and "Akte exportieren" through the API client, the sync
// engine and the deferred engine the screens hold: the answer is checked against
// the protocol, a refusal and a missing connection come back as such.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeldakteDb } from '../../src/db/infrastructure/schema';
import type { CaseAuditEntry, CaseExport } from '../../src/shared/protocol';
import { createApiClient, HttpError, NetworkError, ProtocolError } from '../../src/sync/api-client';
import { createSyncEngine } from '../../src/sync/engine';
import { createDeferredEngine } from '../../src/ui/session/deferred-engine';
import { freshDb, lead } from '../db/support/fixtures';
import { FakeBrowser } from './support/fake-browser';

const CASE_ID = '44444444-4444-4444-8444-444444444444';

const entry: CaseAuditEntry = {
  id: '17',
  at: '2026-11-18T09:00:00.000Z',
  userId: lead.userId,
  userName: 'Lea Teamleitung',
  deviceId: 'tablet-1',
  action: 'case_export',
  detail: { caseId: CASE_ID },
};

const exported: CaseExport = {
  format: 'feldakte-case-export',
  version: 1,
  exportedAt: '2026-11-18T09:00:00.000Z',
  exportedBy: lead.userId,
  deletionDate: null,
  case: { id: CASE_ID, familyName: 'Familie Berger' },
  notes: [],
  appointments: [],
  goals: [],
  comments: [],
  substitutions: [],
  preConsultations: [],
  audit: [entry],
};

let db: FeldakteDb | null = null;
beforeEach(() => {
  new FakeBrowser().install();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.delete();
  db = null;
});

/** An API client whose server answers `answer` and remembers the paths asked for. */
function clientAnswering(answer: (path: string) => Response | Promise<Response>) {
  const asked: string[] = [];
  const api = createApiClient({
    baseUrl: 'https://feldakte.test',
    deviceId: 'tablet-1',
    getToken: () => 'token',
    fetch: async (input) => {
      const path = new URL(String(input)).pathname;
      asked.push(path);
      return answer(path);
    },
  });
  return { api, asked };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('case audit log and export', () => {
  it('the engine and the deferred engine fetch them from the case’s addresses', async () => {
    const { api, asked } = clientAnswering((path) =>
      path.endsWith('/audit') ? json({ caseId: CASE_ID, entries: [entry] }) : json(exported),
    );
    db = freshDb();
    const engine = createDeferredEngine(async () => createSyncEngine({ db: db as FeldakteDb, api }));

    await expect(engine.caseAudit(CASE_ID)).resolves.toEqual([entry]);
    await expect(engine.caseExport(CASE_ID)).resolves.toEqual(exported);
    expect(asked).toEqual([`/api/cases/${CASE_ID}/audit`, `/api/cases/${CASE_ID}/export`]);
  });

  it('a worker’s refusal, no connection and a strange answer each come back as what they are', async () => {
    const refused = clientAnswering(() =>
      json(
        {
          error: {
            code: 'forbidden',
            message: 'Nur die Teamleitung sieht das Protokoll und den Export eines Falls',
            field: null,
            messageKey: 'onlyLeadSeesCaseRecords',
            params: {},
          },
        },
        403,
      ),
    );
    await expect(refused.api.getCaseAudit(CASE_ID)).rejects.toMatchObject({
      status: 403,
      messageKey: 'onlyLeadSeesCaseRecords',
    });
    await expect(refused.api.getCaseExport(CASE_ID)).rejects.toBeInstanceOf(HttpError);

    const offline = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(offline.api.getCaseExport(CASE_ID)).rejects.toBeInstanceOf(NetworkError);

    const strange = clientAnswering(() => json({ format: 'something-else' }));
    await expect(strange.api.getCaseExport(CASE_ID)).rejects.toBeInstanceOf(ProtocolError);
  });
});
