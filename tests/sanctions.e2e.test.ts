import { testDatabaseKinds } from '@credit-hub/db';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { type SanctionsDatabase, sanctionsFor, seedSanctions } from '@credit-hub/sanctions';
import { addDays, enterpriseAt } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, type Stack, startStack } from './support/stack.ts';

const REFERENCE_DATE = '2025-01-15';
const SEEDED = 120;

interface Publication {
  visibleToPublic: boolean;
  reasonHidden: string | null;
  publishedOn?: string | null;
  publicUntil?: string | null;
}
interface PenaltyView {
  id: string;
  decisionNumber: string;
  state: string;
  disputed: boolean;
  publication: Publication;
}
interface ListingView {
  id: string;
  state: string;
  removal: { removedOn: string; reason: string } | null;
  publication: Publication;
}
interface Profile {
  enterprise: {
    name: string;
    penalties: PenaltyView[] | null;
    abnormalOperations: ListingView[] | null;
    seriousViolations: { id: string }[] | null;
    creditRepairs: { status: string }[] | null;
    sanctionSummary: { penaltiesInLast3Years: number; finesInLast3Years: number; currentlyAbnormal: boolean; disputedRecords: number };
  };
}

const PROFILE = /* GraphQL */ `
  query Profile($uscc: String!, $asOf: Date) {
    enterprise(uscc: $uscc) {
      name
      penalties(asOf: $asOf) { id decisionNumber state disputed publication { visibleToPublic reasonHidden publishedOn publicUntil } }
      abnormalOperations(asOf: $asOf) { id state removal { removedOn reason } publication { visibleToPublic reasonHidden } }
      seriousViolations(asOf: $asOf) { id }
      creditRepairs { status }
      sanctionSummary { penaltiesInLast3Years finesInLast3Years currentlyAbnormal disputedRecords }
    }
  }
`;

const RECORD_PENALTY = /* GraphQL */ `
  mutation($input: RecordPenaltyInput!) {
    recordPenalty(input: $input) { id decisionNumber state department publication { publishedOn publicUntil visibleToPublic } }
  }
`;
const LIST_ABNORMAL = /* GraphQL */ `
  mutation($input: ListAbnormalOperationInput!) { listAbnormalOperation(input: $input) { id state currentlyListed } }
`;
const REMOVE_ABNORMAL = /* GraphQL */ `
  mutation($id: ID!) {
    removeAbnormalOperation(id: $id, reason: INFORMATION_CORRECTED, removal: { authority: "山西省市场监督管理局", decisionReference: "晋市监移〔2025〕3号" }) {
      state removal { removedOn reason }
    }
  }
`;
const FILE_REPAIR = /* GraphQL */ `
  mutation($kind: SanctionRecordKind!, $id: ID!) {
    fileCreditRepair(input: { targetKind: $kind, targetId: $id, statement: "已更正并缴清罚没款", obligationsFulfilled: true }) {
      id status eligibility { eligible eligibleFrom reasons }
    }
  }
`;
const DECIDE_REPAIR = /* GraphQL */ `
  mutation($id: ID!, $decision: RepairDecision!) {
    decideCreditRepair(id: $id, decision: $decision, reason: "符合修复条件", decisionReference: "晋信修〔2025〕1号") { id status decidedOn }
  }
`;

