import { testDatabaseKinds } from '@credit-hub/db';
import { usccFor } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, type Stack, startStack } from './support/stack.ts';

/**
 * Threat: a regulator writes about an enterprise outside its region, or a department changes what
 * another produced, by claiming a region in its input. The hub decides on the enterprise's
 * registered region (looked up in the enterprises subgraph) and the record's owning department.
 *
 * The subject enterprise was registered in Fujian (its code says 350102) and has since moved to
 * Yuncheng, Shanxi (registered region 140802): neither its code nor any input decides who writes.
 */
const TODAY = '2026-11-30';
const MOVED = usccFor('91', '350102', 'MA0TEC01');
const UNKNOWN = usccFor('91', '140802', 'MA0TEC44');

const RECORD_PENALTY = /* GraphQL */ `
  mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { id decisionNumber region { code } department } }
`;
const REVOKE_PENALTY = /* GraphQL */ `
  mutation($id: ID!) { revokePenalty(id: $id, decision: { reason: "适用法律错误", decisionReference: "晋市监撤〔2026〕1号" }) { state } }
`;
const LIST_SERIOUS = /* GraphQL */ `
  mutation($input: ListSeriousViolationInput!) { listSeriousViolation(input: $input) { id } }
`;
const LIST_ABNORMAL = /* GraphQL */ `
  mutation($input: ListAbnormalOperationInput!) { listAbnormalOperation(input: $input) { id } }
`;
const GRANT = /* GraphQL */ `
  mutation($input: GrantLicenseInput!) { grantLicense(input: $input) { number region { code } } }
`;
const UPDATE_ENTERPRISE = /* GraphQL */ `
  mutation($uscc: String!) { updateEnterprise(uscc: $uscc, input: { address: "运城市盐湖区新址1号" }) { address } }
`;
const COUNTS = /* GraphQL */ `
  query($uscc: String!) { enterprise(uscc: $uscc) { address penalties { id } seriousViolations { id } abnormalOperations { id } licenses { number } } }
`;

let serial = 0;
const penaltyInput = (uscc: string, overrides: Record<string, unknown> = {}) => ({
  uscc,
  decisionNumber: `运市监处罚〔2026〕${7000 + ++serial}号`,
  decidedOn: '2026-11-02',
  authority: '运城市市场监督管理局',
  violationType: '生产经营不符合食品安全标准的食品',
  factsSummary: '当事人生产的食品菌落总数超标。',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'],
  fineAmount: 150000,
  confiscationAmount: 8000,
  caseDomain: 'FOOD',
  ...overrides,
});

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;

