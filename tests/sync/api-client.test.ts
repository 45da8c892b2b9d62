import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEVICE_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/shared/protocol';
import {
  API_PATHS,
  createApiClient,
  HttpError,
  NetworkError,
  ProtocolError,
} from '../../src/sync/api-client';
import { BASE_URL, DEVICE_ID, mswServer, startMswForThisFile } from './support/protocol-harness';

startMswForThisFile();

const emptyPull = { cursor: '0', hasMore: false, changes: [], removed: [] };

function client(token: string | null = 'abc', timeoutMs?: number) {
  return createApiClient({ baseUrl: `${BASE_URL}/`, deviceId: DEVICE_ID, getToken: () => token, timeoutMs });
}

describe('api client', () => {
  it('sends token, protocol version and device id, and the cursor as query', async () => {
    let seen: Request | undefined;
    mswServer.use(
      http.get(`${BASE_URL}${API_PATHS.pull}`, ({ request }) => {
        seen = request;
        return HttpResponse.json(emptyPull);
      }),
    );

    await expect(client().pull({ cursor: '42', limit: 7 })).resolves.toEqual(emptyPull);

    expect(seen?.headers.get('authorization')).toBe('Bearer abc');
    expect(seen?.headers.get(PROTOCOL_HEADER)).toBe(String(PROTOCOL_VERSION));
    expect(seen?.headers.get(DEVICE_HEADER)).toBe(DEVICE_ID);
    const url = new URL(seen?.url ?? '');
    expect([url.searchParams.get('cursor'), url.searchParams.get('limit')]).toEqual(['42', '7']);
  });

  it('sends no Authorization header without a token', async () => {
    let authorization: string | null = 'unset';
    mswServer.use(
      http.get(`${BASE_URL}${API_PATHS.pull}`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(emptyPull);
      }),
    );
    await client(null).pull({ cursor: '0' });
    expect(authorization).toBeNull();
  });

  it('turns an error answer into HttpError with the server description', async () => {
    const body = { error: { code: 'invalid', message: 'mutations: zu viele', field: 'mutations' } };
    mswServer.use(http.post(`${BASE_URL}${API_PATHS.push}`, () => HttpResponse.json(body, { status: 400 })));

    const error = await client()
      .push({ mutations: [] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, body, message: 'mutations: zu viele' });
  });

  it('keeps the status when the error body is not the protocol shape', async () => {
    mswServer.use(
      http.get(`${BASE_URL}${API_PATHS.pull}`, () => new HttpResponse('Bad Gateway', { status: 502 })),
    );
    await expect(client().pull({ cursor: '0' })).rejects.toMatchObject({ status: 502, body: null });
  });

  it('reports a broken connection as NetworkError', async () => {
    mswServer.use(http.get(`${BASE_URL}${API_PATHS.pull}`, () => HttpResponse.error()));
    await expect(client().pull({ cursor: '0' })).rejects.toBeInstanceOf(NetworkError);
  });

  it('gives up after the timeout with NetworkError', async () => {
    mswServer.use(
      http.get(`${BASE_URL}${API_PATHS.pull}`, async () => {
        await delay('infinite');
        return HttpResponse.json(emptyPull);
      }),
    );
    await expect(client('abc', 50).pull({ cursor: '0' })).rejects.toBeInstanceOf(NetworkError);
  });

  it('refuses a 2xx answer that does not match the protocol', async () => {
    mswServer.use(
      http.get(`${BASE_URL}${API_PATHS.pull}`, () => HttpResponse.json({ cursor: 'soon', changes: [] })),
    );
    await expect(client().pull({ cursor: '0' })).rejects.toBeInstanceOf(ProtocolError);
  });
});
