import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { postgresClientOf } from './bulk-insert.ts';
import type { Db } from './database.ts';

/** From this many rows, a first load into empty tables builds the secondary indexes after the rows. */
export const DEFERRED_INDEX_LOAD = 50_000;

/**
 * Memory for the index builds at the end of a deferred load. The server default (64 MB) makes a
 * GIN build over a million rows spill to disk in many passes; this is per session, for the builds
 * only, and the seed runs one session per subgraph.
 */
const INDEX_BUILD_MEMORY = '512MB';

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/**
 * Runs a bulk load of `tables`. When it is large (`expectedRows` ≥ DEFERRED_INDEX_LOAD) and every
 * table is empty, the tables' secondary indexes are dropped first and built once over the loaded
 * rows: maintaining them row by row was most of a 1 M seed (the enterprise name-gram GIN index
 * alone, then each subgraph's btrees). Unique and primary-key indexes stay, since loads rely on them
 * to skip rows already present. The whole deferred load is one transaction, so a failed or killed
 * load leaves empty tables and every index as it was; `load` must write through the `db` it is
 * given (the transaction), and learns whether the indexes were deferred. Returns the same.
 *
 * With `uniqueKeys: 'deferred'` the primary keys and unique indexes go too and come back (checked)
 * at the end, for a loader that guarantees its rows' keys itself: inserting into a unique btree in
 * key order that is not the load's order (codes, (code, year)) touches a random page per row and
 * logs a full page image of each after every checkpoint. A duplicate then fails the rebuild, and
 * with it the whole load.
 */
// biome-ignore lint/suspicious/noExplicitAny: any subgraph's database
export async function bulkLoad<TDb extends Db<any>>(
  db: TDb,
  tables: readonly PgTable[],
  expectedRows: number,
  load: (db: TDb, deferred: boolean) => Promise<void>,
  options: { uniqueKeys?: 'kept' | 'deferred' } = {},
): Promise<boolean> {
  if (expectedRows < DEFERRED_INDEX_LOAD || !(await allEmpty(db, tables))) {
    await load(db, false);
    return false;
  }
  const uniqueToo = options.uniqueKeys === 'deferred';
  await db.transaction(async (tx) => {
    const ofTables = sql.join(
      tables.map((table) => sql`to_regclass(${getTableName(table)})`),
      sql`, `,
    );
    // Primary keys and unique constraints are dropped as constraints (their index goes with them).
    const constraints = uniqueToo
      ? rowsOf<{ table: string; name: string; definition: string }>(
          await tx.execute(sql`
            select c.conrelid::regclass::text as table, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as definition
            from pg_constraint c
            where c.contype in ('p', 'u') and c.conrelid in (${ofTables})
            order by c.oid`),
        )
      : [];
    const deferred = rowsOf<{ name: string; definition: string }>(
      await tx.execute(sql`
        select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        where ${uniqueToo ? sql`true` : sql`not i.indisunique and not i.indisprimary`}
          and not exists (select from pg_constraint c where c.conindid = i.indexrelid)
          and i.indrelid in (${ofTables})
        order by i.indexrelid`),
    );
    for (const { table, name } of constraints) await tx.execute(sql.raw(`alter table ${table} drop constraint ${name}`));
    for (const { name } of deferred) await tx.execute(sql.raw(`drop index ${name}`));
    await load(tx as unknown as TDb, true);
    // Only for this transaction (PGlite's small heap keeps its default).
    if (postgresClientOf(tx)) await tx.execute(sql.raw(`set local maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`));
    for (const { table, name, definition } of constraints)
      await tx.execute(sql.raw(`alter table ${table} add constraint ${name} ${definition}`));
    for (const { definition } of deferred) await tx.execute(sql.raw(definition));
  });
  return true;
}

async function allEmpty(
  // biome-ignore lint/suspicious/noExplicitAny: any subgraph's database
  db: Db<any>,
  tables: readonly PgTable[],
): Promise<boolean> {
  const [row] = rowsOf<{ empty: boolean }>(
    await db.execute(
      sql`select not (${sql.join(
        tables.map((table) => sql`exists (select from ${table})`),
        sql` or `,
      )}) as empty`,
    ),
  );
  return row?.empty === true;
}

/**
 * Fresh planner statistics and a fresh visibility map for this subgraph's own tables after a
 * load: the planner picks the indexes for the new size straight away, and an index-only scan (the
 * name search's walk over the codes) reads no table rows for pages known all-visible, where after a
 * bulk load it would fetch every row until autovacuum came by. A database-wide `vacuum` would also
 * visit the other subgraphs' schemas, and wait on the locks of their loads still running in the
 * same database.
 */
// biome-ignore lint/suspicious/noExplicitAny: any subgraph's database
export async function vacuumOwnTables(db: Db<any>): Promise<void> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = current_schema()`),
  );
  if (tables.length) await db.execute(sql.raw(`vacuum (analyze) ${tables.map((table) => table.name).join(', ')}`));
}

/**
 * Lets a loader prepare its next batch while the database stores the previous one: `write` waits
 * for the write before (so writes stay in order, and each sees the rows of the one before it),
 * starts this one and returns without waiting for it; `drain` waits for the last. Generating a
 * batch is CPU in this process and storing it is work in the server's, so overlapping them took a
 * seed worker's time from their sum towards the larger of the two.
 */
export function writeBehind(): { write(work: () => Promise<void>): Promise<void>; drain(): Promise<void> } {
  let pending: Promise<void> = Promise.resolve();
  return {
    async write(work) {
      await pending;
      pending = work();
      // Observed here so a failure does not count as unhandled before the next write or drain awaits it.
      pending.catch(() => {});
    },
    drain: () => pending,
  };
}
