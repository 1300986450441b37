import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

/** PostgreSQL's wire protocol caps a statement at 65 535 bind parameters. */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts many rows with as few multi-row INSERT statements as the parameter cap allows:
 * seeding 100 000 enterprises is a few hundred statements, not 100 000.
 */
export async function insertInChunks<TTable extends PgTable>(
  db: Db<Record<string, unknown>> | Db<never>,
  table: TTable,
  rows: TTable['$inferInsert'][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(getTableColumns(table)).length;
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / columns) - 1);
  for (let start = 0; start < rows.length; start += chunkSize) {
    const insert = (db as Db).insert(table).values(rows.slice(start, start + chunkSize));
    await (options.onConflictDoNothing ? insert.onConflictDoNothing() : insert);
  }
}
