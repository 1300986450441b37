import { testDatabaseKinds } from '@credit-hub/db';
import { classifyMonth, gatewayReaderFromEnv, loadEnv, loadModelFile, type RiskDatabase } from '@credit-hub/risk';
import { usccFor } from '@credit-hub/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, type Stack, startStack, TEST_ENV } from './support/stack.ts';

/**
 * Done-when of issue 11: a Yuncheng special-equipment regulator creates a task for special-equipment
 * user units, draws (D and C heavily, A rarely), confirms, records two results (one 不合格 sampling
 * test), publishes them; the public sees them, and the next month's classification reflects it.
 */
const TODAY = '2026-12-15';
const COUNTIES = ['140802', '140821', '140822'] as const;
const CLASSES = ['A', 'B', 'C', 'D'] as const;
/** 40 user units, 10 per class, spread over three counties; one producer that also uses equipment. */
const UNITS = Array.from({ length: 40 }, (_, index) => ({
  uscc: usccFor('91', COUNTIES[index % 3] as string, `MA0JC${String(index).padStart(3, '0')}`),
  regionCode: COUNTIES[index % 3] as string,
  riskClass: CLASSES[index % 4] as string,
}));
const PRODUCER = { uscc: usccFor('91', '140802', 'MA0JCP01'), regionCode: '140802' };
const OUTSIDER = usccFor('91', '140802', 'MA0JCX01');

const codeOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;

const DRAW_FIELDS =
  'id seed status poolSize poolDigest keySupervisionCount inspectorLoads { inspectorId assignments } classes { riskClass pool drawn } enterprises { uscc riskClass selection onSite inspectors { id regionCode } }';
interface Draw {
  id: number;
  seed: number;
  status: string;
  poolSize: number;
  poolDigest: string;
  keySupervisionCount: number;
  inspectorLoads: { inspectorId: number; assignments: number }[];
  classes: { riskClass: string; pool: number; drawn: number }[];
  enterprises: {
    uscc: string;
    riskClass: string | null;
    selection: string;
    onSite: boolean;
    inspectors: { id: number; regionCode: string }[];
  }[];
}
const RUN_DRAW = `mutation($taskId: Int!, $seed: Int) { runInspectionDraw(taskId: $taskId, seed: $seed) { ${DRAW_FIELDS} } }`;
const CONFIRM = `mutation($id: Int!) { confirmInspectionDraw(drawId: $id) { ${DRAW_FIELDS} } }`;
const RECORD =
  'mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id result resultText publication { published nationalPublicityDeadline doublePublicityDeadline } } }';
const PUBLISH = 'mutation($id: Int!) { publishInspection(id: $id) { id publication { published publishedOn } } }';
const PUBLIC_VIEW =
  'query($uscc: String!) { enterprise(uscc: $uscc) { inspections { id result samplingOutcome findings inspectors { id } } inspectionSummary { inspections failures } } }';
const RISK =
  'query($uscc: String!) { enterprise(uscc: $uscc) { creditRisk(month: "2026-12") { score modelVersion indicators { key value contribution } } } }';