describe.each(testDatabaseKinds())('sanctions through the gateway (%s)', (kind) => {
  let stack: Stack;
  let today = REFERENCE_DATE;
  const seeded = Array.from({ length: SEEDED }, (_, index) => enterpriseAt(index, { referenceDate: REFERENCE_DATE }));
  const clean = seeded.filter((e) => {
    const records = sanctionsFor(e, { referenceDate: REFERENCE_DATE });
    return (
      e.regionCode.startsWith('14') && records.penalties.length + records.abnormalOperations.length + records.seriousViolations.length === 0
    );
  });
  const subject = clean[0];
  const second = clean[1];
  let regulator: string;

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => today });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, SEEDED, { referenceDate: REFERENCE_DATE });
    await seedSanctions(stack.database<SanctionsDatabase>('sanctions').db, SEEDED, { referenceDate: REFERENCE_DATE });
    regulator = await stack.token({ role: 'regulator', region: '140000', dept: 'ZFJC', sub: 'zhang.wei' });
  });
  afterAll(() => stack?.stop());

  const profile = async (uscc: string, options: { token?: string; asOf?: string } = {}) => {
    const result = await stack.query<Profile>(PROFILE, { uscc, asOf: options.asOf ?? null }, options.token ? { token: options.token } : {});
    expect(result.errors).toBeUndefined();
    if (!result.data?.enterprise) throw new Error('no profile');
    return result.data.enterprise;
  };
  const as = <T>(response: GraphQLResponse<T>): T => {
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('no data');
    return response.data;
  };

  it('shows seeded penalties exactly through the last day of publication', async () => {
    // Seed index 7 carries the boundary case "3-month publication ends on the reference day".
    const boundary = seeded[7];
    if (!boundary) throw new Error('no boundary enterprise');
    const [penalty] = sanctionsFor(boundary, { referenceDate: REFERENCE_DATE }).penalties;
    today = REFERENCE_DATE;
    const onLastDay = await profile(boundary.uscc);
    expect(onLastDay.penalties?.map((p) => p.decisionNumber)).toContain(penalty?.decisionNumber);
    expect(onLastDay.penalties?.find((p) => p.decisionNumber === penalty?.decisionNumber)?.publication.publicUntil).toBe(REFERENCE_DATE);
    today = addDays(REFERENCE_DATE, 1);
    const dayAfter = await profile(boundary.uscc);
    expect(dayAfter.penalties?.map((p) => p.decisionNumber)).not.toContain(penalty?.decisionNumber);
    const regulatorView = await profile(boundary.uscc, { token: await stack.token({ role: 'analyst' }) });
    expect(regulatorView.penalties?.find((p) => p.decisionNumber === penalty?.decisionNumber)?.publication).toMatchObject({
      visibleToPublic: false,
      reasonHidden: 'PERIOD_ENDED',
    });
  });

  it('records a penalty, lists the enterprise, and repairs both exactly as the rules allow', async () => {
    if (!subject) throw new Error('no clean Shanxi enterprise in the seed');
    // Step 1 — record the penalty (published today; 3 years because of the confiscation).
    today = '2025-03-03';
    const recorded = as(
      await stack.query<{ recordPenalty: { id: string; department: string; publication: Publication } }>(
        RECORD_PENALTY,
        {
          input: {
            uscc: subject.uscc,
            decisionNumber: '晋市监处罚[2025]9001号',
            decidedOn: '2025-02-28',
            authority: '山西省市场监督管理局',
            violationType: '销售失效、变质的商品',
            factsSummary: '当事人销售超过保质期的食品。',
            legalBasis: '《中华人民共和国消费者权益保护法》第五十六条',
            penaltyTypes: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'],
            fineAmount: 50000,
            confiscationAmount: 3200,
            caseDomain: 'CONSUMER_RIGHTS',
          },
        },
        { token: regulator },
      ),
    ).recordPenalty;
    expect(recorded).toMatchObject({
      department: 'ZFJC',
      publication: { publishedOn: '2025-03-03', publicUntil: '2028-03-03', visibleToPublic: true },
    });
    const afterPenalty = await profile(subject.uscc);
    expect(afterPenalty.penalties?.map((p) => p.decisionNumber)).toEqual(['晋市监处罚〔2025〕9001号']);
    expect(afterPenalty.sanctionSummary).toMatchObject({ penaltiesInLast3Years: 1, finesInLast3Years: 50000, currentlyAbnormal: false });
    expect(afterPenalty.creditRepairs).toBeNull();

    // Step 2 — list it on the abnormal-operations list; the public sees the listing.
    const listing = as(
      await stack.query<{ listAbnormalOperation: { id: string; currentlyListed: boolean } }>(
        LIST_ABNORMAL,
        {
          input: {
            uscc: subject.uscc,
            reason: 'FALSE_INFORMATION',
            authority: '山西省市场监督管理局',
            decisionReference: '晋市监异〔2025〕7号',
          },
        },
        { token: regulator },
      ),
    ).listAbnormalOperation;
    expect(listing.currentlyListed).toBe(true);
    expect((await profile(subject.uscc)).sanctionSummary.currentlyAbnormal).toBe(true);

    // Step 3 — the cause is cured: removed; listing and removal both stay public.
    today = '2025-06-01';
    as(await stack.query(REMOVE_ABNORMAL, { id: listing.id }, { token: regulator }));
    const afterRemoval = await profile(subject.uscc);
    expect(afterRemoval.abnormalOperations).toEqual([
      expect.objectContaining({ state: 'REMOVED', removal: { removedOn: '2025-06-01', reason: 'INFORMATION_CORRECTED' } }),
    ]);
    expect(afterRemoval.sanctionSummary.currentlyAbnormal).toBe(false);

    // Step 4 — a penalty repair before 6 full months of publication is refused, and nothing is stored.
    for (const day of ['2025-06-01', '2025-09-03']) {
      today = day;
      const early = await stack.query(FILE_REPAIR, { kind: 'PENALTY', id: recorded.id }, { token: regulator });
      expect(early.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NOT_ELIGIBLE',
        reasons: ['MINIMUM_PERIOD_NOT_MET'],
        eligibleFrom: '2025-09-04',
      });
    }
    expect((await profile(subject.uscc, { token: regulator })).creditRepairs).toEqual([]);

    // Step 5 — the abnormal listing is repaired: the public no longer sees the listing or its removal.
    today = '2025-06-01';
    const listingRepair = as(
      await stack.query<{ fileCreditRepair: { id: string } }>(
        FILE_REPAIR,
        { kind: 'ABNORMAL_OPERATION', id: listing.id },
        { token: regulator },
      ),
    ).fileCreditRepair;
    as(await stack.query(DECIDE_REPAIR, { id: listingRepair.id, decision: 'APPROVED' }, { token: regulator }));
    expect((await profile(subject.uscc)).abnormalOperations).toEqual([]);
    expect((await profile(subject.uscc, { token: regulator })).abnormalOperations).toEqual([
      expect.objectContaining({
        state: 'REPAIRED',
        removal: { removedOn: '2025-06-01', reason: 'INFORMATION_CORRECTED' },
        publication: { visibleToPublic: false, reasonHidden: 'REPAIRED' },
      }),
    ]);

    // Step 6 — on the first day after 6 full months the application is accepted and awaits a decision.
    today = '2025-09-04';
    const repair = as(
      await stack.query<{ fileCreditRepair: { id: string; status: string; eligibility: { eligible: boolean } } }>(
        FILE_REPAIR,
        { kind: 'PENALTY', id: recorded.id },
        { token: regulator },
      ),
    ).fileCreditRepair;
    expect(repair).toMatchObject({ status: 'PENDING', eligibility: { eligible: true } });
    const awaiting = as(
      await stack.query<{ creditRepairsAwaitingDecision: { edges: { node: { id: string } }[] } }>(
        '{ creditRepairsAwaitingDecision(regionCode: "14") { edges { node { id } } } }',
        {},
        { token: regulator },
      ),
    );
    expect(awaiting.creditRepairsAwaitingDecision.edges.map((e) => e.node.id)).toContain(repair.id);
    expect((await profile(subject.uscc)).penalties).toHaveLength(1);

    // Step 7 — approved: the public profile loses the penalty; the regulator still sees it, repaired.
    as(await stack.query(DECIDE_REPAIR, { id: repair.id, decision: 'APPROVED' }, { token: regulator }));
    const publicView = await profile(subject.uscc);
    expect(publicView.penalties).toEqual([]);
    expect(publicView.sanctionSummary).toMatchObject({ penaltiesInLast3Years: 0, finesInLast3Years: 0 });
    const lookup = await stack.query<{ penaltyByDecisionNumber: unknown }>(
      '{ penaltyByDecisionNumber(decisionNumber: "晋市监处罚〔2025〕9001号") { id } }',
    );
    expect(lookup.data?.penaltyByDecisionNumber).toBeNull();
    const regulatorView = await profile(subject.uscc, { token: regulator });
    expect(regulatorView.penalties).toEqual([
      expect.objectContaining({
        state: 'REPAIRED',
        publication: expect.objectContaining({ visibleToPublic: false, reasonHidden: 'REPAIRED' }),
      }),
    ]);
    expect(regulatorView.creditRepairs?.map((r) => r.status)).toEqual(['APPROVED', 'APPROVED']);
    const history = as(
      await stack.query<{ penaltyByDecisionNumber: { history: { action: string; actor: string; decisionReference: string | null }[] } }>(
        '{ penaltyByDecisionNumber(decisionNumber: "晋市监处罚〔2025〕9001号") { history { action actor decisionReference } } }',
        {},
        { token: regulator },
      ),
    );
    expect(history.penaltyByDecisionNumber.history).toEqual([
      { action: 'RECORDED', actor: 'zhang.wei', decisionReference: '晋市监处罚〔2025〕9001号' },
      { action: 'REPAIRED', actor: 'zhang.wei', decisionReference: '晋信修〔2025〕1号' },
    ]);

    // asOf: for the regulator the penalty was in force from its decision day; the public sees no day of it any more.
    expect((await profile(subject.uscc, { token: regulator, asOf: '2025-02-27' })).penalties).toEqual([]);
    expect((await profile(subject.uscc, { token: regulator, asOf: '2025-02-28' })).penalties).toHaveLength(1);
    expect((await profile(subject.uscc, { asOf: '2025-04-01' })).penalties).toEqual([]);
    expect((await profile(subject.uscc, { token: regulator, asOf: '2025-05-31' })).abnormalOperations).toHaveLength(1);
    expect((await profile(subject.uscc, { token: regulator, asOf: '2025-06-01' })).abnormalOperations).toEqual([]);
  });

  it('answers asOf for the public: published that day and not repaired', async () => {
    if (!second) throw new Error('no second clean enterprise');
    today = '2025-03-10';
    const recorded = as(
      await stack.query<{ recordPenalty: { id: string } }>(
        RECORD_PENALTY,
        {
          input: {
            uscc: second.uscc,
            decisionNumber: '晋市监处罚〔2025〕9002号',
            decidedOn: '2025-03-05',
            publishedOn: '2025-03-07',
            authority: '山西省市场监督管理局',
            violationType: '对商品作虚假或者引人误解的商业宣传',
            factsSummary: '当事人在网店页面作虚假宣传。',
            legalBasis: '《中华人民共和国反不正当竞争法》第二十条',
            // 通报批评 alone is published 3 months everywhere; a fine is "lower" only under a provincial
            // threshold, and Shanxi has none (第十三条, 闽市监规〔2024〕3号), so an 8 000-yuan fine is now 3 years.
            penaltyTypes: ['CIRCULATED_CRITICISM'],
            caseDomain: 'FAIR_COMPETITION',
          },
        },
        { token: regulator },
      ),
    ).recordPenalty;
    today = '2025-07-01';
    const days = { '2025-03-06': 0, '2025-03-07': 1, '2025-06-07': 1, '2025-06-08': 0 } as const;
    for (const [asOf, expected] of Object.entries(days)) {
      expect((await profile(second.uscc, { asOf })).penalties?.length, asOf).toBe(expected);
    }
    expect((await profile(second.uscc)).penalties).toEqual([]);
    expect((await profile(second.uscc, { token: regulator })).penalties?.map((p) => p.id)).toEqual([recorded.id]);
    const future = await stack.query(PROFILE, { uscc: second.uscc, asOf: '2025-07-02' });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });

  it('lets only the producing department of the region change a record; a refused write changes nothing', async () => {
    if (!second) throw new Error('no second clean enterprise');
    today = '2025-07-01';
    const found = as(
      await stack.query<{ penaltyByDecisionNumber: { id: string } }>(
        '{ penaltyByDecisionNumber(decisionNumber: "晋市监处罚〔2025〕9002号") { id } }',
        {},
        { token: regulator },
      ),
    ).penaltyByDecisionNumber;
    const revoke =
      'mutation($id: ID!) { revokePenalty(id: $id, decision: { reason: "适用法律错误", decisionReference: "晋市监撤〔2025〕1号" }) { state } }';
    const otherDepartment = await stack.token({ role: 'regulator', region: '140000', dept: 'DJZC' });
    const otherRegion = await stack.token({ role: 'regulator', region: '430000', dept: 'ZFJC' });
    expect((await stack.query(revoke, { id: found.id }, { token: otherDepartment })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Another region's regulator cannot read this unpublished record at all, so it is not found for it.
    expect((await stack.query(revoke, { id: found.id }, { token: otherRegion })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await stack.query(revoke, { id: found.id }, { token: await stack.token({ role: 'analyst' }) })).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await stack.query(revoke, { id: found.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unchanged = await profile(second.uscc, { token: regulator });
    expect(unchanged.penalties?.[0]?.state).toBe('IN_FORCE');

    // An objection makes the record disputed; an invalid correction rolls the whole resolution back.
    const objection = as(
      await stack.query<{ recordObjection: { id: string; status: string } }>(
        'mutation($id: ID!) { recordObjection(input: { targetKind: PENALTY, targetId: $id, grounds: "罚款金额计算有误" }) { id status } }',
        { id: found.id },
        { token: regulator },
      ),
    ).recordObjection;
    expect((await profile(second.uscc, { token: regulator })).penalties?.[0]?.disputed).toBe(true);
    const resolve =
      'mutation($id: ID!, $outcome: ObjectionOutcome!, $correction: PenaltyChangesInput) { resolveObjection(id: $id, outcome: $outcome, reason: "复核", decisionReference: "晋市监异议〔2025〕2号", correction: $correction) { status } }';
    const invalid = await stack.query(
      resolve,
      { id: objection.id, outcome: 'UPHELD_CORRECTED', correction: { fineAmount: -1 } },
      { token: regulator },
    );
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'correction.fineAmount' });
    const still = await profile(second.uscc, { token: regulator });
    expect(still.penalties?.[0]).toMatchObject({ state: 'IN_FORCE', disputed: true });
    const revoked = as(
      await stack.query<{ resolveObjection: { status: string } }>(
        resolve,
        { id: objection.id, outcome: 'UPHELD_REVOKED' },
        { token: regulator },
      ),
    );
    expect(revoked.resolveObjection.status).toBe('UPHELD_REVOKED');
    const after = await profile(second.uscc, { token: regulator });
    expect(after.penalties?.[0]).toMatchObject({
      state: 'REVOKED',
      disputed: false,
      publication: { visibleToPublic: false, reasonHidden: 'WITHDRAWN' },
    });
  });

  it('rejects malformed decision numbers and duplicate ones', async () => {
    if (!subject) throw new Error('no subject');
    today = '2025-07-01';
    const input = {
      uscc: subject.uscc,
      // Any text with a year in brackets and a number before 号 is a decision number (运市监罚字〔2024〕3号);
      // without the bracketed year it is not.
      decisionNumber: '晋市监罚2025年1号',
      decidedOn: '2025-06-20',
      authority: '山西省市场监督管理局',
      violationType: '发布虚假广告',
      factsSummary: '事实',
      legalBasis: '《中华人民共和国广告法》第五十五条',
      penaltyTypes: ['WARNING'],
      caseDomain: 'OTHER',
    };
    const malformed = await stack.query(RECORD_PENALTY, { input }, { token: regulator });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decisionNumber', reason: 'FORMAT' });
    const warning = as(
      await stack.query<{ recordPenalty: { publication: Publication } }>(
        RECORD_PENALTY,
        { input: { ...input, decisionNumber: '晋市监处罚〔2025〕9003号' } },
        { token: regulator },
      ),
    );
    expect(warning.recordPenalty.publication).toMatchObject({ publishedOn: null, publicUntil: null, visibleToPublic: false });
    const duplicate = await stack.query(
      RECORD_PENALTY,
      { input: { ...input, decisionNumber: '晋市监处罚〔2025〕9003号' } },
      { token: regulator },
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('costs the same SQL statements in sanctions for 100 enterprises as for 1', async () => {
    today = REFERENCE_DATE;
    const analyst = await stack.token({ role: 'analyst' });
    const query = /* GraphQL */ `
      query($c: [String!]!) {
        enterprises(usccs: $c) {
          uscc
          penalties { decisionNumber disputed publication { visibleToPublic } history { action } }
          abnormalOperations { listedOn removal { removedOn } dueForEscalation }
          seriousViolations(asOf: "2025-01-01") { listedOn removal { reason } }
          creditRepairs { status }
          sanctionSummary { penaltiesInLast3Years currentlySerious }
        }
      }
    `;
    const one = await stack.countStatements(() => stack.query(query, { c: [seeded[0]?.uscc] }, { token: analyst }));
    const hundred = await stack.countStatements(() =>
      stack.query(query, { c: seeded.slice(0, 100).map((e) => e.uscc) }, { token: analyst }),
    );
    expect(hundred.result.errors).toBeUndefined();
    expect(one.statements.sanctions).toBeGreaterThan(0);
    expect(hundred.statements.sanctions).toBe(one.statements.sanctions);
  });

  it('lists abnormal listings due for escalation to supervisors only', async () => {
    today = REFERENCE_DATE;
    const query =
      '{ abnormalListingsDueForEscalation(first: 100) { totalCount edges { node { listedOn dueForEscalation escalationDueOn } } } }';
    const anonymous = await stack.query(query);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const result = as(
      await stack.query<{
        abnormalListingsDueForEscalation: { totalCount: number; edges: { node: { dueForEscalation: boolean; escalationDueOn: string } }[] };
      }>(query, {}, { token: await stack.token({ role: 'analyst' }) }),
    );
    for (const edge of result.abnormalListingsDueForEscalation.edges) {
      expect(edge.node.dueForEscalation).toBe(true);
      expect(edge.node.escalationDueOn <= REFERENCE_DATE).toBe(true);
    }
    expect(result.abnormalListingsDueForEscalation.totalCount).toBe(result.abnormalListingsDueForEscalation.edges.length);
  });
});
