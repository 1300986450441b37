import { testDatabaseKinds } from '@credit-hub/db';
import { classifyMonth, gatewayReaderFromEnv, loadEnv, loadModelFile, type RiskDatabase } from '@credit-hub/risk';
import { usccFor } from '@credit-hub/seed';
import { gatewayIssuer, mintToken } from '@credit-hub/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, type Stack, startStack, TEST_ENV } from './support/stack.ts';

const TODAY = '2026-11-30';
const MONTH = '2026-11';
const CLEAN = usccFor('91', '140802', 'MA0RK001');
const IMPORTED = usccFor('91', '140802', 'MA0RK002');
const THIRD = usccFor('91', '140802', 'MA0RK003');
const FUJIAN = usccFor('91', '350102', 'MA0RK004');

const RISK = /* GraphQL */ `
  query($uscc: String!) {
    enterprise(uscc: $uscc) {
      name
      creditRisk { riskClass score month source modelVersion hardRule { key } indicators { key value contribution } history { month riskClass } change { trend previousClass } }
    }
  }
`;
const CLASS_ONLY = /* GraphQL */ `query($uscc: String!) { enterprise(uscc: $uscc) { name creditRisk { riskClass source } } }`;
const INDICATORS = /* GraphQL */ `query($uscc: String!) { enterprise(uscc: $uscc) { creditRisk { riskClass indicators { key } } } }`;
const BATCH = /* GraphQL */ `query($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc creditRisk { riskClass } } }`;
const ENTITIES = /* GraphQL */ `
  query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { creditRisk { riskClass } } } }
`;
const RECORD_PENALTY = /* GraphQL */ `mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { id } }`;
const IMPORT = /* GraphQL */ `
  mutation($csv: String!) { importRiskClasses(csv: $csv, fileName: "省局2026年11月.csv") { rows accepted rejected { row reason } runs { month source total countD } } }
`;
const AUDIT = /* GraphQL */ `query($uscc: String) { riskAuditLog(uscc: $uscc) { sub role department action usccs detail } }`;
const DISTRIBUTION = /* GraphQL */ `
  query($prefix: String) { riskDistribution(month: "2026-11", regionPrefix: $prefix) { month regionPrefix total classes { riskClass count } } }
`;

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

interface RiskView {
  riskClass: string;
  score: number | null;
  source: string;
  modelVersion: string | null;
  hardRule: { key: string } | null;
  indicators: { key: string; value: number; contribution: number }[] | null;
  history: { month: string; riskClass: string }[];
  change: { trend: string; previousClass: string | null };
}