describe.each(testDatabaseKinds())('inspections: 双随机一公开 through the gateway (%s)', (kind) => {
  let stack: Stack;
  let regulator: string;
  let admin: string;
  let analyst: string;
  let taskId: number;
  let draw: Draw;
  const inspectorIds: number[] = [];

  const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await stack.query<T>(query, variables, token ? { token } : {});
    return response;
  };
  const ok = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const response = await gql<T>(query, variables, token);
    expect(response.errors).toBeUndefined();
    return response.data as T;
  };
  const classify = () =>
    classifyMonth({
      db: stack.database<RiskDatabase>('risk').db,
      reader: gatewayReaderFromEnv(loadEnv({ ...TEST_ENV }), stack.gatewayUrl),
      versions: loadModelFile(loadEnv({ ...TEST_ENV }).RISK_MODEL_FILE),
      month: '2026-12',
      today: TODAY,
      startedBy: 'test',
    });
  const riskOf = async (uscc: string) =>
    (
      await ok<{
        enterprise: {
          creditRisk: { score: number; modelVersion: string; indicators: { key: string; value: number; contribution: number }[] };
        };
      }>(RISK, { uscc }, analyst)
    ).enterprise.creditRisk;

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => TODAY });
    regulator = await stack.token({ role: 'regulator', region: '140800', dept: 'TSSB' });
    admin = await stack.token({ role: 'admin' });
    analyst = await stack.token({ role: 'analyst' });
    const equipment = (uscc: string, index: number) => ({
      registrationCode: `31101408${String(index).padStart(6, '0')}`,
      certificateNumber: `容17晋M${String(index).padStart(5, '0')}(26)`,
      equipmentCode: `EQ${index}`,
      equipmentCategory: '压力容器',
      equipmentKind: '固定式压力容器',
      equipmentVariety: '储气罐',
      model: 'C-1.0/0.8',
      productNumber: `P${index}`,
      manufacturedOn: '2024-01-10',
      userUscc: uscc,
      installationSite: '厂区东侧',
      firstUsedOn: '2024-03-01',
      registrationAuthority: '运城市市场监督管理局',
    });
    const REGISTER =
      'mutation($input: RecordEquipmentRegistrationInput!) { recordEquipmentRegistration(input: $input) { registrationCode } }';
    for (const [index, unit] of [...UNITS, { ...PRODUCER, riskClass: 'B' }].entries()) {
      await stack.registerEnterprise(unit.uscc, { regionCode: unit.regionCode, establishedOn: '2015-03-01' });
      await ok(REGISTER, { input: equipment(unit.uscc, index) }, regulator);
    }
    await stack.registerEnterprise(OUTSIDER, { regionCode: '140802', establishedOn: '2015-03-01' });
    await ok(
      'mutation($input: GrantLicenseInput!) { grantLicense(input: $input) { number } }',
      {
        input: {
          number: 'TS2214088-2030',
          kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
          holderUscc: PRODUCER.uscc,
          items: [{ activity: 'MANUFACTURE', category: '压力容器' }],
          authority: { name: '山西省市场监督管理局', regionCode: '140000' },
          decisionReference: '晋市监特许〔2026〕8号',
          issuedOn: '2026-06-01',
          validFrom: '2026-06-01',
        },
      },
      regulator,
    );
    const csv = ['统一社会信用代码,风险类别,月份', ...UNITS.map((unit) => `${unit.uscc},${unit.riskClass},2026-11`)].join('\n');
    await ok('mutation($csv: String!) { importRiskClasses(csv: $csv, fileName: "省局2026年11月.csv") { accepted } }', { csv }, admin);
    for (const [index, county] of [...COUNTIES, ...COUNTIES].entries()) {
      const created = await ok<{ createInspector: { id: number } }>(
        'mutation($input: CreateInspectorInput!) { createInspector(input: $input) { id } }',
        { input: { name: `检查员${index}`, certificate: `1408${index}`, regionCode: county } },
        regulator,
      );
      inspectorIds.push(created.createInspector.id);
    }
  }, 300_000); // the whole hub and its data: over 2 minutes on a loaded 2-core machine

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates a plan and a task for special-equipment user units, with ratios per class', async () => {
    const plan = await ok<{ createInspectionPlan: { id: number; regionCode: string } }>(
      'mutation { createInspectionPlan(input: { year: 2026, name: "2026年运城市特种设备双随机抽查计划" }) { id regionCode } }',
      {},
      regulator,
    );
    expect(plan.createInspectionPlan.regionCode).toBe('140800');
    const input = {
      planId: plan.createInspectionPlan.id,
      name: '特种设备使用单位监督抽检',
      item: '压力容器安全附件抽检',
      kind: 'SAMPLING',
      equipmentUsers: true,
      ratios: { a: 10, b: 30, c: 60, d: 100, unclassified: 0 },
      windowFrom: '2026-12-01',
      windowTo: '2026-12-31',
    };
    const refused = await gql(
      'mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) { id } }',
      { input: { ...input, ratios: { ...input.ratios, a: 10.555 } } },
      regulator,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ratios.a', reason: 'PRECISION' });
    const other = await stack.token({ role: 'regulator', region: '140800', dept: 'SPSC' });
    expect(
      codeOf(await gql('mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) { id } }', { input }, other)),
    ).toBe('FORBIDDEN');
    const task = await ok<{ createInspectionTask: { id: number } }>(
      'mutation($input: CreateInspectionTaskInput!) { createInspectionTask(input: $input) { id } }',
      { input },
      regulator,
    );
    taskId = task.createInspectionTask.id;
  });

  it('draws D and C heavily and A rarely, producers as key supervision, reproducibly from the seed', async () => {
    draw = (await ok<{ runInspectionDraw: Draw }>(RUN_DRAW, { taskId, seed: 2026 }, regulator)).runInspectionDraw;
    expect(draw.poolSize).toBe(41);
    const count = (riskClass: string) => draw.classes.find((entry) => entry.riskClass === riskClass);
    // 10 per class: ceil(10 × 10 %) = 1 A, ceil(10 × 30 %) = 3 B, 6 C, all 10 D; the producer (no class) is key supervision.
    expect(count('A')).toEqual({ riskClass: 'A', pool: 10, drawn: 1 });
    expect(count('B')).toEqual({ riskClass: 'B', pool: 10, drawn: 3 });
    expect(count('C')).toEqual({ riskClass: 'C', pool: 10, drawn: 6 });
    expect(count('D')).toEqual({ riskClass: 'D', pool: 10, drawn: 10 });
    expect(draw.keySupervisionCount).toBe(1);
    // The department's first confirmed draw of the year: nobody carried a workload into it.
    expect(draw.inspectorLoads).toEqual([]);
    expect(draw.enterprises.find((entry) => entry.uscc === PRODUCER.uscc)?.selection).toBe('KEY_SUPERVISION');
    expect(draw.enterprises.map((entry) => entry.uscc)).not.toContain(OUTSIDER);
    const county = Object.fromEntries(UNITS.map((unit) => [unit.uscc, unit.regionCode]));
    for (const entry of draw.enterprises) {
      expect(entry.inspectors).toHaveLength(2);
      for (const inspector of entry.inspectors) if (county[entry.uscc]) expect(inspector.regionCode).not.toBe(county[entry.uscc]);
      expect(entry.onSite).toBe(entry.riskClass !== 'A');
    }
    const again = (await ok<{ runInspectionDraw: Draw }>(RUN_DRAW, { taskId, seed: 2026 }, regulator)).runInspectionDraw;
    expect(again.enterprises).toEqual(draw.enterprises);
    expect(again.poolDigest).toBe(draw.poolDigest);
    draw = again;
    const confirmed = (await ok<{ confirmInspectionDraw: Draw }>(CONFIRM, { id: draw.id }, regulator)).confirmInspectionDraw;
    expect(confirmed.status).toBe('CONFIRMED');
    expect(codeOf(await gql(RUN_DRAW, { taskId, seed: 1 }, regulator))).toBe('CONFLICT');
    expect(codeOf(await gql(RUN_DRAW, { taskId }))).toBe('UNAUTHENTICATED');
    // The lean code list the pool is read with is for supervisors and services, not for bulk scraping.
    const CODES = '{ enterpriseCodes(first: 3000, filter: { regionCode: "1408" }) { codes hasNextPage } }';
    expect(codeOf(await gql(CODES, {}))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(CODES, {}, await stack.token({ role: 'platform' })))).toBe('FORBIDDEN');
    expect((await ok<{ enterpriseCodes: { codes: string[] } }>(CODES, {}, analyst)).enterpriseCodes.codes).toHaveLength(UNITS.length + 2);
    expect(
      (await gql('query($id: Int!) { inspectionTask(id: $id) { id } }', { id: taskId }, await stack.token({ role: 'platform' }))).errors,
    ).toBeDefined();
  });

  it('serves the pool’s lean reads (classes, licence holders, user units) to supervisors and services only, within what each may see', async () => {
    const codes = [...UNITS.map((unit) => unit.uscc), PRODUCER.uscc, OUTSIDER];
    const CLASSES_OF = 'query($usccs: [String!]!) { riskClassesOf(usccs: $usccs) { codes classes } }';
    const classes = (await ok<{ riskClassesOf: { codes: string[]; classes: string[] } }>(CLASSES_OF, { usccs: codes }, analyst))
      .riskClassesOf;
    // Classified units only, in code order, each with the class creditRisk gives.
    const classified = UNITS.filter((unit) => unit.riskClass).sort((a, b) => (a.uscc < b.uscc ? -1 : 1));
    expect(classes.codes).toEqual(classified.map((unit) => unit.uscc));
    expect(classes.classes).toEqual(classified.map((unit) => unit.riskClass));
    expect(codeOf(await gql(CLASSES_OF, { usccs: codes }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(CLASSES_OF, { usccs: codes }, await stack.token({ role: 'platform' })))).toBe('FORBIDDEN');
    const fujian = await stack.token({ role: 'regulator', region: '350100', dept: 'TSSB' });
    expect(codeOf(await gql(CLASSES_OF, { usccs: codes }, fujian))).toBe('FORBIDDEN');
    expect((await ok<{ riskClassesOf: { codes: string[] } }>(CLASSES_OF, { usccs: codes }, regulator)).riskClassesOf.codes).toHaveLength(
      classified.length,
    );

    const HOLDERS = 'query($usccs: [String!]!) { licenceHoldersAmong(usccs: $usccs, kinds: [SPECIAL_EQUIPMENT_PRODUCTION]) }';
    const USERS = 'query($usccs: [String!]!) { equipmentUsersAmong(usccs: $usccs) }';
    expect((await ok<{ licenceHoldersAmong: string[] }>(HOLDERS, { usccs: codes }, analyst)).licenceHoldersAmong).toEqual([PRODUCER.uscc]);
    expect((await ok<{ equipmentUsersAmong: string[] }>(USERS, { usccs: codes }, analyst)).equipmentUsersAmong).toEqual(
      [...UNITS.map((unit) => unit.uscc), PRODUCER.uscc].sort(),
    );
    expect(codeOf(await gql(HOLDERS, { usccs: codes }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(USERS, { usccs: codes }, await stack.token({ role: 'platform' })))).toBe('FORBIDDEN');
    // Over 3 000 codes is refused before anything is read.
    const many = Array.from({ length: 3001 }, () => OUTSIDER);
    expect(codeOf(await gql(USERS, { usccs: many }, analyst))).toBe('BAD_USER_INPUT');
  });

  it('records two results, publishes them; the public sees them only then; the next classification reflects the failure', async () => {
    const failing = draw.enterprises.find((entry) => entry.riskClass === 'C');
    const passing = draw.enterprises.find((entry) => entry.riskClass === 'D');
    if (!failing || !passing) throw new Error('the draw has no C or D enterprise');
    const before = await classify();
    expect(before.modelVersion).toBe('example-2026.2');
    const scoreBefore = (await riskOf(failing.uscc)).score;

    const result = (uscc: string, outcome: 'QUALIFIED' | 'UNQUALIFIED', inspectors: number[]) => ({
      uscc,
      taskId,
      result: outcome === 'UNQUALIFIED' ? 'UNQUALIFIED' : 'NO_PROBLEM',
      samplingItem: '安全阀整定压力',
      samplingStandard: 'TSG 21-2016',
      samplingOutcome: outcome,
      inspectedOn: '2026-12-10',
      inspectorIds: inspectors,
      findings: outcome === 'UNQUALIFIED' ? '安全阀整定压力超出允许偏差' : null,
      rectificationDeadline: outcome === 'UNQUALIFIED' ? '2027-01-10' : null,
    });
    const failingIds = failing.inspectors.map((inspector) => inspector.id);
    const mismatch = await gql(RECORD, { input: { ...result(failing.uscc, 'UNQUALIFIED', failingIds), result: 'NO_PROBLEM' } }, regulator);
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SAMPLING_MISMATCH' });
    const notDrawn = await gql(RECORD, { input: result(OUTSIDER, 'QUALIFIED', failingIds) }, regulator);
    expect(notDrawn.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_DRAWN' });
    const unqualified = await ok<{
      recordInspection: {
        id: number;
        resultText: string;
        publication: { published: boolean; nationalPublicityDeadline: string; doublePublicityDeadline: string };
      };
    }>(RECORD, { input: result(failing.uscc, 'UNQUALIFIED', failingIds) }, regulator);
    expect(unqualified.recordInspection.resultText).toBe('不合格（检验/抽检）');
    // 2026-12-10 + 7 working days = 2026-12-21; + 20 working days = 2027-01-08 (1 January a holiday).
    expect(unqualified.recordInspection.publication).toMatchObject({ published: false, doublePublicityDeadline: '2026-12-21' });
    const qualified = await ok<{ recordInspection: { id: number } }>(
      RECORD,
      {
        input: result(
          passing.uscc,
          'QUALIFIED',
          passing.inspectors.map((inspector) => inspector.id),
        ),
      },
      regulator,
    );

    const hidden = await ok<{ enterprise: { inspections: unknown[]; inspectionSummary: { inspections: number } } }>(PUBLIC_VIEW, {
      uscc: failing.uscc,
    });
    expect(hidden.enterprise.inspections).toEqual([]);
    expect(hidden.enterprise.inspectionSummary.inspections).toBe(0);

    for (const id of [unqualified.recordInspection.id, qualified.recordInspection.id]) await ok(PUBLISH, { id }, regulator);
    expect(codeOf(await gql(PUBLISH, { id: qualified.recordInspection.id }, regulator))).toBe('CONFLICT');
    const seen = await ok<{
      enterprise: {
        inspections: { result: string; samplingOutcome: string; findings: string | null; inspectors: unknown }[];
        inspectionSummary: { failures: number };
      };
    }>(PUBLIC_VIEW, { uscc: failing.uscc });
    expect(seen.enterprise.inspections).toEqual([
      { id: unqualified.recordInspection.id, result: 'UNQUALIFIED', samplingOutcome: 'UNQUALIFIED', findings: null, inspectors: null },
    ]);
    expect(seen.enterprise.inspectionSummary.failures).toBe(1);

    // The change feed: the platform sees the two publications with the public view (no findings,
    // no inspectors); the region's regulator also sees the recordings.
    const FEED = '{ changes(first: 200, kinds: ["inspection.recorded", "inspection.published"]) { events { kind uscc payload } } }';
    type Feed = { changes: { events: { kind: string; uscc: string; payload: string }[] } };
    const platformFeed = (await ok<Feed>(FEED, {}, await stack.token({ role: 'platform' }))).changes.events;
    expect(platformFeed.map((event) => event.kind)).toEqual(['inspection.published', 'inspection.published']);
    const published = JSON.parse(platformFeed.find((event) => event.uscc === failing.uscc)?.payload ?? 'null');
    expect(published).toMatchObject({ result: 'UNQUALIFIED', samplingOutcome: 'UNQUALIFIED' });
    expect(published).not.toHaveProperty('findings');
    expect(published).not.toHaveProperty('inspectorIds');
    const regulatorKinds = (await ok<Feed>(FEED, {}, regulator)).changes.events.map((event) => event.kind);
    expect(regulatorKinds.filter((kind) => kind === 'inspection.recorded')).toHaveLength(2);

    await classify();
    const after = await riskOf(failing.uscc);
    expect(after.indicators.find((indicator) => indicator.key === 'inspection_results')).toMatchObject({ value: 1 });
    expect(after.score).toBeGreaterThan(scoreBefore);
    const clean = (await riskOf(passing.uscc)).indicators.find((indicator) => indicator.key === 'inspection_results');
    expect(clean).toMatchObject({ value: 0, contribution: 0 });
  });

  it('verifies a 告知承诺 licence: the outcome goes to the licence through its owner’s mutation, as the caller', async () => {
    const holder = UNITS[5]?.uscc as string;
    await ok(
      'mutation($input: GrantLicenseInput!) { grantLicense(input: $input) { number } }',
      {
        input: {
          number: 'TS3114088-2030',
          kind: 'SPECIAL_EQUIPMENT_FILLING',
          holderUscc: holder,
          items: [{ activity: 'FILLING', category: '气瓶充装' }],
          authority: { name: '运城市市场监督管理局', regionCode: '140800' },
          decisionReference: '运市监特许〔2026〕9号',
          issuedOn: '2026-11-02',
          validFrom: '2026-11-02',
          grantedByCommitment: true,
        },
      },
      regulator,
    );
    const VERIFY =
      'mutation($input: VerifyLicenceCommitmentInput!) { verifyLicenceCommitment(input: $input) { id kind result licenseNumber commitmentOutcome } }';
    const input = {
      uscc: holder,
      licenseNumber: 'TS3114088-2030',
      outcome: 'NOT_MET',
      inspectedOn: '2026-12-11',
      inspectorIds: inspectorIds.slice(0, 2),
      findings: '充装人员未持证',
    };
    // Another department of the region: the licences subgraph refuses (谁产生、谁负责), nothing is recorded here.
    const food = await stack.token({ role: 'regulator', region: '140800', dept: 'SPSC' });
    const foodInspectors: number[] = [];
    for (const county of ['140802', '140821']) {
      foodInspectors.push(
        (
          await ok<{ createInspector: { id: number } }>(
            'mutation($input: CreateInspectorInput!) { createInspector(input: $input) { id } }',
            { input: { name: '食品检查员', certificate: `SP${county}`, regionCode: county } },
            food,
          )
        ).createInspector.id,
      );
    }
    const refused = await gql(VERIFY, { input: { ...input, inspectorIds: foodInspectors } }, food);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const verified = await ok<{ verifyLicenceCommitment: { kind: string; result: string; commitmentOutcome: string } }>(
      VERIFY,
      { input },
      regulator,
    );
    expect(verified.verifyLicenceCommitment).toMatchObject({
      kind: 'VERIFICATION',
      result: 'PROBLEM_CORRECTION_ORDERED',
      commitmentOutcome: 'NOT_MET',
    });
    const licence = await ok<{ license: { commitmentVerification: string; commitmentVerifiedOn: string } }>(
      'query { license(number: "TS3114088-2030") { commitmentVerification commitmentVerifiedOn } }',
      {},
      analyst,
    );
    expect(licence.license).toEqual({ commitmentVerification: 'NOT_MET', commitmentVerifiedOn: '2026-12-11' });
    const records = await ok<{ enterprise: { inspections: { kind: string }[] } }>(
      PUBLIC_VIEW.replace('id result', 'id kind result'),
      { uscc: holder },
      analyst,
    );
    expect(records.enterprise.inspections.filter((row) => row.kind === 'VERIFICATION')).toHaveLength(1);
  });

  it('verifies a credit commitment (信用承诺): written to sanctions as the caller; broken → on the profile, published', async () => {
    const holder = UNITS[6]?.uscc as string;
    const RECORD_COMMITMENT =
      'mutation($input: RecordVerifiableCommitmentInput!) { recordVerifiableCommitment(input: $input) { id status department regionCode } }';
    const commitment = (uscc: string) => ({
      uscc,
      kind: 'REPAIR',
      content: '承诺于2026年12月10日前完成气瓶充装人员持证上岗整改',
      madeOn: '2026-11-20',
      verifyBy: '2026-12-31',
    });
    const recorded = await ok<{ recordVerifiableCommitment: { id: string; status: string; regionCode: string } }>(
      RECORD_COMMITMENT,
      { input: commitment(holder) },
      regulator,
    );
    expect(recorded.recordVerifiableCommitment).toMatchObject({ status: 'PENDING', regionCode: '140802' });
    const id = recorded.recordVerifiableCommitment.id;
    const pending = await ok<{ recordVerifiableCommitment: { id: string } }>(RECORD_COMMITMENT, { input: commitment(holder) }, regulator);

    const VERIFY =
      'mutation($input: VerifyCreditCommitmentInput!) { verifyCreditCommitment(input: $input) { id kind result creditCommitmentId commitmentOutcome } }';
    const input = {
      uscc: holder,
      commitmentId: id,
      outcome: 'NOT_MET',
      inspectedOn: '2026-12-12',
      inspectorIds: inspectorIds.slice(0, 2),
      findings: '承诺不实：充装人员仍未持证',
    };
    const countVerifications = async () =>
      (
        await ok<{ enterprise: { inspections: { kind: string }[] } }>(
          PUBLIC_VIEW.replace('id result', 'id kind result'),
          { uscc: holder },
          analyst,
        )
      ).enterprise.inspections.filter((row) => row.kind === 'VERIFICATION').length;
    const before = await countVerifications();

    // Another department of the region: sanctions refuses the write (谁产生、谁负责) and the inspection rolls back.
    const food = await stack.token({ role: 'regulator', region: '140800', dept: 'SPSC' });
    const foodInspectors: number[] = [];
    for (const county of ['140802', '140821']) {
      const created = await ok<{ createInspector: { id: number } }>(
        'mutation($input: CreateInspectorInput!) { createInspector(input: $input) { id } }',
        { input: { name: '食品核查员', certificate: `SPC${county}`, regionCode: county } },
        food,
      );
      foodInspectors.push(created.createInspector.id);
    }
    const refused = await gql(VERIFY, { input: { ...input, inspectorIds: foodInspectors } }, food);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await countVerifications()).toBe(before);
    // No token, no write: the public is refused before anything is read.
    expect((await gql(VERIFY, { input })).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);

    const verified = await ok<{ verifyCreditCommitment: { id: number; kind: string; result: string; creditCommitmentId: number } }>(
      VERIFY,
      { input },
      regulator,
    );
    expect(verified.verifyCreditCommitment).toMatchObject({
      kind: 'VERIFICATION',
      result: 'PROBLEM_CORRECTION_ORDERED',
      creditCommitmentId: Number(id),
      commitmentOutcome: 'NOT_MET',
    });
    expect(await countVerifications()).toBe(before + 1);
    expect(codeOf(await gql(VERIFY, { input }, regulator))).toBe('CONFLICT');

    const PROFILE =
      'query($uscc: String!) { enterprise(uscc: $uscc) { verifiableCommitments { id status verifiedOn inspectionId findings } } }';
    type Profile = { enterprise: { verifiableCommitments: { id: string; status: string; inspectionId: number | null }[] } };
    const seen = (await ok<Profile>(PROFILE, { uscc: holder }, regulator)).enterprise.verifiableCommitments;
    expect(seen).toEqual([
      { id, status: 'BROKEN', verifiedOn: '2026-12-12', inspectionId: verified.verifyCreditCommitment.id, findings: input.findings },
      { id: pending.recordVerifiableCommitment.id, status: 'PENDING', verifiedOn: null, inspectionId: null, findings: null },
    ]);
    // 承诺不实 is published (闽市监综〔2021〕154号（四）); a pending commitment is not.
    const publicView = (await ok<Profile>(PROFILE, { uscc: holder })).enterprise.verifiableCommitments;
    expect(publicView.map((row) => [row.id, row.status])).toEqual([[id, 'BROKEN']]);
  });

  it('records an admonition talk only for the department that listed the enterprise (谁认定、谁约谈)', async () => {
    const subject = UNITS[9]?.uscc as string;
    const enforcement = await stack.token({ role: 'regulator', region: '140800', dept: 'ZFJC' });
    const listed = await ok<{ listAbnormalOperation: { id: string } }>(
      'mutation($input: ListAbnormalOperationInput!) { listAbnormalOperation(input: $input) { id } }',
      {
        input: { uscc: subject, reason: 'FALSE_INFORMATION', authority: '运城市市场监督管理局', decisionReference: '运市监异〔2026〕7号' },
      },
      enforcement,
    );
    const TALK = 'mutation($input: RecordAdmonitionTalkInput!) { recordAdmonitionTalk(input: $input) { id department outcome } }';
    const input = {
      uscc: subject,
      kind: 'WARNING',
      listingKind: 'ABNORMAL',
      listingId: Number(listed.listAbnormalOperation.id),
      heldOn: TODAY,
      reason: '公示信息弄虚作假，约谈法定代表人',
      rectificationDeadline: '2027-01-15',
    };
    const byOther = await gql(TALK, { input }, regulator);
    expect(byOther.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    const unknown = await gql(TALK, { input: { ...input, listingId: 999_999 } }, enforcement);
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const talk = await ok<{ recordAdmonitionTalk: { id: number; department: string; outcome: string } }>(TALK, { input }, enforcement);
    expect(talk.recordAdmonitionTalk).toMatchObject({ department: 'ZFJC', outcome: 'PENDING' });
    const OUTCOME = 'mutation($id: Int!) { recordAdmonitionTalkOutcome(id: $id, outcome: RECTIFIED) { outcome outcomeOn } }';
    expect(
      (await ok<{ recordAdmonitionTalkOutcome: unknown }>(OUTCOME, { id: talk.recordAdmonitionTalk.id }, enforcement))
        .recordAdmonitionTalkOutcome,
    ).toEqual({
      outcome: 'RECTIFIED',
      outcomeOn: TODAY,
    });
    expect(codeOf(await gql(OUTCOME, { id: talk.recordAdmonitionTalk.id }, enforcement))).toBe('CONFLICT');
    const TALKS = 'query($uscc: String!) { enterprise(uscc: $uscc) { admonitionTalks { kind } } }';
    expect(
      (await ok<{ enterprise: { admonitionTalks: unknown[] } }>(TALKS, { uscc: subject }, analyst)).enterprise.admonitionTalks,
    ).toEqual([{ kind: 'WARNING' }]);
    expect((await ok<{ enterprise: { admonitionTalks: unknown[] } }>(TALKS, { uscc: subject })).enterprise.admonitionTalks).toEqual([]);
  });

  it('answers inspections of 1 and of 40 enterprises with the same number of SQL statements', async () => {
    const BATCH =
      'query($usccs: [String!]!) { enterprises(usccs: $usccs) { inspections { id inspectors { id } } inspectionSummary { failures } admonitionTalks { id } } }';
    const statementsFor = async (usccs: string[]) =>
      (await stack.countStatements(() => ok(BATCH, { usccs }, analyst))).statements.inspections;
    // One enterprise that has results (so its inspectors are read too), then all forty.
    const all = await ok<{ enterprises: { uscc: string; inspections: unknown[] }[] }>(
      'query($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc inspections { id } } }',
      { usccs: UNITS.map((unit) => unit.uscc) },
      analyst,
    );
    const inspected = all.enterprises.find((enterprise) => enterprise.inspections.length > 0)?.uscc as string;
    const one = await statementsFor([inspected]);
    const forty = await statementsFor(UNITS.map((unit) => unit.uscc));
    expect(one).toBeGreaterThan(0);
    expect(forty).toBe(one);
  });
});
