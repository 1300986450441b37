import { insertInChunks } from '@credit-hub/db';
import { generateEnterprises, type SeedEnterprise, type SeedOptions } from '@credit-hub/seed';
import { count, getTableName, inArray, sql } from 'drizzle-orm';
import { withSearchColumns } from './data/enterprise-store.ts';
import type { EnterprisesDb } from './db/client.ts';
import { annualReports, creditCommitments, enterprises, formerNames } from './db/schema.ts';

const BATCH = 5_000;

/**
 * Loads the synthetic population into this subgraph's own tables in multi-row batches. Other
 * subgraphs derive their records for the same enterprises from the same seed, never from here.
 */
export async function seedEnterprises(database: EnterprisesDb, total: number, options: SeedOptions = {}): Promise<number> {
  // The loader writes through `db`: the database, or the load's transaction when indexes are deferred.
  let db = database;
  let batch: SeedEnterprise[] = [];
  const flush = async () => {
    // Enterprises already present keep their rows: re-running a seed, or growing the demo set to a
    // benchmark size, adds only what is missing instead of duplicating child records.
    const present = new Set(
      (
        await db
          .select({ uscc: enterprises.uscc })
          .from(enterprises)
          .where(
            inArray(
              enterprises.uscc,
              batch.map((e) => e.uscc),
            ),
          )
      ).map((row) => row.uscc),
    );
    batch = batch.filter((e) => !present.has(e.uscc));
    if (batch.length === 0) return;
    await insertInChunks(
      db,
      enterprises,
      batch.map((e) =>
        withSearchColumns(
          {
            uscc: e.uscc,
            registrationNumber: e.registrationNumber,
            name: e.name,
            enterpriseType: e.enterpriseType,
            legalRepresentative: e.legalRepresentative,
            registeredCapital: e.registeredCapital,
            establishedOn: e.establishedOn,
            businessTermFrom: e.establishedOn,
            businessTermTo: e.businessTermTo,
            registrationAuthority: e.registrationAuthority,
            approvedOn: e.approvedOn,
            status: e.status,
            regionCode: e.regionCode,
            address: e.address,
            businessScope: e.businessScope,
            industryCode: e.industryCode,
            industryName: e.industryName,
            keyDomains: e.keyDomains,
            contactPhone: e.contactPhone,
            contactEmail: e.contactEmail,
            updatedBy: 'seed',
          },
          e.formerNames.map((f) => f.name),
        ),
      ),
      { onConflictDoNothing: true },
    );
    await insertInChunks(
      db,
      formerNames,
      batch.flatMap((e) => e.formerNames.map((f) => ({ uscc: e.uscc, ...f }))),
    );
    await insertInChunks(
      db,
      annualReports,
      batch.flatMap((e) => e.annualReports.map((r) => ({ uscc: e.uscc, ...r, address: e.address, recordedBy: 'seed' }))),
    );
    await insertInChunks(
      db,
      creditCommitments,
      batch.flatMap((e) => e.creditCommitments.map((c) => ({ uscc: e.uscc, ...c, recordedBy: 'seed' }))),
    );
    batch = [];
  };
  const load = async () => {
    for (const enterprise of generateEnterprises(total, options)) {
      batch.push(enterprise);
      if (batch.length === BATCH) await flush();
    }
    await flush();
  };
  if (total >= DEFERRED_INDEX_LOAD && (await countSeededEnterprises(db)) === 0) {
    // A first large load: maintaining the gram GIN index row by row was most of a 1 M load's time;
    // building each secondary index once over the loaded rows is much cheaper. One transaction, so
    // a failed or killed load leaves the empty tables and every index as they were.
    await db.transaction(async (tx) => {
      const deferred = await tx.execute<{ name: string; definition: string }>(sql`
        select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i
        where not i.indisunique and not i.indisprimary
          and i.indrelid in (${sql.join(
            BULK_TABLES.map((table) => sql`to_regclass(${getTableName(table)})`),
            sql`, `,
          )})`);
      const rows = Array.isArray(deferred) ? deferred : (deferred as { rows: { name: string; definition: string }[] }).rows;
      for (const { name } of rows) await tx.execute(sql.raw(`drop index ${name}`));
      db = tx as unknown as EnterprisesDb;
      await load();
      for (const { definition } of rows) await tx.execute(sql.raw(definition));
    });
    return total;
  }
  // The name index normally updates in place (no pending list, so searches stay fast). For a bulk
  // load, buffering entries and merging them once at the end is several times cheaper.
  await db.execute(sql`alter index enterprises_name_grams_idx set (fastupdate = on)`);
  try {
    await load();
  } finally {
    await db.execute(sql`select gin_clean_pending_list('enterprises_name_grams_idx'::regclass)`);
    await db.execute(sql`alter index enterprises_name_grams_idx set (fastupdate = off)`);
  }
  return total;
}

/** From this size, a first load into empty tables builds the secondary indexes after the rows. */
const DEFERRED_INDEX_LOAD = 50_000;
const BULK_TABLES = [enterprises, formerNames, annualReports, creditCommitments];

export async function countSeededEnterprises(db: EnterprisesDb): Promise<number> {
  const [row] = await db.select({ total: count() }).from(enterprises);
  return row?.total ?? 0;
}
