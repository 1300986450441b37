import { bulkLoad, insertInChunks, writeBehind } from '@credit-hub/db';
import { generateEnterprises } from '@credit-hub/seed';
import { count, inArray } from 'drizzle-orm';
import type { LicensesDb } from './db/client.ts';
import { equipmentRegistrations, licenseStatusChanges, licenses } from './db/schema.ts';
import type { SeedEquipmentRegistration, SeedLicense } from './rules/license-kinds.ts';
import { equipmentRegistrationsFor, type LicenseSeedOptions, licensesFor } from './seed/records.ts';

const BATCH = 5_000;

/**
 * Loads the licences and use registrations of the first `total` synthetic enterprises in
 * multi-row batches. They are derived from the same seed as the enterprises subgraph's rows,
 * never read from its tables. Numbers are unique by construction up to large populations; the
 * rare repeat beyond that is skipped together with its history, and so are licences already
 * present (seeding again, or a larger range, adds only what is missing).
 */
export async function seedLicenses(database: LicensesDb, total: number, options: LicenseSeedOptions = {}): Promise<number> {
  // The loader writes through `db`: the database, or the load's transaction when indexes are deferred.
  let db = database;
  const seenNumbers = new Set<string>();
  const seenRegistrations = new Set<string>();
  let seeded = 0;
  // On a first load into empty tables, seenNumbers and seenRegistrations already hold every key the
  // load stored: no lookup of present licences, and no conflicts to skip (the rows go in by COPY).
  let firstLoad = false;
  const store = async (generated: SeedLicense[], registrationBatch: SeedEquipmentRegistration[]) => {
    let licenseBatch = generated;
    if (licenseBatch.length && !firstLoad) {
      const present = new Set(
        (
          await db
            .select({ number: licenses.number })
            .from(licenses)
            .where(
              inArray(
                licenses.number,
                licenseBatch.map((license) => license.number),
              ),
            )
        ).map((row) => row.number),
      );
      licenseBatch = licenseBatch.filter((license) => !present.has(license.number));
    }
    await insertInChunks(
      db,
      licenses,
      licenseBatch.map(({ history: _history, ...license }) => ({
        ...license,
        firstPublishedOn: license.publishedOn,
        commitmentVerifiedOn:
          license.commitmentVerification && license.commitmentVerification !== 'PENDING' ? license.statusChangedOn : null,
        recordedBy: 'seed',
      })),
      { onConflictDoNothing: !firstLoad, copy: true },
    );
    await insertInChunks(
      db,
      licenseStatusChanges,
      licenseBatch.flatMap((license) =>
        license.history.map((event) => ({
          ...event,
          licenseNumber: license.number,
          holderUscc: license.holderUscc,
          department: license.department,
          recordedBy: 'seed',
        })),
      ),
      { copy: true },
    );
    await insertInChunks(
      db,
      equipmentRegistrations,
      registrationBatch.map((registration) => ({ ...registration, recordedBy: 'seed' })),
      { onConflictDoNothing: !firstLoad, copy: true },
    );
    seeded += licenseBatch.length;
  };
  const load = async () => {
    // The next batch is generated while the previous one is stored.
    const writer = writeBehind();
    let licenseBatch: SeedLicense[] = [];
    let registrationBatch: SeedEquipmentRegistration[] = [];
    const flush = async () => {
      const [licenceRows, registrationRows] = [licenseBatch, registrationBatch];
      licenseBatch = [];
      registrationBatch = [];
      await writer.write(() => store(licenceRows, registrationRows));
    };
    for (const enterprise of generateEnterprises(total, options)) {
      for (const license of licensesFor(enterprise, options)) {
        if (seenNumbers.has(license.number)) continue;
        seenNumbers.add(license.number);
        licenseBatch.push(license);
      }
      for (const registration of equipmentRegistrationsFor(enterprise, options)) {
        if (seenRegistrations.has(registration.registrationCode)) continue;
        seenRegistrations.add(registration.registrationCode);
        registrationBatch.push(registration);
      }
      if (licenseBatch.length >= BATCH) await flush();
    }
    await flush();
    await writer.drain();
  };
  // A first large load builds the secondary indexes once after the rows, in one transaction.
  await bulkLoad(database, [licenses, licenseStatusChanges, equipmentRegistrations], total, async (target, deferred) => {
    db = target;
    firstLoad = deferred;
    await load();
  });
  return seeded;
}

export async function countSeededLicenses(db: LicensesDb): Promise<number> {
  const [row] = await db.select({ total: count() }).from(licenses);
  return row?.total ?? 0;
}
