import { type Column, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

const ROWS_PER_STATEMENT = 10_000;

/** Anything that runs a statement: a database or a transaction. */
interface Executor {
  execute(query: SQL): PromiseLike<unknown>;
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? (result as Record<string, unknown>[]) : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);

/** json/jsonb values travel inside the JSON parameter as JSON; drizzle's driver mapping would make them strings. */
const isJsonColumn = (column: Column) => column.dataType === 'json';

/**
 * Rows that leave out a column with a database default, and rows that give it, go in separate
 * statements: in one statement the former would get NULL instead of the default.
 */
function groupByDefaultedColumns<TTable extends PgTable>(table: TTable, rows: readonly TTable['$inferInsert'][]) {
  const defaulted = Object.entries(getTableColumns(table) as Record<string, PgColumn>)
    .filter(([, column]) => column.hasDefault && column.defaultFn === undefined)
    .map(([key]) => key);
  const groups = new Map<string, TTable['$inferInsert'][]>();
  for (const row of rows) {
    const signature = defaulted.map((key) => ((row as Record<string, unknown>)[key] === undefined ? '0' : '1')).join('');
    const group = groups.get(signature);
    if (group) group.push(row);
    else groups.set(signature, [row]);
  }
  return [...groups.values()];
}

/**
 * The statement's shape for `rows`: the columns they carry (so serial ids and SQL defaults still
 * apply) and each row as a record keyed by column name, with drizzle's own value mapping and
 * `$defaultFn`s applied as its builder would apply them.
 */
function shapeRows<TTable extends PgTable>(table: TTable, rows: readonly TTable['$inferInsert'][]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(columns).filter(
    (key) => columns[key]?.defaultFn !== undefined || rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  const names = keys.map((key) => (columns[key] as PgColumn).name);
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    keys.forEach((key, index) => {
      const column = columns[key] as PgColumn;
      let value = (row as Record<string, unknown>)[key];
      if (value === undefined && column.defaultFn) value = column.defaultFn();
      record[names[index] as string] =
        value === undefined || value === null
          ? null
          : isJsonColumn(column)
            ? // json_populate_recordset reads a JSON string given for a json column as JSON text: a
              // string value is sent as its own JSON text so it is stored as a string, as drizzle does.
              typeof value === 'string'
              ? JSON.stringify(value)
              : value
            : column.mapToDriverValue(value);
    });
    return record;
  });
  return { columns, names, records };
}

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
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await insertRows(db, table, rows.slice(start, start + ROWS_PER_STATEMENT), { ...options, returning: false });
  }
}

/**
 * One INSERT of many rows, as json_populate_recordset over a single JSON parameter, answering the
 * inserted rows exactly as drizzle's `.returning()` would (same keys, same value mapping). For a
 * batch import of 500 decisions this costs a JSON.stringify, where drizzle's VALUES builder spent
 * about a quarter of a millisecond per row in JavaScript.
 *
 * `onConflictDoNothing` skips rows that hit any unique index, or only the given target's: a
 * conflict on another unique index still fails the statement.
 */
export async function insertRows<TTable extends PgTable>(
  executor: Executor,
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
  options: { onConflictDoNothing?: boolean | PgColumn[]; returning?: boolean } = {},
): Promise<TTable['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const groups = groupByDefaultedColumns(table, rows);
  if (groups.length > 1) {
    const inserted: TTable['$inferSelect'][] = [];
    for (const group of groups) inserted.push(...(await insertRows(executor, table, group, options)));
    return inserted;
  }
  const { columns, names, records } = shapeRows(table, rows);
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const conflict = options.onConflictDoNothing;
  const onConflict = Array.isArray(conflict)
    ? sql` on conflict (${sql.join(
        conflict.map((column) => sql.identifier(column.name)),
        sql`, `,
      )}) do nothing`
    : conflict
      ? sql` on conflict do nothing`
      : sql``;
  const returning = options.returning !== false;
  const result = await executor.execute(
    sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)${onConflict}${
      returning ? sql` returning *` : sql``
    }`,
  );
  if (!returning) return [];
  const decoders = Object.entries(columns).map(([key, column]) => [key, column.name, column] as const);
  return rowsOf(result).map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, name, column] of decoders) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as TTable['$inferSelect'];
  });
}
