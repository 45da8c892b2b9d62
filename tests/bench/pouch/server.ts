// A CouchDB-protocol peer on loopback: express-pouchdb over an in-memory PouchDB, the setup
// pouchdb-server itself uses, also serving the blank page the browser side runs on (same origin,
// so neither CORS nor a file:// origin without IndexedDB gets in the way).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import expressPouchDB from 'express-pouchdb';
import HttpAdapter from 'pouchdb-adapter-http';
import MemoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import MapReduce from 'pouchdb-mapreduce';
import Replication from 'pouchdb-replication';

const DB_PREFIX = '/db';
/** Server-side writes go in chunks so loading 10,000+ documents does not build one huge request. */
const LOAD_CHUNK = 1_000;

export interface PouchPeer {
  /** The page the browser opens, on the same origin as the database. */
  pageUrl: string;
  /** The database the browser replicates from. */
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface PeerOptions {
  /** express-pouchdb gzips responses by default; on loopback that only costs CPU, so it is off unless asked. */
  compression?: boolean;
}

function toCouchDocument(doc: Record<string, unknown>): Record<string, unknown> {
  const { id, ...fields } = doc;
  return { _id: String(id), ...fields };
}

let serverPouch: PouchConstructor | undefined;
/** PouchDB plugins can be registered once per process, so the server's PouchDB is built once. */
function serverPouchDB(): PouchConstructor {
  serverPouch ??= PouchDB.plugin(MemoryAdapter)
    .plugin(HttpAdapter)
    .plugin(MapReduce)
    .plugin(Replication)
    .defaults({ adapter: 'memory' });
  return serverPouch;
}

export async function startPouchPeer(
  docs: Array<Record<string, unknown>>,
  options: PeerOptions = {},
): Promise<PouchPeer> {
  const ServerPouch = serverPouchDB();
  const couch = expressPouchDB(ServerPouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    overrideMode: options.compression ? {} : { exclude: ['compression'] },
  });

  // The memory adapter keeps databases per process by name: a unique name keeps runs apart.
  const name = `bench-${process.pid}-${Date.now()}`;
  const db = new ServerPouch(name);
  const couchDocs = docs.map(toCouchDocument);
  for (let start = 0; start < couchDocs.length; start += LOAD_CHUNK) {
    const results = await db.bulkDocs(couchDocs.slice(start, start + LOAD_CHUNK));
    const failed = results.find((result) => result.error);
    if (failed) throw new Error(`PouchDB-Server konnte Dokumente nicht laden: ${failed.error}`);
  }
  const { doc_count } = await db.info();
  if (doc_count !== docs.length) {
    throw new Error(`PouchDB-Server hält ${doc_count} statt ${docs.length} Dokumente`);
  }

  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === DB_PREFIX || url.startsWith(`${DB_PREFIX}/`)) {
      request.url = url.slice(DB_PREFIX.length) || '/';
      couch(request, response);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><html lang="de"><title>PouchDB-Vergleich</title></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    pageUrl: `${origin}/`,
    databaseUrl: `${origin}${DB_PREFIX}/${name}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await db.destroy();
    },
  };
}
