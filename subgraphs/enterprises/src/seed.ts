import { bulkLoad, insertInChunks, writeBehind } from '@credit-hub/db';
import { generateEnterprises, type SeedEnterprise, type SeedOptions } from '@credit-hub/seed';
import { count, inArray, sql } from 'drizzle-orm';
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
  // Set on a first load into empty tables: the codes and registration numbers this load stored, so
  // the checks the database would make (`present`, the unique keys) are made here instead and the
  // rows go straight in by COPY, with no staging table for `on conflict do nothing`.
  let stored: { usccs: Set<string>; registrationNumbers: Set<string> } | undefined;
  const store = async (generated: SeedEnterprise[]) => {
    // Enterprises already present keep their rows: re-running a seed, or growing the demo set to a
    // benchmark size, adds only what is missing instead of duplicating child records.
    const present = stored
      ? stored.usccs
      : new Set(
          (
            await db
              .select({ uscc: enterprises.uscc })
              .from(enterprises)
              .where(
                inArray(
                  enterprises.uscc,
                  generated.map((e) => e.uscc),
                ),
              )
          ).map((row) => row.uscc),
        );
    const batch = generated.filter((e) => !present.has(e.uscc));
    if (batch.length === 0) return;
    // What `on conflict do nothing` would keep: the first row of each code and registration number.
    const rows = stored ? batch.filter((e) => claim(stored as NonNullable<typeof stored>, e)) : batch;
    await insertInChunks(
      db,
      enterprises,
      rows.map((e) =>
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
      { onConflictDoNothing: !stored, copy: true },
    );
    await insertInChunks(
      db,
      formerNames,
      batch.flatMap((e) => e.formerNames.map((f) => ({ uscc: e.uscc, ...f }))),
      { copy: true },
    );
    await insertInChunks(
      db,
      annualReports,
      batch.flatMap((e) => e.annualReports.map((r) => ({ uscc: e.uscc, ...r, address: e.address, recordedBy: 'seed' }))),
      { copy: true },
    );
    await insertInChunks(
      db,
      creditCommitments,
      batch.flatMap((e) => e.creditCommitments.map((c) => ({ uscc: e.uscc, ...c, recordedBy: 'seed' }))),
      { copy: true },
    );
  };
  const load = async () => {
    // The next batch is generated while the previous one is stored.
    const writer = writeBehind();
    let batch: SeedEnterprise[] = [];
    for (const enterprise of generateEnterprises(total, options)) {
      batch.push(enterprise);
      if (batch.length === BATCH) {
        const full = batch;
        batch = [];
        await writer.write(() => store(full));
      }
    }
    await writer.write(() => store(batch));
    await writer.drain();
  };
  // A first large load builds the secondary indexes once after the rows (maintaining the gram GIN
  // index row by row was most of a 1 M load's time), in one transaction.
  // Its keys are unique by construction (`claim`, one report per year), so the primary and unique
  // keys are built after the rows too: codes arrive in no key order, so maintaining the code and
  // (code, year) btrees row by row touches a random page per row (this worker alone at 200 000
  // enterprises: 43.8 → 40.5 s at load ~7).
  await bulkLoad(
    database,
    BULK_TABLES,
    total,
    async (target, deferred) => {
      db = target;
      if (deferred) {
        stored = { usccs: new Set(), registrationNumbers: new Set() };
        return load();
      }
      // The name index normally updates in place (no pending list, so searches stay fast). For a
      // bulk load, buffering entries and merging them once at the end is several times cheaper.
      await db.execute(sql`alter index enterprises_name_grams_idx set (fastupdate = on)`);
      try {
        await load();
      } finally {
        await db.execute(sql`select gin_clean_pending_list('enterprises_name_grams_idx'::regclass)`);
        await db.execute(sql`alter index enterprises_name_grams_idx set (fastupdate = off)`);
      }
    },
    { uniqueKeys: 'deferred' },
  );
  return total;
}

/** Whether the enterprise's unique keys are still free in this load; takes them if so. */
function claim(stored: { usccs: Set<string>; registrationNumbers: Set<string> }, e: SeedEnterprise): boolean {
  if (stored.usccs.has(e.uscc) || (e.registrationNumber !== null && stored.registrationNumbers.has(e.registrationNumber))) return false;
  stored.usccs.add(e.uscc);
  if (e.registrationNumber !== null) stored.registrationNumbers.add(e.registrationNumber);
  return true;
}

const BULK_TABLES = [enterprises, formerNames, annualReports, creditCommitments];

export async function countSeededEnterprises(db: EnterprisesDb): Promise<number> {
  const [row] = await db.select({ total: count() }).from(enterprises);
  return row?.total ?? 0;
}