describe.each(testDatabaseKinds())('credit risk classes through the gateway (%s)', (kind) => {
  let stack: Stack;
  let analyst: string;
  let regulator: string;
  let admin: string;

  const classify = () =>
    classifyMonth({
      db: stack.database<RiskDatabase>('risk').db,
      reader: gatewayReaderFromEnv(loadEnv({ ...TEST_ENV }), stack.gatewayUrl),
      versions: loadModelFile(loadEnv({ ...TEST_ENV }).RISK_MODEL_FILE),
      month: MONTH,
      today: TODAY,
      startedBy: 'test',
    });
  const riskOf = async (uscc: string, token: string) => {
    const response = await stack.query<{ enterprise: { name: string; creditRisk: RiskView | null } }>(RISK, { uscc }, { token });
    expect(response.errors).toBeUndefined();
    return response.data?.enterprise.creditRisk ?? null;
  };

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => TODAY });
    for (const [uscc, regionCode] of [
      [CLEAN, '140802'],
      [IMPORTED, '140802'],
      [THIRD, '140802'],
      [FUJIAN, '350102'],
    ] as const) {
      await stack.registerEnterprise(uscc, { regionCode, establishedOn: '2015-03-01' });
    }
    analyst = await stack.token({ role: 'analyst', sub: 'li.analyst' });
    regulator = await stack.token({ role: 'regulator', region: '140800', dept: 'ZFJC', sub: 'wang.yuncheng' });
    admin = await stack.token({ role: 'admin', sub: 'root' });
    await classify();
  });
  afterAll(() => stack?.stop());

  it('explains a class: indicators largest first, contributions summing to the score, model version recorded', async () => {
    const risk = await riskOf(CLEAN, analyst);
    // Registered in 2015 with no annual report filed since: the missing reports alone make it B.
    expect(risk).toMatchObject({ riskClass: 'B', score: 12, source: 'LOCAL', modelVersion: 'example-2026.1', hardRule: null });
    const contributions = risk?.indicators?.map((indicator) => indicator.contribution) ?? [];
    expect(contributions.length).toBeGreaterThan(5);
    expect([...contributions].sort((a, b) => b - a)).toEqual(contributions);
    expect(Math.round(contributions.reduce((sum, c) => sum + c, 0) * 100) / 100).toBe(risk?.score);
  });

  it('changes the class in the next run after a penalty is recorded in sanctions; the re-run replaces the month', async () => {
    const recorded = await stack.query(
      RECORD_PENALTY,
      {
        input: {
          uscc: CLEAN,
          decisionNumber: '运市监处罚〔2026〕8801号',
          decidedOn: '2026-11-02',
          authority: '运城市市场监督管理局',
          violationType: '生产经营不符合食品安全标准的食品',
          factsSummary: '当事人生产的食品菌落总数超标。',
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
          penaltyTypes: ['FINE', 'REVOKE_LICENCE'],
          fineAmount: 150000,
          caseDomain: 'FOOD',
        },
      },
      { token: regulator },
    );
    expect(recorded.errors).toBeUndefined();
    expect((await riskOf(CLEAN, analyst))?.riskClass).toBe('B');
    const outcome = await classify();
    const risk = await riskOf(CLEAN, analyst);
    expect(risk?.riskClass).toBe('C');
    expect(risk?.indicators?.find((indicator) => indicator.key === 'penalty_severity')?.value).toBe(3);
    expect(risk?.history).toEqual([{ month: MONTH, riskClass: 'C' }]);
    const runs = await stack.query<{ riskRuns: { id: number; current: boolean; status: string }[] }>(
      `query { riskRuns(month: "${MONTH}") { id current status } }`,
      {},
      { token: analyst },
    );
    expect(runs.data?.riskRuns.filter((run) => run.current).map((run) => run.id)).toEqual([outcome.runId]);
  });

  it('lets a city regulator read the province’s imported class, which wins over the local one', async () => {
    const csv = [
      '统一社会信用代码,风险类别,月份',
      `${IMPORTED},D,${MONTH}`,
      `${IMPORTED.slice(0, 17)}X,C,${MONTH}`,
      `${THIRD},E,${MONTH}`,
      `${THIRD},B,2027-01`,
      usccFor('91', '140802', 'MA0NNE01'),
    ].join('\n');
    const imported = await stack.query<{
      importRiskClasses: { rows: number; accepted: number; rejected: { row: number; reason: string }[] };
    }>(IMPORT, { csv: `${csv},A,${MONTH}` }, { token: admin });
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importRiskClasses).toMatchObject({
      rows: 5,
      accepted: 1,
      rejected: [
        { row: 3, reason: 'INVALID_USCC' },
        { row: 4, reason: 'INVALID_CLASS' },
        { row: 5, reason: 'FUTURE_MONTH' },
        { row: 6, reason: 'UNKNOWN_ENTERPRISE' },
      ],
    });
    const risk = await riskOf(IMPORTED, regulator);
    expect(risk).toMatchObject({ riskClass: 'D', source: 'PROVINCE', score: null, modelVersion: null, indicators: [] });
    const refused = await stack.query(IMPORT, { csv }, { token: regulator });
    expect(codeOf(refused)).toBe('FORBIDDEN');
  });

  it('never shows a class to the public or the platform, while the rest of the profile resolves', async () => {
    const platform = await stack.token({ role: 'platform' });
    for (const token of [undefined, platform]) {
      const response = await stack.query<{ enterprise: { name: string; creditRisk: unknown } }>(
        RISK,
        { uscc: CLEAN },
        token ? { token } : {},
      );
      expect(response.data?.enterprise.name).toMatch(/测试企业/);
      expect(response.data?.enterprise.creditRisk).toBeNull();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const anonymous = await mintToken({
      secret: TEST_ENV.AUTH_JWT_SECRET,
      issuer: gatewayIssuer(TEST_ENV.AUTH_JWT_ISSUER),
      audience: 'credit-hub',
      sub: 'anonymous',
      role: 'public',
      expiresIn: 120,
    });
    const direct = await stack.query<{ _entities: ({ creditRisk: unknown } | null)[] }>(
      ENTITIES,
      { representations: [{ __typename: 'Enterprise', uscc: CLEAN }] },
      { token: anonymous, url: stack.subgraphUrls.risk },
    );
    expect(direct.data?._entities[0]?.creditRisk ?? null).toBeNull();
    expect(codeOf(direct)).toBe('FORBIDDEN');
    const outside = await stack.query(CLASS_ONLY, { uscc: FUJIAN }, { token: regulator });
    expect(codeOf(outside)).toBe('FORBIDDEN');
  });

  it('shows a related department of the region the class but not its indicators', async () => {
    const department = await stack.token({ role: 'department', region: '140800', dept: 'SWJ', sub: 'tax.yuncheng' });
    const classOnly = await stack.query<{ enterprise: { creditRisk: { riskClass: string } } }>(
      CLASS_ONLY,
      { uscc: CLEAN },
      { token: department },
    );
    expect(classOnly.errors).toBeUndefined();
    expect(classOnly.data?.enterprise.creditRisk.riskClass).toBe('C');
    const withIndicators = await stack.query<{ enterprise: { creditRisk: { riskClass: string; indicators: unknown } } }>(
      INDICATORS,
      { uscc: CLEAN },
      { token: department },
    );
    expect(withIndicators.data?.enterprise.creditRisk).toEqual({ riskClass: 'C', indicators: null });
    expect(codeOf(withIndicators)).toBe('FORBIDDEN');
  });

  it('writes every read to the audit log, once per request, and shows the log to admins only', async () => {
    const reader = await stack.token({ role: 'analyst', sub: 'audit.subject' });
    const risk = stack.database<RiskDatabase>('risk');
    const one = await stack.countStatements(() => stack.query(BATCH, { usccs: [CLEAN] }, { token: reader }));
    const three = await stack.countStatements(() => stack.query(BATCH, { usccs: [CLEAN, IMPORTED, THIRD] }, { token: reader }));
    expect(three.statements.risk).toBe(one.statements.risk);
    expect(one.statements.risk).toBe(2); // one read of the results, one audit insert
    expect(risk.kind).toBe(kind);
    await stack.query(DISTRIBUTION, { prefix: '1408' }, { token: reader });
    const log = await stack.query<{ riskAuditLog: { sub: string; role: string; action: string; usccs: string[]; detail: string }[] }>(
      AUDIT,
      { uscc: null },
      { token: admin },
    );
    const mine = log.data?.riskAuditLog.filter((entry) => entry.sub === 'audit.subject') ?? [];
    expect(mine.map((entry) => entry.action)).toEqual(['DISTRIBUTION', 'PROFILE', 'PROFILE']);
    expect(mine[1]?.usccs.sort()).toEqual([CLEAN, IMPORTED, THIRD].sort());
    expect(JSON.parse(mine[0]?.detail ?? '{}')).toMatchObject({ month: MONTH, regionPrefix: '1408' });
    const byEnterprise = await stack.query<{ riskAuditLog: { sub: string }[] }>(AUDIT, { uscc: FUJIAN }, { token: admin });
    expect(byEnterprise.data?.riskAuditLog).toEqual([]);
    expect(codeOf(await stack.query(AUDIT, {}, { token: regulator }))).toBe('FORBIDDEN');
  });

  it('counts the distribution a regulator may see: its own region only', async () => {
    const own = await stack.query<{
      riskDistribution: { regionPrefix: string; total: number; classes: { riskClass: string; count: number }[] };
    }>(DISTRIBUTION, { prefix: null }, { token: regulator });
    expect(own.errors).toBeUndefined();
    expect(own.data?.riskDistribution).toMatchObject({ regionPrefix: '1408', total: 3 });
    expect(own.data?.riskDistribution.classes.find((c) => c.riskClass === 'D')?.count).toBe(1);
    expect(codeOf(await stack.query(DISTRIBUTION, { prefix: '35' }, { token: regulator }))).toBe('FORBIDDEN');
    const dClass = await stack.query<{ riskEnterprises: { uscc: string; enterprise: { name: string } }[] }>(
      `query { riskEnterprises(riskClass: D) { uscc enterprise { name } } }`,
      {},
      { token: regulator },
    );
    expect(dClass.data?.riskEnterprises.map((e) => e.uscc)).toEqual([IMPORTED]);
    expect(codeOf(await stack.query(DISTRIBUTION, { prefix: '14' }))).toBe('FORBIDDEN');
  });
});
