import { testDatabaseKinds } from '@credit-hub/db';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EnterprisesTestDatabase, openEnterprisesTestDatabase } from '../src/db/client.ts';
import { annualReports, enterprises, formerNames } from '../src/db/schema.ts';
import { seedEnterprises } from '../src/seed.ts';

describe.each(testDatabaseKinds())('seeding (%s)', (kind) => {
  let database: EnterprisesTestDatabase;
  beforeAll(async () => {
    database = await openEnterprisesTestDatabase(kind);
  });
  afterAll(() => database?.close());

  const totals = async () => ({
    enterprises: (await database.db.select({ n: count() }).from(enterprises))[0]?.n,
    reports: (await database.db.select({ n: count() }).from(annualReports))[0]?.n,
    formerNames: (await database.db.select({ n: count() }).from(formerNames))[0]?.n,
  });

  it('loads in bulk and tops up without duplicating child records', async () => {
    const { statements } = await database.statements.measure(() => seedEnterprises(database.db, 300));
    expect(statements.length).toBeLessThan(10);
    const first = await totals();
    expect(first.enterprises).toBe(300);
    await seedEnterprises(database.db, 300);
    expect(await totals()).toEqual(first);
    await seedEnterprises(database.db, 500);
    const grown = await totals();
    expect(grown.enterprises).toBe(500);
    expect(grown.reports).toBeGreaterThan(first.reports ?? 0);
  });
});