describe.each(testDatabaseKinds())('access to writes, decided on the record’s own facts (%s)', (kind) => {
  let stack: Stack;
  let tokens: Record<'yunchengEnforcement' | 'fujianEnforcement' | 'yunchengRegistration' | 'fujianRegistration' | 'yunchengFood', string>;

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => TODAY });
    await stack.registerEnterprise(MOVED, { regionCode: '140802', name: '运城迁入食品有限公司' });
    tokens = {
      yunchengEnforcement: await stack.token({ role: 'regulator', region: '140800', dept: 'ZFJC' }),
      fujianEnforcement: await stack.token({ role: 'regulator', region: '350000', dept: 'ZFJC' }),
      yunchengRegistration: await stack.token({ role: 'regulator', region: '140800', dept: 'DJZC' }),
      fujianRegistration: await stack.token({ role: 'regulator', region: '350000', dept: 'DJZC' }),
      yunchengFood: await stack.token({ role: 'regulator', region: '140800', dept: 'SPSC' }),
    };
  });
  afterAll(() => stack?.stop());

  const snapshot = async () => {
    const analyst = await stack.token({ role: 'analyst' });
    const result = await stack.query(COUNTS, { uscc: MOVED }, { token: analyst });
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  it('refuses a regulator of another province every write about the enterprise, whatever region its input claims', async () => {
    const before = await snapshot();
    const fujian = tokens.fujianEnforcement;
    for (const regionCode of [undefined, '350102']) {
      const penalty = await stack.query(
        RECORD_PENALTY,
        { input: penaltyInput(MOVED, regionCode ? { regionCode } : {}) },
        { token: fujian },
      );
      expect(penalty.errors?.[0]?.extensions).toMatchObject(
        regionCode
          ? { code: 'BAD_USER_INPUT', field: 'input.regionCode', reason: 'REGION_MISMATCH' }
          : { code: 'FORBIDDEN', reason: 'OUTSIDE_REGION' },
      );
    }
    const licence = await stack.query(
      GRANT,
      {
        input: {
          number: 'TS2213501-2030',
          kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
          holderUscc: MOVED,
          items: [{ activity: 'MANUFACTURE', category: '压力容器' }],
          validTo: '2030-06-30',
          authority: { name: '福建省市场监督管理局', regionCode: '350000' },
          decisionReference: '闽市监许〔2026〕1号',
        },
      },
      { token: await stack.token({ role: 'regulator', region: '350000', dept: 'TSSB' }) },
    );
    expect(licence.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_REGION' });
    const abnormal = await stack.query(
      LIST_ABNORMAL,
      { input: { uscc: MOVED, reason: 'UNREACHABLE_ADDRESS', authority: '福州市市场监督管理局' } },
      { token: fujian },
    );
    expect(abnormal.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_REGION' });
    const update = await stack.query(UPDATE_ENTERPRISE, { uscc: MOVED }, { token: tokens.fujianRegistration });
    expect(update.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUTSIDE_REGION' });
    expect(await snapshot()).toEqual(before);
  });

  it('files a record under the registered region, not under the region the code was issued in', async () => {
    const recorded = await stack.query<{ recordPenalty: { region: { code: string }; department: string } }>(
      RECORD_PENALTY,
      { input: penaltyInput(MOVED) },
      { token: tokens.yunchengEnforcement },
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data?.recordPenalty).toMatchObject({ region: { code: '140802' }, department: 'ZFJC' });
  });

  it('answers NOT_FOUND for an enterprise the enterprises subgraph does not know, and writes nothing', async () => {
    const result = await stack.query(RECORD_PENALTY, { input: penaltyInput(UNKNOWN) }, { token: tokens.yunchengEnforcement });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.uscc' });
    const analyst = await stack.token({ role: 'analyst' });
    const none = await stack.query<{ penalties: { totalCount: number } }>(
      'query($u: String!) { enterprise(uscc: $u) { uscc } }',
      { u: UNKNOWN },
      { token: analyst },
    );
    expect(none.data).toEqual({ enterprise: null });
  });

  it('lets only the registration department keep master data', async () => {
    const food = await stack.query(UPDATE_ENTERPRISE, { uscc: MOVED }, { token: tokens.yunchengFood });
    expect(food.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const registration = await stack.query<{ updateEnterprise: { address: string } }>(
      UPDATE_ENTERPRISE,
      { uscc: MOVED },
      { token: tokens.yunchengRegistration },
    );
    expect(registration.errors).toBeUndefined();
    expect(registration.data?.updateEnterprise.address).toBe('运城市盐湖区新址1号');
  });

  it('refuses another department without repeating the decision number it may not know', async () => {
    const recorded = await stack.query<{ recordPenalty: { id: string; decisionNumber: string } }>(
      RECORD_PENALTY,
      { input: penaltyInput(MOVED) },
      { token: tokens.yunchengEnforcement },
    );
    const penalty = recorded.data?.recordPenalty;
    if (!penalty) throw new Error(JSON.stringify(recorded.errors));
    const refused = await stack.query(REVOKE_PENALTY, { id: penalty.id }, { token: tokens.yunchengFood });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    expect(JSON.stringify(refused)).not.toContain(penalty.decisionNumber);
  });

  it('yields exactly one serious listing and one CONFLICT for two concurrent listings on the same decision', async () => {
    const recorded = await stack.query<{ recordPenalty: { id: string } }>(
      RECORD_PENALTY,
      { input: penaltyInput(MOVED, { penaltyTypes: ['FINE', 'REVOKE_LICENCE'], confiscationAmount: null }) },
      { token: tokens.yunchengEnforcement },
    );
    const penaltyId = recorded.data?.recordPenalty.id;
    if (!penaltyId) throw new Error(JSON.stringify(recorded.errors));
    const before = (await snapshot())?.enterprise as { seriousViolations: unknown[] };
    const input = {
      uscc: MOVED,
      domain: 'FOOD',
      reason: '食品安全严重违法',
      triggeringPenaltyId: penaltyId,
      authority: '运城市市场监督管理局',
    };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => stack.query(LIST_SERIOUS, { input }, { token: tokens.yunchengEnforcement })),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(3);
    const after = (await snapshot())?.enterprise as { seriousViolations: unknown[] };
    expect(after.seriousViolations.length).toBe(before.seriousViolations.length + 1);
  });

  it('yields exactly one abnormal listing and one escalation for concurrent duplicates', async () => {
    const input = { uscc: MOVED, reason: 'MISSING_ANNUAL_REPORT', listedOn: '2023-07-10', authority: '运城市市场监督管理局' };
    const listings = await Promise.all(
      Array.from({ length: 3 }, () =>
        stack.query<{ listAbnormalOperation: { id: string } }>(LIST_ABNORMAL, { input }, { token: tokens.yunchengEnforcement }),
      ),
    );
    const listed = listings.filter((result) => !result.errors);
    expect(listed).toHaveLength(1);
    expect(listings.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(2);
    const abnormalId = listed[0]?.data?.listAbnormalOperation.id;
    const escalation = {
      uscc: MOVED,
      domain: 'REGISTRATION',
      reason: '列入经营异常名录届满3年',
      escalatedFromAbnormalId: abnormalId,
      authority: '运城市市场监督管理局',
    };
    const escalations = await Promise.all(
      Array.from({ length: 3 }, () => stack.query(LIST_SERIOUS, { input: escalation }, { token: tokens.yunchengEnforcement })),
    );
    expect(escalations.filter((result) => !result.errors)).toHaveLength(1);
    expect(escalations.filter((result) => codeOf(result) === 'CONFLICT')).toHaveLength(2);
  });
});
