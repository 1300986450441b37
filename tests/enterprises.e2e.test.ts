import { testDatabaseKinds } from '@credit-hub/db';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { enterpriseAt } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const PROFILE = /* GraphQL */ `
  query Profile($uscc: String!) {
    enterprise(uscc: $uscc) {
      uscc name status legalRepresentative region { code fullName }
      annualReports { year onTime employees }
      contactPhone internalNotes
    }
  }
`;

describe.each(testDatabaseKinds())('enterprises through the gateway (%s)', (kind) => {
  let stack: Stack;
  const seeded = Array.from({ length: 120 }, (_, index) => enterpriseAt(index, { referenceDate: '2026-11-21' }));
  const shanxi =
    seeded.find((e) => e.regionCode.startsWith('1408') && e.entityType === 'ENTERPRISE') ??
    seeded.find((e) => e.regionCode.startsWith('14'));
  const hunan = seeded.find((e) => e.regionCode.startsWith('43'));

  beforeAll(async () => {
    stack = await startStack({ kind });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 120, { referenceDate: '2026-11-21' });
  });
  afterAll(() => stack?.stop());

  it('reads a profile by USCC, normalising what people paste', async () => {
    const target = seeded[0];
    if (!target) throw new Error('no seed');
    const pasted = ` ${target.uscc.toLowerCase().slice(0, 9)} ${target.uscc.toLowerCase().slice(9)} `;
    const result = await stack.query<{ enterprise: { uscc: string; name: string } }>(PROFILE, { uscc: pasted });
    expect(result.errors).toBeUndefined();
    expect(result.data?.enterprise).toMatchObject({ uscc: target.uscc, name: target.name });
  });

  it('returns null for an unknown but valid code, BAD_USER_INPUT naming the rule for a malformed one', async () => {
    const unknown = await stack.query(PROFILE, { uscc: '914403001922038216' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.enterprise).toBeNull();

    const malformed = await stack.query(PROFILE, { uscc: '914403001922038217' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'uscc',
      reason: 'CHECK_CHARACTER',
      position: 18,
    });
    expect(malformed.errors?.[0]?.message).toContain('expected 6, got 7');
    expect(JSON.stringify(malformed)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('keeps order in batch lookups and puts null for unknown codes', async () => {
    const codes = [seeded[3]?.uscc, '914403001922038216', seeded[1]?.uscc];
    const result = await stack.query<{ enterprises: ({ uscc: string } | null)[] }>(
      'query($c: [String!]!) { enterprises(usccs: $c) { uscc } }',
      { c: codes },
    );
    expect(result.data?.enterprises).toEqual([{ uscc: codes[0] }, null, { uscc: codes[2] }]);
  });

  it('answers the facts other subgraphs look up (code, status, region) the same from the narrow read as from whole rows', async () => {
    const codes = [seeded[5]?.uscc, '914403001922038216', seeded[7]?.uscc];
    const facts = await stack.query<{ enterprises: ({ uscc: string; status: string; region: { code: string } } | null)[] }>(
      'query($c: [String!]!) { enterprises(usccs: $c) { __typename uscc status region { code } } }',
      { c: codes },
    );
    const whole = await stack.query<{ enterprises: ({ uscc: string; status: string; name: string; region: { code: string } } | null)[] }>(
      'query($c: [String!]!) { enterprises(usccs: $c) { uscc status region { code } ...named } } fragment named on Enterprise { name }',
      { c: codes },
    );
    expect(facts.errors).toBeUndefined();
    expect(facts.data?.enterprises[1]).toBeNull();
    for (const [index, code] of codes.entries()) {
      const expected = seeded.find((e) => e.uscc === code);
      if (!expected) continue;
      expect(facts.data?.enterprises[index]).toEqual({
        __typename: 'Enterprise',
        uscc: code,
        status: expected.status,
        region: { code: expected.regionCode },
      });
      expect(whole.data?.enterprises[index]).toEqual({
        uscc: code,
        status: expected.status,
        region: { code: expected.regionCode },
        name: expected.name,
      });
    }
  });

  it('refuses more than 500 codes and names a malformed one by index', async () => {
    const tooMany = await stack.query('query($c: [String!]!) { enterprises(usccs: $c) { uscc } }', { c: Array(501).fill(seeded[0]?.uscc) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY' });
    const bad = await stack.query('query($c: [String!]!) { enterprises(usccs: $c) { uscc } }', { c: [seeded[0]?.uscc, 'ABC'] });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'usccs[1]', reason: 'LENGTH' });
  });

  it('costs the same SQL statements for 100 enterprises with annual reports as for 1', async () => {
    const query =
      'query($c: [String!]!) { enterprises(usccs: $c) { uscc name formerNames { name } annualReports { year onTime } creditCommitments { matter } } }';
    const one = await stack.countStatements(() => stack.query(query, { c: [seeded[0]?.uscc] }));
    const hundred = await stack.countStatements(() => stack.query(query, { c: seeded.slice(0, 100).map((e) => e.uscc) }));
    expect(hundred.result.data?.enterprises).toHaveLength(100);
    expect(one.statements.enterprises).toBeGreaterThan(0);
    expect(hundred.statements.enterprises).toBe(one.statements.enterprises);
  });

  it('shows contact details to the regulator of the region and analysts, not to the public or other regions', async () => {
    if (!shanxi || !hunan) throw new Error('seed lacks a Shanxi or Hunan enterprise');
    const regulator = await stack.token({ role: 'regulator', region: '140000', dept: 'DJZC' });
    const analyst = await stack.token({ role: 'analyst' });
    const anonymous = await stack.query<{ enterprise: { contactPhone: string | null } }>(PROFILE, { uscc: shanxi.uscc });
    const own = await stack.query<{ enterprise: { contactPhone: string | null } }>(PROFILE, { uscc: shanxi.uscc }, { token: regulator });
    const other = await stack.query<{ enterprise: { contactPhone: string | null } }>(PROFILE, { uscc: hunan.uscc }, { token: regulator });
    const reader = await stack.query<{ enterprise: { contactPhone: string | null } }>(PROFILE, { uscc: hunan.uscc }, { token: analyst });
    expect(anonymous.data?.enterprise.contactPhone).toBeNull();
    expect(own.data?.enterprise.contactPhone).toBe(shanxi.contactPhone);
    expect(other.data?.enterprise.contactPhone).toBeNull();
    expect(reader.data?.enterprise.contactPhone).toBe(hunan.contactPhone);
  });

  it('refuses a bad, expired or wrongly signed token with UNAUTHENTICATED instead of downgrading it', async () => {
    const expired = await stack.token({ role: 'analyst', expiresIn: -60 });
    // Flip the signature's first character: its last one also carries base64url padding bits, so
    // changing only those (A↔B…D) would leave the decoded signature valid one run in sixteen.
    const forged = (await stack.token({ role: 'analyst' })).replace(
      /\.(.)([^.]*)$/,
      (_, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`,
    );
    for (const token of [expired, forged, 'not-a-jwt']) {
      const result = await stack.query(PROFILE, { uscc: seeded[0]?.uscc }, { token });
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets no one reach a subgraph around the gateway', async () => {
    const direct = await stack.query('{ checkUscc(code: "x") { valid } }', {}, { url: stack.subgraphUrls.enterprises });
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('searches by Chinese name fragment with keyset pages and a total count', async () => {
    const fragment = seeded[2]?.name.slice(-6, -4) ?? '';
    const expected = seeded
      .filter((e) => e.name.includes(fragment) || e.formerNames.some((f) => f.name.includes(fragment)))
      .map((e) => e.uscc)
      .sort();
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Awaited<ReturnType<Stack['query']>> = await stack.query(
        'query($f: String!, $after: String) { searchEnterprises(filter: { nameContains: $f }, first: 2, after: $after) { totalCount edges { node { uscc } } pageInfo { hasNextPage endCursor } } }',
        { f: fragment, after },
      );
      const connection = (
        page.data as {
          searchEnterprises: {
            totalCount: number;
            edges: { node: { uscc: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        }
      ).searchEnterprises;
      total = connection.totalCount;
      seen.push(...connection.edges.map((edge) => edge.node.uscc));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it('lets a regulator register and change enterprises in its region only', async () => {
    const yuncheng = await stack.token({ role: 'regulator', region: '140800', dept: 'DJZC' });
    const register = `mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { uscc name region { fullName } } warnings { rule } } }`;
    const input = {
      uscc: '91140802MA0K000013',
      name: '运城市测试食品有限公司',
      enterpriseType: '有限责任公司（自然人投资或控股）',
      legalRepresentative: '张伟',
      establishedOn: '2024-03-01',
      registrationAuthority: '运城市盐湖区市场监督管理局',
      address: '山西省运城市盐湖区解放路1号',
      businessScope: '食品生产',
    };
    const { computeUsccCheckCharacter, computeOrganizationCheckCharacter } = await import('@credit-hub/uscc');
    const body = 'MA0K0000';
    const first17 = `91140802${body}${computeOrganizationCheckCharacter(body)}`;
    input.uscc = first17 + computeUsccCheckCharacter(first17);

    const anonymous = await stack.query(register, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const outsider = await stack.query(
      register,
      { input },
      { token: await stack.token({ role: 'regulator', region: '430000', dept: 'DJZC' }) },
    );
    expect(outsider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = await stack.query(register, { input }, { token: await stack.token({ role: 'analyst' }) });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const created = await stack.query(register, { input }, { token: yuncheng });
    expect(created.errors).toBeUndefined();
    expect(created.data?.registerEnterprise).toMatchObject({
      enterprise: { uscc: input.uscc, region: { fullName: '山西省运城市盐湖区' } },
    });
    const again = await stack.query(register, { input }, { token: yuncheng });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const rename = await stack.query(
      'mutation($u: String!) { updateEnterprise(uscc: $u, input: { name: "运城市新名称食品有限公司" }) { name formerNames { name } } }',
      { u: input.uscc },
      { token: yuncheng },
    );
    expect(rename.data?.updateEnterprise).toEqual({ name: '运城市新名称食品有限公司', formerNames: [{ name: input.name }] });
    const byOldName = await stack.query<{ searchEnterprises: { edges: { node: { uscc: string } }[] } }>(
      '{ searchEnterprises(filter: { nameContains: "测试食品" }) { edges { node { uscc } } } }',
    );
    expect(byOldName.data?.searchEnterprises.edges.map((e) => e.node.uscc)).toContain(input.uscc);

    const bad = await stack.query(
      'mutation($u: String!) { updateEnterprise(uscc: $u, input: { businessTermFrom: "2024-01-01", businessTermTo: "2023-01-01" }) { name } }',
      { u: input.uscc },
      { token: yuncheng },
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.businessTermTo' });
    const after = await stack.query<{ enterprise: { name: string } }>(PROFILE, { uscc: input.uscc });
    expect(after.data?.enterprise.name).toBe('运城市新名称食品有限公司');
  });

  it('records annual reports and credit commitments for the region', async () => {
    const target = shanxi;
    if (!target) throw new Error('no Shanxi enterprise');
    // Annual reports are master data: the registration department keeps them, not the credit department.
    const credit = await stack.token({ role: 'regulator', region: '140000', dept: 'XYJG' });
    const regulator = await stack.token({ role: 'regulator', region: '140000', dept: 'DJZC' });
    const refused = await stack.query(
      'mutation($u: String!) { recordAnnualReport(input: { uscc: $u, year: 2025, submittedOn: "2026-07-15", businessStatus: "开业" }) { year } }',
      { u: target.uscc },
      { token: credit },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const report = await stack.query(
      'mutation($u: String!) { recordAnnualReport(input: { uscc: $u, year: 2025, submittedOn: "2026-07-15", businessStatus: "开业", employees: 12, optionalFieldsPublished: false }) { year onTime deadline employees } }',
      { u: target.uscc },
      { token: regulator },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data?.recordAnnualReport).toEqual({ year: 2025, onTime: false, deadline: '2026-06-30', employees: 12 });
    const publicView = await stack.query<{ enterprise: { annualReports: { year: number; employees: number | null }[] } }>(PROFILE, {
      uscc: target.uscc,
    });
    expect(publicView.data?.enterprise.annualReports.find((r) => r.year === 2025)?.employees).toBeNull();

    const commitment = await stack.query(
      'mutation($u: String!) { recordCreditCommitment(input: { uscc: $u, matter: "主动型承诺", content: "依法诚信经营", committedOn: "2026-01-05", authority: "运城市市场监督管理局", published: false }) { department published } }',
      { u: target.uscc },
      { token: credit },
    );
    expect(commitment.data?.recordCreditCommitment).toEqual({ department: 'XYJG', published: false });
    const commitments = '{ enterprise(uscc: "%") { creditCommitments { matter } } }'.replace('%', target.uscc);
    const hidden = await stack.query<{ enterprise: { creditCommitments: { matter: string }[] } }>(commitments);
    const shown = await stack.query<{ enterprise: { creditCommitments: { matter: string }[] } }>(commitments, {}, { token: regulator });
    expect(shown.data?.enterprise.creditCommitments.length).toBe((hidden.data?.enterprise.creditCommitments.length ?? 0) + 1);
  });

  it('explains a code in checkUscc without ever throwing', async () => {
    const result = await stack.query<{
      checkUscc: {
        valid: boolean;
        normalized: string;
        problems: { rule: string; position: number | null }[];
        parts: { regionName: string } | null;
      };
    }>('{ checkUscc(code: "９１３５０１００Ｍ０００１００Ｙ４３") { valid normalized problems { rule position } parts { regionName } } }');
    expect(result.data?.checkUscc).toEqual({
      valid: true,
      normalized: '91350100M000100Y43',
      problems: [],
      parts: { regionName: '福建省福州市' },
    });
    const broken = await stack.query<{ checkUscc: { valid: boolean; problems: { rule: string; position: number | null }[] } }>(
      '{ checkUscc(code: "9135O1OOM000100Y4") { valid problems { rule position } } }',
    );
    expect(broken.data?.checkUscc.valid).toBe(false);
    expect(broken.data?.checkUscc.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['LENGTH', 'ILLEGAL_CHARACTER']));
  });
});
