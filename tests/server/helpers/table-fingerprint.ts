// A fingerprint of every table's contents (audit log, sessions, devices and login
// failures excepted: reads, logins, "device last seen" and refused attempts are
// recorded there on purpose),
// to prove a rejected request changed nothing. One query: an md5 per table over its rows in a stable order.
import type { Database } from '../../../src/server/db/database';
import { quoteIdentifier } from '../../../src/server/db/pg-database';

const NOT_DATA = new Set(['audit_log', 'sessions', 'devices', 'login_failures']);

export interface Fingerprinter {
  tables: string[];
  take(): Promise<Record<string, string>>;
}

export async function createFingerprinter(db: Database): Promise<Fingerprinter> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((row) => row.table_name).filter((name) => !NOT_DATA.has(name));
  const sql = `SELECT ${tables
    .map((table) => {
      const quoted = quoteIdentifier(table);
      return `(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${quoted} t) AS ${quoted}`;
    })
    .join(', ')}`;
  return {
    tables,
    async take() {
      const [row] = await db.query<Record<string, string>>(sql);
      return row ?? {};
    },
  };
}
