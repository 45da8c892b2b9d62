// A fault-injecting HTTP proxy between the devices' sync engines and the real
// server. For every sync request it draws, from a seeded generator per device
// (so one device's fault sequence does not depend on how the devices' requests
// interleave), keyed by the name the test gives the device (its id is random,
// and a stream keyed by it would make every run draw differently), exactly one of:
//   dropRequest  - the connection is destroyed before anything reaches the server
//   dropResponse - the request is forwarded, the server answers (it has committed),
//                  and the device's connection is destroyed instead of answering
//   repeat       - the same request is forwarded twice (one after the other, or both
//                  at once), and the device gets the second answer
//   delay        - the request is held back a while, then forwarded normally
//   none         - forwarded normally
// It also tallies the per-mutation answers the server gave to pushes (applied,
// duplicate, rejected), including answers the device never saw, as evidence that
// the repeated and re-sent mutations really reached the server.
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEVICE_HEADER, PushResponse } from '../../../src/shared/protocol';
import { createPrng, deriveSeed, type Prng } from './prng';

export const FAULT_KINDS = ['dropRequest', 'dropResponse', 'repeat', 'delay'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Probability of each fault per request; the rest is forwarded untouched. */
export type FaultRates = Record<FaultKind, number>;

export interface FaultProxyOptions {
  /** The real server, e.g. http://localhost:41234 */
  target: string;
  seed: number;
  rates: FaultRates;
  maxDelayMs: number;
  /** Which requests may be faulted; others always pass (default: the sync endpoints). */
  mayFault?: (path: string) => boolean;
}

export interface FaultCounts {
  requests: number;
  faults: Record<FaultKind, number>;
  /** Of the repeats, how many sent both copies at the same time. */
  concurrentRepeats: number;
  /** Per-mutation answers of the server to forwarded pushes, seen by the proxy. */
  serverAnswers: { applied: number; duplicate: number; rejected: number };
}

export interface FaultProxy {
  url: string;
  setFaultsEnabled(enabled: boolean): void;
  /** The device's faults are drawn from the stream of this name, the same in every run with the seed. */
  nameDevice(deviceId: string, name: string): void;
  counts(): FaultCounts;
  close(): Promise<void>;
}

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

// Hop-by-hop headers are the proxy's own business on each side.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pickFault(prng: Prng, rates: FaultRates): FaultKind | 'none' {
  let roll = prng.next();
  for (const kind of FAULT_KINDS) {
    if (roll < rates[kind]) return kind;
    roll -= rates[kind];
  }
  return 'none';
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const mayFault = options.mayFault ?? ((path: string) => path.startsWith('/api/sync/'));
  const agent = new Agent({ keepAlive: true });
  const streams = new Map<string, Prng>();
  const names = new Map<string, string>();
  let enabled = false;
  const counts: FaultCounts = {
    requests: 0,
    faults: { dropRequest: 0, dropResponse: 0, repeat: 0, delay: 0 },
    concurrentRepeats: 0,
    serverAnswers: { applied: 0, duplicate: 0, rejected: 0 },
  };

  function streamOf(req: IncomingMessage): Prng {
    const deviceId = String(req.headers[DEVICE_HEADER] ?? 'unknown');
    const device = names.get(deviceId) ?? deviceId;
    let prng = streams.get(device);
    if (!prng) {
      prng = createPrng(deriveSeed(options.seed, device));
      streams.set(device, prng);
    }
    return prng;
  }

  function tallyPushAnswer(path: string, answer: UpstreamAnswer): void {
    if (!path.startsWith('/api/sync/push') || answer.status !== 200) return;
    const parsed = PushResponse.safeParse(JSON.parse(answer.body.toString('utf8')));
    if (!parsed.success) return;
    for (const result of parsed.data.results) counts.serverAnswers[result.status]++;
  }

  function forward(req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...endToEndHeaders(req.headers), 'content-length': body.length },
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const answer = {
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            };
            tallyPushAnswer(req.url ?? '', answer);
            resolve(answer);
          });
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  async function forwardTwice(req: IncomingMessage, body: Buffer, prng: Prng): Promise<UpstreamAnswer> {
    if (prng.chance(0.5)) {
      counts.concurrentRepeats++;
      const [, second] = await Promise.all([forward(req, body), forward(req, body)]);
      return second;
    }
    await forward(req, body);
    return forward(req, body);
  }

  function answer(res: ServerResponse, upstream: UpstreamAnswer): void {
    res.writeHead(upstream.status, {
      ...endToEndHeaders(upstream.headers),
      'content-length': upstream.body.length,
    });
    res.end(upstream.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    counts.requests++;
    const prng = streamOf(req);
    const fault = enabled && mayFault(req.url ?? '') ? pickFault(prng, options.rates) : 'none';
    if (fault !== 'none') counts.faults[fault]++;
    if (fault === 'dropRequest') {
      req.socket.destroy();
      return;
    }
    const body = await readBody(req);
    switch (fault) {
      case 'dropResponse':
        await forward(req, body);
        req.socket.destroy();
        return;
      case 'repeat':
        answer(res, await forwardTwice(req, body, prng));
        return;
      case 'delay':
        await sleep(prng.int(1, options.maxDelayMs));
        answer(res, await forward(req, body));
        return;
      case 'none':
        answer(res, await forward(req, body));
        return;
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setFaultsEnabled(value) {
      enabled = value;
    },
    nameDevice(deviceId, name) {
      names.set(deviceId, name);
    },
    counts: () => structuredClone(counts),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      agent.destroy();
    },
  };
}
