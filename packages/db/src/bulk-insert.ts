import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

const ROWS_PER_STATEMENT = 10_000;

/**
 * Inserts many rows fast: each chunk travels as one JSON parameter expanded server-side by
 * json_populate_recordset, so 100 000 enterprises are a few dozen statements and no per-row
 * parameter building (drizzle's multi-row VALUES spends most of a bulk load in JavaScript).
 * Only the columns the rows carry are inserted, so serial ids and column defaults still apply.
 */
export async function insertInChunks<TTable extends PgTable>(
  // biome-ignore lint/suspicious/noExplicitAny: any subgraph's database
  db: Db<any>,
  table: TTable,
  rows: TTable['$inferInsert'][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => (row as Record<string, unknown>)[key] !== undefined)))];
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertInChunks: ${key} is not a column of the table`);
    return column.name;
  });
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, index) => {
        record[names[index] as string] = (row as Record<string, unknown>)[key] ?? null;
      });
      return record;
    });
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json)${
        options.onConflictDoNothing ? sql` on conflict do nothing` : sql``
      }`,
    );
  }
}
