import type { PgSession } from 'drizzle-orm/pg-core';
import type { Db } from './database.ts';

/** A built drizzle query: what `db.select(…).from(…)…` is before it is awaited. */
export interface BuiltQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/**
 * Runs a drizzle select and returns its rows as arrays of values in the order of the selection,
 * parsed as drizzle's drivers parse them (dates as ISO strings, numerics as decimal strings,
 * arrays as arrays) but not mapped to objects: a bulk page of thousands of rows builds no object
 * per row nor walks the selection per value. Only for selections of plain columns whose drizzle
 * type needs no mapping of its own (no custom types, no JSON mode); `prepare` keeps the statement
 * on the PostgreSQL connection (postgres.js), as a named drizzle statement does.
 */
export async function selectValues(db: Db<Record<string, unknown>>, query: BuiltQuery, prepare?: string): Promise<unknown[][]> {
  // drizzle's own array mode (what its select uses under the object mapping): both drivers have it.
  const session = (db as unknown as { _: { session: PgSession } })._.session;
  const prepared = session.prepareQuery(query.toSQL(), undefined, prepare, true, (rows) => rows as unknown[][]);
  return (await prepared.execute()) as unknown[][];
}
