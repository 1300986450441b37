import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Column, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Sql, TransactionSql } from 'postgres';
import type { Db } from './database.ts';

const ROWS_PER_STATEMENT = 10_000;

/** Rows per string handed to COPY's stream: large enough to amortise the write, small in memory. */
const ROWS_PER_COPY_WRITE = 2_000;

/** Anything that runs a statement: a database or a transaction. */
interface Executor {
  execute(query: SQL): PromiseLike<unknown>;
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? (result as Record<string, unknown>[]) : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);

/** json/jsonb columns: their values travel as their JSON text. */
const isJsonColumn = (column: Column) => column.dataType === 'json';

/** The type a column's text is cast to: a serial column holds plain integers (there is no cast to serial). */
const SERIAL_TYPES: Record<string, string> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };
const castType = (column: PgColumn) => {
  const type = column.getSQLType();
  return SERIAL_TYPES[type] ?? type;
};

/** A driver value as the text PostgreSQL reads for its column type (strings, numbers, booleans, dates). */
const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

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
 * apply) and, per column, its values as one text array literal, with drizzle's own value mapping
 * and `$defaultFn`s applied as its builder would apply them.
 */
function shapeRows<TTable extends PgTable>(table: TTable, rows: readonly TTable['$inferInsert'][]) {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(columns).filter(
    (key) => columns[key]?.defaultFn !== undefined || rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  // Each column's value mapping, chosen once per statement rather than once per value (a batch
  // import writes 500 penalties and 500 history entries per call).
  const arrays = keys.map((key) => {
    const column = columns[key] as PgColumn;
    const defaultFn = column.defaultFn;
    // A json(b) value is sent as its JSON text (a string value too, so it is stored as a JSON string, as drizzle does).
    const toDriver = isJsonColumn(column) ? (value: unknown) => JSON.stringify(value) : driverMapping(column);
    const values = new Array<string | null>(rows.length);
    for (let index = 0; index < rows.length; index++) {
      let value = (rows[index] as Record<string, unknown>)[key];
      if (value === undefined && defaultFn) value = defaultFn();
      values[index] = value === undefined || value === null ? null : asText(toDriver(value));
    }
    return { name: column.name, type: castType(column), literal: textArrayLiteral(values) as string };
  });
  return { columns, arrays };
}

/**
 * Inserts many rows fast. With `copy` on PostgreSQL the rows travel through `COPY … FROM STDIN` (text format),
 * the server's cheapest way in: at 200 000 enterprises it took 16 µs a row against 83 µs for a
 * JSON document of the rows, whose server-side parsing was most of a 1 M seed. With
 * `onConflictDoNothing`, COPY fills a temporary table that one `insert … select … on conflict do
 * nothing` empties into the table (COPY itself cannot skip conflicts). `copy` is for bulk loads of
 * rows known to fit (the seeds): postgres.js 3.4.9 never settles a COPY the server refuses once
 * the whole stream is sent (the error arrives after the stream ended, and is dropped), so a row
 * that breaks a constraint would hang the caller instead of failing it. Otherwise, and on PGlite
 * (no COPY stream), each chunk is one `insertRows` statement, so 100 000 rows are
 * a few statements and no per-row parameter building (drizzle's multi-row VALUES spends most of a
 * bulk load in JavaScript). Either way only the columns the rows carry are inserted, so serial ids
 * and column defaults still apply.
 */
export async function insertInChunks<TTable extends PgTable>(
  // biome-ignore lint/suspicious/noExplicitAny: any subgraph's database
  db: Db<any>,
  table: TTable,
  rows: TTable['$inferInsert'][],
  options: { onConflictDoNothing?: boolean; copy?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  // The union of the keys the rows carry, without an array per row (a seed batch is 10⁴–10⁵ rows).
  const carried = new Set<string>();
  for (const row of rows) for (const key in row) if ((row as Record<string, unknown>)[key] !== undefined) carried.add(key);
  const keys = [...carried];
  const targets = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertInChunks: ${key} is not a column of the table`);
    return column;
  });
  const client = options.copy ? postgresClientOf(db) : undefined;
  if (client) return copyRows(db, client, table, keys, targets, rows, options);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    await insertRows(db, table, rows.slice(start, start + ROWS_PER_STATEMENT), {
      onConflictDoNothing: options.onConflictDoNothing ?? false,
      returning: false,
    });
  }
}

/**
 * One INSERT of many rows, each column's values one text[] parameter expanded by `unnest` and cast
 * to the column's type, answering the inserted rows exactly as drizzle's `.returning()` would
 * (same keys, same value mapping), or only the `returning` columns named (the rest of each row
 * left out). drizzle's VALUES builder spent about a quarter of a millisecond per row in
 * JavaScript. A JSON document of the rows (json_populate_recordset) made PostgreSQL lex every
 * character: a batch of 500 penalties took 24 ms to insert that way and 10 ms as arrays, since
 * splitting an array literal is a simple scan.
 *
 * `onConflictDoNothing` skips rows that hit any unique index, or only the given target's: a
 * conflict on another unique index still fails the statement.
 */
export function insertRows<TTable extends PgTable>(
  executor: Executor,
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
  options?: { onConflictDoNothing?: boolean | PgColumn[]; returning?: boolean },
): Promise<TTable['$inferSelect'][]>;
export function insertRows<TTable extends PgTable>(
  executor: Executor,
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
  options: { onConflictDoNothing?: boolean | PgColumn[]; returning: PgColumn[] },
): Promise<Partial<TTable['$inferSelect']>[]>;
export function insertRows<TTable extends PgTable>(
  executor: Executor,
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
  options: InsertRowsOptions = {},
): Promise<Partial<TTable['$inferSelect']>[]> {
  return insertGroups(executor, table, rows, options);
}

interface InsertRowsOptions {
  onConflictDoNothing?: boolean | PgColumn[];
  returning?: boolean | PgColumn[];
}

async function insertGroups<TTable extends PgTable>(
  executor: Executor,
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
  options: InsertRowsOptions,
): Promise<Partial<TTable['$inferSelect']>[]> {
  if (rows.length === 0) return [];
  const groups = groupByDefaultedColumns(table, rows);
  if (groups.length > 1) {
    const inserted: Partial<TTable['$inferSelect']>[] = [];
    for (const group of groups) inserted.push(...(await insertGroups(executor, table, group, options)));
    return inserted;
  }
  const { columns, arrays } = shapeRows(table, rows);
  const list = sql.join(
    arrays.map(({ name }) => sql.identifier(name)),
    sql`, `,
  );
  // Each column's values as one text[] parameter, expanded by unnest and cast to the column's type.
  const values = sql.join(
    arrays.map(({ type }, index) => sql`${sql.identifier(`c${index}`)}::${sql.raw(type)}`),
    sql`, `,
  );
  const parameters = sql.join(
    arrays.map(({ literal }) => sql`${literal}::text[]`),
    sql`, `,
  );
  const aliases = sql.join(
    arrays.map((_, index) => sql.identifier(`c${index}`)),
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
  const returning = options.returning ?? true;
  const returned = Array.isArray(returning) ? returning : Object.values(columns);
  // Naming the columns wanted back keeps large ones (an event's payload) off the wire.
  const returningClause =
    returning === false
      ? sql``
      : Array.isArray(returning)
        ? sql` returning ${sql.join(
            returning.map((column) => sql.identifier(column.name)),
            sql`, `,
          )}`
        : sql` returning *`;
  const result = await executor.execute(
    sql`insert into ${table} (${list}) select ${values} from unnest(${parameters}) as v(${aliases})${onConflict}${returningClause}`,
  );
  if (returning === false) return [];
  const decoders = Object.entries(columns)
    .filter(([, column]) => returned.includes(column))
    .map(([key, column]) => [key, column.name, column] as const);
  return rowsOf(result).map((raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, name, column] of decoders) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as TTable['$inferSelect'];
  });
}

/** What drizzle's postgres-js session holds: the pool, or the open transaction's connection. */
type PostgresClient = Sql | TransactionSql;

/**
 * The postgres.js client under a drizzle database or transaction; undefined on PGlite. drizzle has
 * no public accessor for a transaction's connection, and COPY must run on that very connection.
 */
// biome-ignore lint/suspicious/noExplicitAny: any subgraph's database
export function postgresClientOf(db: Db<any>): PostgresClient | undefined {
  const client = (db as unknown as { session?: { client?: PostgresClient } }).session?.client;
  // PGlite's client has no `unsafe`; postgres.js's pool and transaction connections both do.
  return client && typeof (client as Sql).unsafe === 'function' ? client : undefined;
}

async function copyRows<TTable extends PgTable>(
  // biome-ignore lint/suspicious/noExplicitAny: any subgraph's database
  db: Db<any>,
  client: PostgresClient,
  table: TTable,
  keys: string[],
  targets: Column[],
  rows: TTable['$inferInsert'][],
  options: { onConflictDoNothing?: boolean },
): Promise<void> {
  const list = targets.map((column) => quote(column.name)).join(', ');
  const target = quote(getTableName(table));
  const copyInto = async (connection: PostgresClient, into: string) => {
    const statement = `copy ${into} (${list}) from stdin`;
    // Tests count statements through drizzle's logger, which a raw COPY would bypass.
    (db as unknown as { session?: { logger?: { logQuery(query: string, params: unknown[]): void } } }).session?.logger?.logQuery(
      statement,
      [],
    );
    const writable = await connection.unsafe(statement).writable();
    await pipeline(Readable.from(copyText(keys, targets, rows)), writable);
  };
  if (!options.onConflictDoNothing) return copyInto(client, target);
  const stage = quote(`bulk_${randomBytes(6).toString('hex')}`);
  const viaStage = async (connection: PostgresClient) => {
    // Only the carried columns and no constraints or defaults: the target applies its own.
    await connection.unsafe(`create temp table ${stage} as select ${list} from ${target} with no data`);
    await copyInto(connection, stage);
    await connection.unsafe(`insert into ${target} (${list}) select ${list} from ${stage} on conflict do nothing`);
    await connection.unsafe(`drop table ${stage}`);
  };
  // A temporary table lives on one connection: a pool lends one for a transaction around the steps.
  if ('savepoint' in client) return viaStage(client);
  await (client as Sql).begin((connection) => viaStage(connection));
}

function* copyText(keys: string[], targets: Column[], rows: Record<string, unknown>[]): Generator<string> {
  const toDriver = targets.map(driverMapping);
  let text = '';
  let pending = 0;
  for (const row of rows) {
    for (let index = 0; index < keys.length; index++) {
      const value = row[keys[index] as string];
      if (index > 0) text += '\t';
      text += value === null || value === undefined ? '\\N' : copyField((toDriver[index] as (value: unknown) => unknown)(value));
    }
    text += '\n';
    if (++pending === ROWS_PER_COPY_WRITE) {
      yield text;
      text = '';
      pending = 0;
    }
  }
  if (text) yield text;
}

/** Base column types whose driver value is the value itself (drizzle's Column default). */
const TEXTUAL_COLUMNS = new Set(['PgText', 'PgVarchar', 'PgChar']);

/**
 * The column's mapping to a driver value. A one-dimensional text array gets drizzle's array literal
 * built directly: drizzle maps each element through its column and an entity check first, which
 * was a tenth of the enterprises seed worker's CPU (gram arrays of ~30 elements per row).
 */
function driverMapping(column: Column): (value: unknown) => unknown {
  const base = (column as { baseColumn?: Column }).baseColumn;
  if (column.columnType === 'PgArray' && base && TEXTUAL_COLUMNS.has(base.columnType))
    return (value) => textArrayLiteral(value) ?? column.mapToDriverValue(value);
  return (value) => column.mapToDriverValue(value);
}

/** A backslash or double quote inside a quoted array element: each is escaped with a backslash. */
const ARRAY_ELEMENT_ESCAPES = /[\\"]/g;

/** drizzle's makePgArray for a flat array of strings (and nulls), element for element; undefined for a nested one. */
export function textArrayLiteral(value: unknown): string | undefined {
  const items = value as readonly (string | null)[];
  let out = '{';
  for (let index = 0; index < items.length; index++) {
    if (index > 0) out += ',';
    const item = items[index];
    if (Array.isArray(item)) return undefined;
    // Most values hold neither character: two scans are cheaper than a replace that copies.
    out +=
      typeof item === 'string'
        ? `"${item.includes('"') || item.includes('\\') ? item.replace(ARRAY_ELEMENT_ESCAPES, '\\$&') : item}"`
        : `${item}`;
  }
  return `${out}}`;
}

/** A driver value in COPY's text format: backslash, tab and line breaks escaped. */
function copyField(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'boolean'
        ? value
          ? 't'
          : 'f'
        : value instanceof Date
          ? value.toISOString()
          : typeof value === 'object'
            ? JSON.stringify(value)
            : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string) : text;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
