import { testDatabaseKinds } from '@credit-hub/db';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { type LicensesDatabase, licensesFor, seedLicenses } from '@credit-hub/licenses';
import { enterpriseAt, usccFor } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const PROFILE = /* GraphQL */ `
  query Profile($uscc: String!) {
    enterprise(uscc: $uscc) {
      uscc name
      licenses { number kind status department internalNotes holder { name } publication { published } }
      equipmentRegistrations { registrationCode }
      licenseSummary { total valid expiringSoon suspendedOrRevokedRecently }
    }
  }
`;
const GRANT = /* GraphQL */ `
  mutation Grant($input: GrantLicenseInput!) {
    grantLicense(input: $input) {
      number status validTo department holder { uscc name }
      publication { decidedOn publishedOn doublePublicityDeadline nationalPublicityDeadline lateForDoublePublicity lateForNationalPublicity }
    }
  }
`;
const PUBLISH =
  'mutation($n: String!, $on: Date) { publishLicense(number: $n, publishedOn: $on) { publication { publishedOn lateForDoublePublicity lateForNationalPublicity } } }';
const SEARCH = '{ searchLicenses(first: 100) { totalCount edges { node { number publication { published } } } } }';

type Profile = {
  enterprise: {
    name: string;
    licenses: {
      number: string;
      department: string;
      internalNotes: string | null;
      holder: { name: string };
      publication: { published: boolean };
    }[];
    licenseSummary: { total: number; valid: number };
  };
};

