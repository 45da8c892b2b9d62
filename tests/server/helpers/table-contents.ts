// Every table of the current schema with its columns and rows (as jsonb), so a
// test can compare a database before and after something happened to it (an
// upgrade, a restore) row by row and column by column.
import type { Database } from '../../../src/server/db/database';
import { quoteIdentifier } from '../../../src/server/db/pg-database';

export interface ColumnInfo {
  name: string;
  /** The default expression as PostgreSQL shows it (e.g. `'[]'::jsonb`), null when none. */
  defaultExpression: string | null;
  nullable: boolean;
}

export interface TableContents {
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Rows by their primary key (JSON of its values). */
  rows: Map<string, Record<string, unknown>>;
}

export async function tableContents(db: Database): Promise<Map<string, TableContents>> {
  const columns = await db.query<{
    table_name: string;
    column_name: string;
    column_default: string | null;
    is_nullable: string;
  }>(
    `SELECT c.table_name, c.column_name, c.column_default, c.is_nullable
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const keys = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name
     FROM pg_index i
     JOIN pg_class c ON c.oid = i.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
     WHERE i.indisprimary AND n.nspname = current_schema()
     ORDER BY c.relname, a.attnum`,
  );
  const tables = new Map<string, TableContents>();
  for (const column of columns) {
    let table = tables.get(column.table_name);
    if (!table) {
      table = { columns: [], primaryKey: [], rows: new Map() };
      tables.set(column.table_name, table);
    }
    table.columns.push({
      name: column.column_name,
      defaultExpression: column.column_default,
      nullable: column.is_nullable === 'YES',
    });
  }
  for (const key of keys) tables.get(key.table_name)?.primaryKey.push(key.column_name);
  for (const [name, table] of tables) {
    if (table.primaryKey.length === 0) throw new Error(`Table ${name} has no primary key to match rows by`);
    const rows = await db.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM ${quoteIdentifier(name)} t`,
    );
    for (const { row } of rows) {
      table.rows.set(JSON.stringify(table.primaryKey.map((column) => row[column])), row);
    }
  }
  return tables;
}
