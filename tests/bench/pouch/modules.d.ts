// Just enough typing for the PouchDB packages the bench drives from Node; they ship no types.

interface PouchDatabase {
  bulkDocs(docs: Array<Record<string, unknown>>): Promise<Array<{ ok?: boolean; error?: string }>>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}

interface PouchConstructor {
  new (name: string): PouchDatabase;
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: Record<string, unknown>): PouchConstructor;
}

declare module 'pouchdb-core' {
  const PouchDB: PouchConstructor;
  export default PouchDB;
}

declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}

declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  function expressPouchDB(
    PouchDB: PouchConstructor,
    options?: Record<string, unknown>,
  ): (request: IncomingMessage, response: ServerResponse) => void;
  export default expressPouchDB;
}