describe.each(testDatabaseKinds())('licences through the gateway (%s)', (kind) => {
  let stack: Stack;
  // A fixed today, so the working-day deadline assertions do not drift with the calendar.
  const referenceDate = '2026-11-21';
  const seeded = Array.from({ length: 120 }, (_, index) => enterpriseAt(index, { referenceDate }));
  const holder = seeded.find((e) => e.regionCode.startsWith('14') && e.entityType === 'ENTERPRISE');
  const licensed = seeded.filter((e) => licensesFor(e, { referenceDate }).length > 0);
  let serial = 0;
  const foodNumber = () => `SC101${holder?.regionCode}${String(9000 + ++serial)}${serial % 10}`;

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => referenceDate });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 120, { referenceDate });
    await seedLicenses(stack.database<LicensesDatabase>('licenses').db, 120, { referenceDate });
  });
  afterAll(() => stack?.stop());

  const token = (dept: string, region = '140000') => stack.token({ role: 'regulator', region, dept });
  const grantInput = (overrides: Record<string, unknown> = {}) => ({
    number: foodNumber(),
    kind: 'FOOD_PRODUCTION',
    holderUscc: holder?.uscc,
    items: [{ category: '粮食加工品', categoryCode: '101' }],
    authority: { name: '运城市市场监督管理局', regionCode: '140800' },
    decisionReference: '晋市监许〔2026〕88号',
    internalNotes: '现场核查：车间布局符合要求',
    ...overrides,
  });

  it('shows a granted licence on the enterprise profile to the regulator, and to the public once published', async () => {
    if (!holder) throw new Error('no Shanxi enterprise in the seed');
    const regulator = await token('SPSC');
    const granted = await stack.query<{ grantLicense: { number: string; holder: { name: string }; department: string } }>(
      GRANT,
      { input: grantInput() },
      { token: regulator },
    );
    expect(granted.errors).toBeUndefined();
    const number = granted.data?.grantLicense.number ?? '';
    expect(granted.data?.grantLicense).toMatchObject({ department: 'SPSC', holder: { name: holder.name } });

    const own = await stack.query<Profile>(PROFILE, { uscc: holder.uscc }, { token: regulator });
    expect(own.errors).toBeUndefined();
    expect(own.data?.enterprise.name).toBe(holder.name);
    expect(own.data?.enterprise.licenses.find((l) => l.number === number)).toMatchObject({
      department: 'SPSC',
      internalNotes: '现场核查：车间布局符合要求',
      holder: { name: holder.name },
      publication: { published: false },
    });

    const before = await stack.query<Profile>(PROFILE, { uscc: holder.uscc });
    expect(before.data?.enterprise.licenses.map((l) => l.number)).not.toContain(number);
    const publishedForRegulator = own.data?.enterprise.licenses.filter((l) => l.publication.published).length;
    expect(before.data?.enterprise.licenseSummary.total).toBe(publishedForRegulator);

    expect((await stack.query(PUBLISH, { n: number }, { token: regulator })).errors).toBeUndefined();
    const after = await stack.query<Profile>(PROFILE, { uscc: holder.uscc });
    expect(after.data?.enterprise.licenses.find((l) => l.number === number)).toMatchObject({
      internalNotes: null,
      publication: { published: true },
    });
  });

  it('does not let a department change another department’s licence, and changes nothing', async () => {
    const food = await token('SPSC');
    const number = (
      await stack.query<{ grantLicense: { number: string } }>(GRANT, { input: grantInput({ publish: true }) }, { token: food })
    ).data?.grantLicense.number;
    const suspend =
      'mutation($n: String!) { changeLicenseStatus(input: { number: $n, action: SUSPEND, reason: "停产整改", decisionReference: "晋市监处罚〔2026〕5号" }) { status } }';
    const equipment = await stack.query(suspend, { n: number }, { token: await token('TSSB') });
    expect(equipment.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(equipment.errors?.[0]?.message).toContain('谁产生、谁负责');
    const otherRegion = await stack.query(suspend, { n: number }, { token: await token('SPSC', '430000') });
    expect(otherRegion.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await stack.query<{ license: { status: string; statusHistory: unknown[] } }>(
      'query($n: String!) { license(number: $n) { status statusHistory { action } } }',
      { n: number },
    );
    expect(read.data?.license).toEqual({ status: 'VALID', statusHistory: [{ action: 'GRANTED' }] });
    expect((await stack.query(suspend, { n: number }, { token: food })).data).toEqual({ changeLicenseStatus: { status: 'SUSPENDED' } });
  });

  it('never shows unpublished licences to anonymous callers, in any query', async () => {
    const number = (await stack.query<{ grantLicense: { number: string } }>(GRANT, { input: grantInput() }, { token: await token('SPSC') }))
      .data?.grantLicense.number;
    const analyst = await stack.token({ role: 'analyst' });
    const everything = await stack.query<{ searchLicenses: { totalCount: number } }>(SEARCH, {}, { token: analyst });
    const anonymous = await stack.query<{
      searchLicenses: { totalCount: number; edges: { node: { number: string; publication: { published: boolean } } }[] };
    }>(SEARCH);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?.searchLicenses.totalCount).toBeLessThan(everything.data?.searchLicenses.totalCount ?? 0);
    expect(anonymous.data?.searchLicenses.edges.every((edge) => edge.node.publication.published)).toBe(true);
    expect(anonymous.data?.searchLicenses.edges.map((edge) => edge.node.number)).not.toContain(number);
    expect((await stack.query('query($n: String!) { license(number: $n) { number } }', { n: number })).data).toEqual({ license: null });
    const platform = await stack.token({ role: 'platform' });
    expect((await stack.query('query($n: String!) { license(number: $n) { number } }', { n: number }, { token: platform })).data).toEqual({
      license: null,
    });

    const profiles = await stack.query<{ enterprises: { licenses: { publication: { published: boolean } }[] }[] }>(
      'query($c: [String!]!) { enterprises(usccs: $c) { licenses { publication { published } } } }',
      { c: licensed.map((e) => e.uscc) },
    );
    const shown = profiles.data?.enterprises.flatMap((e) => e.licenses) ?? [];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((l) => l.publication.published)).toBe(true);
    const expiring = await stack.query<{ expiringLicenses: { edges: { node: { publication: { published: boolean } } }[] } }>(
      '{ expiringLicenses(first: 100) { edges { node { publication { published } } } } }',
    );
    expect(expiring.data?.expiringLicenses.edges.every((edge) => edge.node.publication.published)).toBe(true);
  });

  it('counts publication deadlines in working days across National Day and its make-up days', async () => {
    const regulator = await token('SPSC');
    // Decided Tue 29 Sep 2026: 1–7 Oct are holidays and Sat 10 Oct is a make-up working day.
    const granted = await stack.query<{ grantLicense: { number: string; publication: Record<string, unknown> } }>(
      GRANT,
      { input: grantInput({ issuedOn: '2026-09-29' }) },
      { token: regulator },
    );
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.grantLicense.publication).toEqual({
      decidedOn: '2026-09-29',
      publishedOn: null,
      doublePublicityDeadline: '2026-10-14',
      nationalPublicityDeadline: '2026-11-02',
      lateForDoublePublicity: true, // unpublished on 21 Nov, past both deadlines
      lateForNationalPublicity: true,
    });
    const published = await stack.query(PUBLISH, { n: granted.data?.grantLicense.number, on: '2026-10-15' }, { token: regulator });
    expect(published.data).toEqual({
      publishLicense: { publication: { publishedOn: '2026-10-15', lateForDoublePublicity: true, lateForNationalPublicity: false } },
    });
  });

  it('costs the same licences statements for 100 enterprises as for 1', async () => {
    const query = /* GraphQL */ `
      query($c: [String!]!) {
        enterprises(usccs: $c) {
          uscc
          licenses { number status items { category } publication { late } statusHistory { action } }
          equipmentRegistrations { registrationCode registeredOnTime }
          licenseSummary { valid expiringSoon suspendedOrRevokedRecently }
        }
      }
    `;
    const analyst = await stack.token({ role: 'analyst' });
    const one = await stack.countStatements(() => stack.query(query, { c: [licensed[0]?.uscc] }, { token: analyst }));
    const hundred = await stack.countStatements(() =>
      stack.query(query, { c: seeded.slice(0, 100).map((e) => e.uscc) }, { token: analyst }),
    );
    expect(hundred.result.errors).toBeUndefined();
    expect(hundred.result.data?.enterprises).toHaveLength(100);
    expect(one.statements.licenses).toBeGreaterThan(0);
    expect(hundred.statements.licenses).toBe(one.statements.licenses);
  });

  it('rejects malformed writes with the field and rule, and a duplicate number with CONFLICT', async () => {
    const regulator = await token('TSSB');
    const bad = await stack.query(
      GRANT,
      {
        input: grantInput({
          kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
          number: 'SC10114080200012',
          items: [{ activity: 'MANUFACTURE', category: '压力容器' }],
        }),
      },
      { token: regulator },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.number', reason: 'FORMAT' });
    const uscc = usccFor('91', '140802', 'MA0YYYY1');
    await stack.registerEnterprise(uscc);
    const first = await stack.query(
      GRANT,
      {
        input: grantInput({
          number: 'TS2214321-2030',
          kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
          holderUscc: uscc,
          items: [{ activity: 'MANUFACTURE', category: '压力容器' }],
          validTo: '2030-06-30',
        }),
      },
      { token: regulator },
    );
    expect(first.errors).toBeUndefined();
    const again = await stack.query(
      GRANT,
      {
        input: grantInput({
          number: 'TS2214321-2030',
          kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
          holderUscc: uscc,
          items: [{ activity: 'MANUFACTURE', category: '压力容器' }],
          validTo: '2030-06-30',
        }),
      },
      { token: regulator },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
