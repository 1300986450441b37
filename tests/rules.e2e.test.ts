import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { type LicensesDatabase, licensesFor, seedLicenses } from '@credit-hub/licenses';
import { type SanctionsDatabase, sanctionsFor, seedSanctions } from '@credit-hub/sanctions';
import { enterpriseAt } from '@credit-hub/seed';
import { workingDaysBefore } from '@credit-hub/workdays';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, type Stack, startStack } from './support/stack.ts';

/**
 * The twelve findings of the legal review (issue 9), tried through the gateway with a fixed
 * "today" at the end of 2026: the 2027 holiday notice is not loaded, so deadlines running into
 * 2027 are provisional.
 */
const TODAY = '2026-12-28';
const REFERENCE_DATE = '2026-12-01';
const SEEDED = 160;

const EXPLANATION = 'date provisional note rule { code value unit effectiveFrom province citation { document article } }';
const PENALTY_FIELDS = /* GraphQL */ `
  id decisionNumber procedure partyType partyIdNumber restrictionMonths fineAmount fineAmountYuan fineAmountWanYuan withheldReason withheldApprovedBy
  publication {
    publishedOn publicUntil visibleToPublic reasonHidden dualPublicationDeadline
    publicUntilExplanation { ${EXPLANATION} }
    dualPublicationDeadlineExplanation { ${EXPLANATION} }
    nationalPublicationDeadlineExplanation { ${EXPLANATION} }
  }
  repairEligibility { eligible eligibleFrom reasons eligibleFromExplanation { ${EXPLANATION} } }
`;
const RECORD_PENALTY = `mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { ${PENALTY_FIELDS} } }`;
const PENALTY_BY_NUMBER = `query($n: String!) { penaltyByDecisionNumber(decisionNumber: $n) { ${PENALTY_FIELDS} } }`;
const FILE_REPAIR = /* GraphQL */ `
  mutation($id: ID!) {
    fileCreditRepair(input: { targetKind: PENALTY, targetId: $id, statement: "已整改并缴清罚款", obligationsFulfilled: true }) { id status }
  }
`;
const LIST_SERIOUS = /* GraphQL */ `
  mutation($input: ListSeriousViolationInput!) { listSeriousViolation(input: $input) { id listedOn scheduledRemovalExplanation { ${EXPLANATION} } } }
`;
const LIST_ABNORMAL = /* GraphQL */ `
  mutation($input: ListAbnormalOperationInput!) { listAbnormalOperation(input: $input) { id escalationDueExplanation { ${EXPLANATION} } } }
`;

interface Explanation {
  date: string | null;
  provisional: boolean;
  note: string | null;
  rule: {
    code: string;
    value: string;
    unit: string | null;
    effectiveFrom: string;
    province: string | null;
    citation: { document: string; article: string | null };
  };
}
interface Penalty {
  id: string;
  decisionNumber: string;
  procedure: string;
  partyType: string;
  partyIdNumber: string | null;
  restrictionMonths: number | null;
  fineAmount: number | null;
  fineAmountYuan: string | null;
  fineAmountWanYuan: string | null;
  withheldReason: string | null;
  withheldApprovedBy: string | null;
  publication: {
    publishedOn: string | null;
    publicUntil: string | null;
    visibleToPublic: boolean;
    reasonHidden: string | null;
    dualPublicationDeadline: string;
    publicUntilExplanation: Explanation;
    dualPublicationDeadlineExplanation: Explanation;
    nationalPublicationDeadlineExplanation: Explanation;
  };
  repairEligibility: {
    eligible: boolean;
    eligibleFrom: string | null;
    reasons: string[];
    eligibleFromExplanation: Explanation | null;
  } | null;
}

const seeded = Array.from({ length: SEEDED }, (_, index) => enterpriseAt(index, { referenceDate: REFERENCE_DATE }));
const cleanIn = (province: string) =>
  seeded.filter((e) => {
    const records = sanctionsFor(e, { referenceDate: REFERENCE_DATE });
    return e.regionCode.startsWith(province) && e.status === 'ACTIVE' && records.penalties.length + records.abnormalOperations.length === 0;
  });

