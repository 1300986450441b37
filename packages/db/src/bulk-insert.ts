import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Column, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Sql, TransactionSql } from 'postgres';
import type { Db } from './database.ts';

const ROWS_PER_STATEMENT = 10_000;

/** Rows per string handed to COPY's stream: large enough to amortise the write, small in memory. */
const ROWS_PER_COPY_WRITE = 2_000;

/**
 * Inserts many rows fast. With `copy` on PostgreSQL the rows travel through `COPY … FROM STDIN` (text format),
 * the server's cheapest way in: at 200 000 enterprises it took 16 µs a row against 83 µs for the
 * JSON parameter below, whose server-side parsing was most of a 1 M seed. With
 * `onConflictDoNothing`, COPY fills a temporary table that one `insert … select … on conflict do
 * nothing` empties into the table (COPY itself cannot skip conflicts). `copy` is for bulk loads of
 * rows known to fit (the seeds): postgres.js 3.4.9 never settles a COPY the server refuses once
 * the whole stream is sent (the error arrives after the stream ended, and is dropped), so a row
 * that breaks a constraint would hang the caller instead of failing it. Otherwise, and on PGlite
 * (no COPY stream), each chunk travels as one JSON parameter expanded by json_populate_recordset, so 100 000 rows are
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
  const names = targets.map((column) => column.name);
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
  let text = '';
  let pending = 0;
  for (const row of rows) {
    for (let index = 0; index < keys.length; index++) {
      const value = row[keys[index] as string];
      if (index > 0) text += '\t';
      text += value === null || value === undefined ? '\\N' : copyField((targets[index] as Column).mapToDriverValue(value));
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
