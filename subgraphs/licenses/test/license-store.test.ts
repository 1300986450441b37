import { testDatabaseKinds } from '@credit-hub/db';
import { enterpriseAt } from '@credit-hub/seed';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeLicense,
  countLicenses,
  findExpiringLicenses,
  getLicensesByNumber,
  insertLicense,
  searchLicenses,
} from '../src/data/license-store.ts';
import { visibilityScopeOf } from '../src/data/visibility.ts';
import { licenseStatusChanges, licenses } from '../src/db/schema.ts';
import type { LicenseStatus } from '../src/rules/license-kinds.ts';
import { effectiveStatus } from '../src/rules/license-status-rules.ts';
import { licensesFor } from '../src/seed/records.ts';
import { seedLicenses } from '../src/seed.ts';
import { callers, type Harness, openHarness, TODAY, uniqueFoodNumber, uniqueUscc } from './support.ts';

const ENTERPRISES = 700;
const seedOptions = { referenceDate: TODAY };

describe.each(testDatabaseKinds())('licence data (%s)', (kind) => {
  let harness: Harness;
  const focus = Array.from({ length: ENTERPRISES }, (_, index) => enterpriseAt(index, seedOptions)).filter(
    (e) => licensesFor(e, seedOptions).length > 0,
  );

  beforeAll(async () => {
    harness = await openHarness(kind);
    await seedLicenses(harness.database.db, ENTERPRISES, seedOptions);
  });
  afterAll(() => harness?.database.close());

  it('costs the same SQL statements for the licences and registrations of 100 enterprises as for 1', async () => {
    const query = /* GraphQL */ `
      query($r: [_Any!]!) {
        _entities(representations: $r) {
          ... on Enterprise {
            uscc
            licenses { number status holder { uscc } publication { late } statusHistory { action } }
            equipmentRegistrations { registrationCode registeredOnTime }
            licenseSummary { valid expiringSoon suspendedOrRevokedRecently }
          }
        }
      }
    `;
    const representations = (n: number) => focus.slice(0, n).map((e) => ({ __typename: 'Enterprise', uscc: e.uscc }));
    expect(focus.length).toBeGreaterThanOrEqual(100);
    const measure = (n: number) =>
      harness.database.statements.measure(() => harness.run(query, { r: representations(n) }, callers.analyst));
    const one = await measure(1);
    const hundred = await measure(100);
    expect(one.result.errors).toBeUndefined();
    expect(hundred.result.errors).toBeUndefined();
    expect((hundred.result.data as { _entities: unknown[] })._entities).toHaveLength(100);
    expect(one.statements.length).toBeGreaterThan(0);
    expect(hundred.statements.length).toBe(one.statements.length);
  });

  it('filters by effective status in SQL exactly as it is read (EXPIRED by date)', async () => {
    const all = await searchLicenses(harness.database.db, {}, { kind: 'all' }, TODAY, { limit: 10_000 });
    for (const status of ['VALID', 'EXPIRED', 'SUSPENDED', 'CANCELLED'] as LicenseStatus[]) {
      const expected = all.filter((l) => effectiveStatus(l, TODAY) === status).map((l) => l.number);
      const found = await searchLicenses(harness.database.db, { statuses: [status] }, { kind: 'all' }, TODAY, { limit: 10_000 });
      expect(found.map((l) => l.number)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('returns to each caller only what it may see', async () => {
    const db = harness.database.db;
    const unpublished = { number: uniqueFoodNumber('430102'), holderUscc: uniqueUscc('430102'), regionCode: '430102' };
    await insertLicense(
      db,
      {
        ...unpublished,
        kind: 'FOOD_PRODUCTION',
        items: [],
        issuedOn: TODAY,
        validFrom: TODAY,
        validTo: '2031-11-20',
        authorityName: '长沙市市场监督管理局',
        status: 'VALID',
        statusChangedOn: TODAY,
        department: 'SPSC',
        recordedBy: 'test',
      },
      {
        licenseNumber: unpublished.number,
        holderUscc: unpublished.holderUscc,
        action: 'GRANTED',
        toStatus: 'VALID',
        decidedOn: TODAY,
        reason: '准予许可',
        decisionReference: 'x',
        department: 'SPSC',
        recordedBy: 'test',
      },
    );
    const all = await countLicenses(db, {}, visibilityScopeOf(callers.analyst), TODAY);
    const published = await countLicenses(db, {}, visibilityScopeOf(callers.anonymous), TODAY);
    const shanxi = await countLicenses(db, {}, visibilityScopeOf(callers.foodShanxi), TODAY);
    const rows = await searchLicenses(db, {}, { kind: 'all' }, TODAY, { limit: 10_000 });
    expect(published).toBe(rows.filter((l) => l.firstPublishedOn !== null && l.firstPublishedOn <= TODAY).length);
    expect(published).toBeLessThan(all);
    expect(shanxi).toBeLessThan(all);
    expect(shanxi).toBe(
      rows.filter((l) => (l.firstPublishedOn !== null && l.firstPublishedOn <= TODAY) || l.regionCode.startsWith('14')).length,
    );
  });

  it('lists licences due for renewal soonest first, skipping renewed and lapsed ones', async () => {
    const rows = await findExpiringLicenses(harness.database.db, { validToUntil: '2027-05-21' }, { kind: 'all' }, TODAY, { limit: 1000 });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((l) => l.validTo)).toEqual(rows.map((l) => l.validTo).sort());
    for (const row of rows) {
      expect(row.validTo >= TODAY && row.validTo <= '2027-05-21').toBe(true);
      expect(row.renewedBy).toBeNull();
      expect(['VALID', 'SUSPENDED']).toContain(row.status);
    }
  });

  it('leaves nothing behind when any part of a write fails', async () => {
    const db = harness.database.db;
    const number = uniqueFoodNumber();
    const holderUscc = uniqueUscc();
    const license = {
      number,
      kind: 'FOOD_PRODUCTION' as const,
      holderUscc,
      regionCode: '140802',
      items: [],
      issuedOn: TODAY,
      validFrom: TODAY,
      validTo: '2031-11-20',
      authorityName: '运城市市场监督管理局',
      status: 'VALID' as const,
      statusChangedOn: TODAY,
      department: 'SPSC',
      recordedBy: 'test',
    };
    // The history row violates NOT NULL: the licence row inserted before it must roll back.
    const broken = {
      licenseNumber: number,
      holderUscc,
      action: 'GRANTED' as const,
      toStatus: 'VALID' as const,
      decidedOn: TODAY,
      reason: null as unknown as string,
      decisionReference: 'x',
      department: 'SPSC',
      recordedBy: 'test',
    };
    await expect(insertLicense(db, license, broken)).rejects.toThrow();
    expect(await getLicensesByNumber(db, [number])).toEqual([]);

    await insertLicense(db, license, { ...broken, reason: '准予许可' });
    await expect(
      changeLicense(db, number, () => ({
        changes: { status: 'SUSPENDED' },
        events: [{ ...broken, action: 'SUSPENDED', toStatus: 'SUSPENDED' }],
      })),
    ).rejects.toThrow();
    const [after] = await getLicensesByNumber(db, [number]);
    expect(after?.status).toBe('VALID');
    expect(await db.select().from(licenseStatusChanges).where(eq(licenseStatusChanges.licenseNumber, number))).toHaveLength(1);
    await expect(
      changeLicense(db, number, () => {
        throw new Error('rejected');
      }),
    ).rejects.toThrow('rejected');
    expect((await db.select().from(licenses).where(eq(licenses.number, number)))[0]?.status).toBe('VALID');
  });
});