describe('legal rules through the gateway (issue 9)', () => {
  let stack: Stack;
  let fujian: string;
  let shanxi: string;
  let serial = 100;
  const fujianEnterprises = cleanIn('35');
  const shanxiEnterprises = cleanIn('14');

  beforeAll(async () => {
    stack = await startStack({ today: () => TODAY });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, SEEDED, { referenceDate: REFERENCE_DATE });
    await seedSanctions(stack.database<SanctionsDatabase>('sanctions').db, SEEDED, { referenceDate: REFERENCE_DATE });
    await seedLicenses(stack.database<LicensesDatabase>('licenses').db, SEEDED, { referenceDate: REFERENCE_DATE });
    fujian = await stack.token({ role: 'regulator', region: '350000', dept: 'ZFJC', sub: 'lin.fang' });
    shanxi = await stack.token({ role: 'regulator', region: '140000', dept: 'ZFJC', sub: 'zhang.wei' });
  }, 120_000);
  afterAll(() => stack?.stop());

  const ok = <T>(response: GraphQLResponse<T>): T => {
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('no data');
    return response.data;
  };
  const enterpriseOf = (list: typeof seeded, index: number) => {
    const enterprise = list[index];
    if (!enterprise) throw new Error(`not enough clean enterprises (${list.length})`);
    return enterprise;
  };

  /** Records a penalty with sensible defaults; the decision number is unique per call. */
  const record = (token: string, uscc: string, input: Record<string, unknown>) => {
    serial += 1;
    const decidedOn = (input.decidedOn as string | undefined) ?? '2026-12-01';
    return stack.query<{ recordPenalty: Penalty }>(
      RECORD_PENALTY,
      {
        input: {
          uscc,
          decisionNumber: `${token === fujian ? '闽' : '晋'}市监处罚〔${decidedOn.slice(0, 4)}〕${serial}号`,
          decidedOn,
          authority: token === fujian ? '福州市市场监督管理局' : '运城市市场监督管理局',
          violationType: '销售失效、变质的商品',
          factsSummary: '当事人销售超过保质期的食品。',
          legalBasis: '《中华人民共和国消费者权益保护法》第五十六条',
          penaltyTypes: ['FINE'],
          caseDomain: 'CONSUMER_RIGHTS',
          ...input,
        },
      },
      { token },
    );
  };

  it('1–2 · lower fines in Fujian by party type, strictly below the threshold, published under 第十三条', async () => {
    const uscc = enterpriseOf(fujianEnterprises, 0).uscc;
    const cases = [
      ['NATURAL_PERSON', '4999', '2027-03-28', 'PENALTY_PUBLICATION_SHORT'],
      ['NATURAL_PERSON', '5000', '2029-12-28', 'PENALTY_PUBLICATION_LONG'],
      ['ORGANISATION', '49999', '2027-03-28', 'PENALTY_PUBLICATION_SHORT'],
      ['ORGANISATION', '50000', '2029-12-28', 'PENALTY_PUBLICATION_LONG'],
    ] as const;
    for (const [partyType, fine, until, code] of cases) {
      const penalty = ok(await record(fujian, uscc, { partyType, fineAmount: fine })).recordPenalty;
      expect(penalty.publication.publicUntil, `${partyType} ${fine}`).toBe(until);
      expect(penalty.publication.publicUntilExplanation.rule).toMatchObject({
        code,
        citation: { document: expect.stringContaining('市场监督管理行政处罚信息公示规定'), article: '第十三条' },
        effectiveFrom: '2021-09-01',
      });
      expect(penalty.publication.publicUntilExplanation.note).toContain(partyType === 'ORGANISATION' ? '50000' : '5000');
    }
    // Another province has no lower-fine rule: the safe reading (3 years), and the explanation says so.
    const shanxiFine = ok(await record(shanxi, enterpriseOf(shanxiEnterprises, 0).uscc, { fineAmount: '100' })).recordPenalty;
    expect(shanxiFine.publication.publicUntil).toBe('2029-12-28');
    expect(shanxiFine.publication.publicUntilExplanation.note).toContain('No lower-fine threshold for province 14');
  });

  it('3 · cosmetics and medical-device cases wait 6 months for repair; food, drug, special equipment 1 year', async () => {
    const uscc = enterpriseOf(fujianEnterprises, 1).uscc;
    const waits = {
      COSMETICS: '2026-07-02',
      MEDICAL_DEVICE: '2026-07-02',
      FOOD: '2027-01-02',
      DRUG: '2027-01-02',
      SPECIAL_EQUIPMENT: '2027-01-02',
    };
    for (const [caseDomain, from] of Object.entries(waits)) {
      const penalty = ok(
        await record(fujian, uscc, {
          caseDomain,
          decidedOn: '2025-12-29',
          publishedOn: '2026-01-01',
          penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'],
          fineAmount: '80000',
          violationType: `违法行为-${caseDomain}`,
        }),
      ).recordPenalty;
      expect(penalty.repairEligibility?.eligibleFrom, caseDomain).toBe(from);
      expect(penalty.repairEligibility?.eligibleFromExplanation?.rule.code).toBe(
        from === '2026-07-02' ? 'PENALTY_REPAIR_WAIT' : 'PENALTY_REPAIR_WAIT_KEY_DOMAINS',
      );
    }
  });

  it('4 · a food production licence is due for renewal 30 working days before expiry, explained', async () => {
    const holder = seeded.find((e) => licensesFor(e, { referenceDate: REFERENCE_DATE }).some((l) => l.kind === 'FOOD_PRODUCTION'));
    if (!holder) throw new Error('no food licence in the seed');
    const analyst = await stack.token({ role: 'analyst' });
    const result = ok(
      await stack.query<{
        enterprise: { licenses: { kind: string; validTo: string; renewalDueOn: string; renewalDueExplanation: Explanation }[] };
      }>(
        `query($u: String!) { enterprise(uscc: $u) { licenses { kind validTo renewalDueOn renewalDueExplanation { ${EXPLANATION} } } } }`,
        { u: holder.uscc },
        { token: analyst },
      ),
    );
    const food = result.enterprise.licenses.filter((l) => l.kind === 'FOOD_PRODUCTION');
    expect(food.length).toBeGreaterThan(0);
    for (const licence of food) {
      const expected = workingDaysBefore(licence.validTo, 30);
      expect(licence.renewalDueOn).toBe(expected.date);
      expect(licence.renewalDueExplanation).toMatchObject({
        date: expected.date,
        provisional: expected.provisional,
        rule: {
          code: 'FOOD_LICENCE_RENEWAL',
          value: '30',
          unit: 'WORKING_DAYS',
          citation: { document: expect.stringContaining('食品生产许可管理办法') },
        },
      });
    }
  });

  it('5 · a deadline running into 2027 (holiday notice not loaded) is provisional, never a silent guess', async () => {
    const penalty = ok(
      await record(shanxi, enterpriseOf(shanxiEnterprises, 1).uscc, {
        decidedOn: '2026-12-24',
        penaltyTypes: ['CONFISCATE_ILLEGAL_GAINS'],
      }),
    ).recordPenalty;
    expect(penalty.publication.dualPublicationDeadlineExplanation).toMatchObject({
      date: penalty.publication.dualPublicationDeadline,
      provisional: true,
      rule: { code: 'DUAL_PUBLICATION_DEADLINE', value: '7', unit: 'WORKING_DAYS' },
    });
    expect(penalty.publication.dualPublicationDeadlineExplanation.note).toContain('2027');
    const earlier = ok(
      await record(shanxi, enterpriseOf(shanxiEnterprises, 1).uscc, {
        decidedOn: '2026-11-02',
        penaltyTypes: ['CONFISCATE_ILLEGAL_GAINS'],
      }),
    ).recordPenalty;
    expect(earlier.publication.dualPublicationDeadlineExplanation.provisional).toBe(false);
    expect(earlier.publication.nationalPublicationDeadlineExplanation.rule.citation.article).toBe('第六条');
  });

  it('6 · decision numbers without 市监处罚 are accepted, brackets normalised for lookup', async () => {
    const uscc = enterpriseOf(shanxiEnterprises, 2).uscc;
    const recorded = ok(
      await record(shanxi, uscc, {
        decisionNumber: '运市监罚字[2024]3号',
        decidedOn: '2024-11-05',
        penaltyTypes: ['CONFISCATE_ILLEGAL_GAINS'],
      }),
    ).recordPenalty;
    expect(recorded.decisionNumber).toBe('运市监罚字〔2024〕3号');
    const found = ok(
      await stack.query<{ penaltyByDecisionNumber: Penalty | null }>(PENALTY_BY_NUMBER, { n: '运市监罚字(2024)3号' }, { token: shanxi }),
    );
    expect(found.penaltyByDecisionNumber?.id).toBe(recorded.id);
  });

  it('7 · simple-procedure fines are never published', async () => {
    const uscc = enterpriseOf(shanxiEnterprises, 3).uscc;
    const simple = ok(await record(shanxi, uscc, { procedure: 'SIMPLE', fineAmount: '200' })).recordPenalty;
    expect(simple.publication).toMatchObject({
      publishedOn: null,
      publicUntil: null,
      visibleToPublic: false,
      reasonHidden: 'NEVER_PUBLISHED',
    });
    expect(simple.publication.publicUntilExplanation.rule).toMatchObject({
      code: 'PENALTY_PUBLISHED_PROCEDURE',
      citation: { article: '第二条' },
    });
    const publicView = await stack.query<{ penaltyByDecisionNumber: Penalty | null }>(PENALTY_BY_NUMBER, { n: simple.decisionNumber });
    expect(publicView.data?.penaltyByDecisionNumber).toBeNull();
    const refused = await record(shanxi, uscc, { procedure: 'SIMPLE', fineAmount: '200', publishedOn: TODAY });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.publishedOn',
      reason: 'NOT_PUBLISHABLE',
    });
  });

  it('8 · a 5-year employment restriction is published 5 years and cannot be repaired while it runs', async () => {
    const uscc = enterpriseOf(shanxiEnterprises, 4).uscc;
    const restricted = ok(
      await record(shanxi, uscc, {
        penaltyTypes: ['RESTRICT_EMPLOYMENT', 'FINE'],
        fineAmount: '200000',
        restrictionMonths: 60,
        caseDomain: 'FOOD',
      }),
    ).recordPenalty;
    expect(restricted.publication.publicUntil).toBe('2031-12-28');
    expect(restricted.publication.publicUntilExplanation.rule.code).toBe('PENALTY_PUBLICATION_RESTRICTION');
    expect(restricted.repairEligibility?.reasons).toEqual(expect.arrayContaining(['EXCLUDED_PENALTY_TYPE', 'RESTRICTION_IN_FORCE']));
    const refused = await stack.query(FILE_REPAIR, { id: restricted.id }, { token: shanxi });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ELIGIBLE' });
  });

  it('9 · repair is refused after a later same-kind penalty, or while the enterprise is listed', async () => {
    const first = enterpriseOf(shanxiEnterprises, 5).uscc;
    const old = {
      decidedOn: '2026-01-05',
      publishedOn: '2026-01-06',
      penaltyTypes: ['CONFISCATE_ILLEGAL_GAINS'],
      violationType: '未按规定对出厂食品进行检验',
    };
    const earlier = ok(await record(shanxi, first, old)).recordPenalty;
    expect(earlier.repairEligibility).toMatchObject({ eligible: true, reasons: [] });
    ok(await record(shanxi, first, { ...old, decidedOn: '2026-03-02', publishedOn: '2026-03-03' }));
    const afterLater = await stack.query(FILE_REPAIR, { id: earlier.id }, { token: shanxi });
    expect(afterLater.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: ['LATER_SAME_KIND_PENALTY'] });

    const second = enterpriseOf(shanxiEnterprises, 6).uscc;
    const penalty = ok(await record(shanxi, second, old)).recordPenalty;
    ok(
      await stack.query(
        LIST_ABNORMAL,
        {
          input: {
            uscc: second,
            reason: 'UNREACHABLE_ADDRESS',
            authority: '运城市市场监督管理局',
            decisionReference: '运市监异〔2026〕8号',
          },
        },
        { token: shanxi },
      ),
    );
    const whileListed = await stack.query(FILE_REPAIR, { id: penalty.id }, { token: shanxi });
    expect(whileListed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reasons: ['LISTED_ABNORMAL'] });
  });

  it('10 · a 100-yuan fine is never grounds for a serious listing; a heavier penalty is', async () => {
    const uscc = enterpriseOf(shanxiEnterprises, 7).uscc;
    const small = ok(await record(shanxi, uscc, { fineAmount: '100', caseDomain: 'FOOD' })).recordPenalty;
    const listing = (triggeringPenaltyId: string) =>
      stack.query<{ listSeriousViolation: { scheduledRemovalExplanation: Explanation } }>(
        LIST_SERIOUS,
        { input: { uscc, domain: 'FOOD', reason: '较重行政处罚', triggeringPenaltyId, authority: '运城市市场监督管理局' } },
        { token: shanxi },
      );
    const refused = await listing(small.id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.triggeringPenaltyId',
      reason: 'NOT_HEAVIER_PENALTY',
      rule: 'SERIOUS_LISTING_GROUNDS',
    });
    expect(refused.errors?.[0]?.message).toContain('SERIOUS_LISTING_GROUNDS');
    const heavy = ok(await record(shanxi, uscc, { fineAmount: '800000', heavyDiscretion: true, caseDomain: 'FOOD' })).recordPenalty;
    const listed = ok(await listing(heavy.id)).listSeriousViolation;
    expect(listed.scheduledRemovalExplanation).toMatchObject({
      date: '2029-12-29',
      rule: { code: 'SERIOUS_LISTING_PERIOD', citation: { article: '第十六条' } },
    });
  });

  it('11 · natural persons’ ID numbers are masked for the public; a decision can be withheld by approval', async () => {
    const uscc = enterpriseOf(fujianEnterprises, 2).uscc;
    const person = ok(
      await record(fujian, uscc, {
        partyType: 'NATURAL_PERSON',
        partyIdNumber: '35010219800101123X',
        penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'],
        fineAmount: '3000',
      }),
    ).recordPenalty;
    expect(person.partyIdNumber).toBe('35010219800101123X');
    const publicView = ok(await stack.query<{ penaltyByDecisionNumber: Penalty | null }>(PENALTY_BY_NUMBER, { n: person.decisionNumber }));
    expect(publicView.penaltyByDecisionNumber?.partyIdNumber).toBe('350102********123X');

    const withheld = ok(
      await record(fujian, uscc, {
        penaltyTypes: ['CONFISCATE_ILLEGAL_GAINS'],
        withheld: { reason: '涉及国家秘密', approvedBy: '局长 陈某' },
      }),
    ).recordPenalty;
    expect(withheld).toMatchObject({ withheldReason: '涉及国家秘密', withheldApprovedBy: '局长 陈某' });
    expect(withheld.publication).toMatchObject({ publishedOn: null, visibleToPublic: false, reasonHidden: 'WITHHELD' });
    expect(withheld.publication.publicUntilExplanation.rule.code).toBe('PENALTY_PUBLICATION_EXCEPTIONS');
    const hidden = ok(await stack.query<{ penaltyByDecisionNumber: Penalty | null }>(PENALTY_BY_NUMBER, { n: withheld.decisionNumber }));
    expect(hidden.penaltyByDecisionNumber).toBeNull();
  });

  it('12 · money is exact: decimal strings in, yuan and 万元 (6 decimals) out, floats refused', async () => {
    const uscc = enterpriseOf(shanxiEnterprises, 8).uscc;
    const exact = ok(
      await record(shanxi, uscc, { fineAmount: '4999.99', penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'] }),
    ).recordPenalty;
    expect(exact).toMatchObject({ fineAmountYuan: '4999.99', fineAmountWanYuan: '0.499999', fineAmount: 4999.99 });
    for (const [fineAmount, reason] of [
      [100.5, 'FLOAT_MONEY'],
      ['100.555', 'MONEY_FORMAT'],
      ['-1', 'MONEY_FORMAT'],
      ['1e5', 'MONEY_FORMAT'],
    ] as const) {
      const refused = await record(shanxi, uscc, { fineAmount });
      expect(refused.errors?.[0]?.extensions, String(fineAmount)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.fineAmount',
        reason,
      });
    }
    const literal = await stack.query(
      `mutation { recordPenalty(input: { uscc: "${uscc}", decisionNumber: "晋市监处罚〔2026〕9999号", decidedOn: "2026-12-01", authority: "运城市市场监督管理局", violationType: "x", factsSummary: "x", legalBasis: "x", penaltyTypes: [FINE], fineAmount: 100.5, caseDomain: OTHER }) { id } }`,
      {},
      { token: shanxi },
    );
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fineAmount', reason: 'FLOAT_MONEY' });
  });

  it('lists the rule versions in force for a province on a day', async () => {
    const rules = async (province: string | null, on: string) =>
      ok(
        await stack.query<{ creditRules: Explanation['rule'][]; licenseRules: Explanation['rule'][] }>(
          `query($p: String, $on: Date) { creditRules(province: $p, on: $on) { code value unit effectiveFrom province citation { document article } }
            licenseRules(on: $on) { code value unit effectiveFrom province citation { document article } } }`,
          { p: province, on },
        ),
      );
    const fujianNow = await rules('35', '2026-12-28');
    expect(fujianNow.creditRules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'PENALTY_LOWER_FINE_NATURAL_PERSON', value: '5000', province: '35' }),
        expect.objectContaining({ code: 'PENALTY_LOWER_FINE_ORGANISATION', value: '50000', province: '35' }),
        expect.objectContaining({
          code: 'PENALTY_PUBLICATION_SHORT',
          value: '3',
          citation: expect.objectContaining({ article: '第十三条' }),
        }),
      ]),
    );
    expect(fujianNow.licenseRules).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'FOOD_LICENCE_RENEWAL', value: '30' })]),
    );
    const shanxiNow = await rules('14', '2026-12-28');
    expect(shanxiNow.creditRules.some((rule) => rule.code.startsWith('PENALTY_LOWER_FINE'))).toBe(false);
    const fujianBefore = await rules('35', '2023-06-01');
    expect(fujianBefore.creditRules.some((rule) => rule.code.startsWith('PENALTY_LOWER_FINE'))).toBe(false);
    const bad = await stack.query('{ creditRules(province: "3") { code } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'province' });
  });
});
