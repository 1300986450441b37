import { testDatabaseKinds } from '@credit-hub/db';
import { usccFor } from '@credit-hub/seed';
import { ANONYMOUS, type Caller, createStaticEnterpriseDirectory, readOutbox, sequenceOutbox } from '@credit-hub/subgraph-kit';
import { UsccAllowList } from '@credit-hub/uscc';
import { type ExecutionResult, graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { openSanctionsTestDatabase, type SanctionsTestDatabase } from '../src/db/client.ts';
import { DEFAULT_RULE_BOOK } from '../src/rules/rule-book.ts';
import { schema } from '../src/schema/index.ts';

const TODAY = '2026-12-01';
const HOLDER = usccFor('91', '140802', 'MA0CMT01');
const callers = {
  tssbYuncheng: { sub: 'tssb-yc', role: 'regulator', dept: 'TSSB', region: '140800', scopes: [] },
  spscYuncheng: { sub: 'spsc-yc', role: 'regulator', dept: 'SPSC', region: '140800', scopes: [] },
  tssbTaiyuan: { sub: 'tssb-ty', role: 'regulator', dept: 'TSSB', region: '140100', scopes: [] },
  analyst: { sub: 'analyst', role: 'analyst', dept: null, region: null, scopes: [] },
} satisfies Record<string, Caller>;

const RECORD =
  'mutation($input: RecordVerifiableCommitmentInput!) { recordVerifiableCommitment(input: $input) { id status regionCode department kind } }';
const VERIFY = `mutation($id: ID!, $kept: Boolean!, $inspectionId: Int!, $findings: String!) {
  recordCreditCommitmentVerification(id: $id, kept: $kept, inspectionId: $inspectionId, findings: $findings) { id status verifiedOn inspectionId findings } }`;
const PROFILE =
  'query($uscc: String!) { _entities(representations: [{ __typename: "Enterprise", uscc: $uscc }]) { ... on Enterprise { verifiableCommitments { id status content } } } }';

describe.each(testDatabaseKinds())('credit commitments 信用承诺 (%s)', (kind) => {
  let database: SanctionsTestDatabase;
  let run: <T = Record<string, unknown>>(source: string, variables: Record<string, unknown>, caller: Caller) => Promise<ExecutionResult<T>>;
  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
    const context = createContext({
      db: database.db,
      rules: DEFAULT_RULE_BOOK,
      allowList: new UsccAllowList(),
      enterprises: createStaticEnterpriseDirectory([], (uscc) => ({ uscc, regionCode: uscc.slice(2, 8), status: 'ACTIVE' })),
      today: () => TODAY,
    });
    run = (source, variables, caller) =>
      graphql({ schema, source, variableValues: variables, contextValue: context({ caller, requestId: 'test' }) }) as never;
  });
  afterAll(() => database?.close());

  const input = (overrides: Record<string, unknown> = {}) => ({
    uscc: HOLDER,
    kind: 'REPAIR',
    content: '承诺已完成整改，如实公示年度报告',
    madeOn: '2026-11-01',
    verifyBy: '2026-12-31',
    ...overrides,
  });
  const record = async (caller: Caller = callers.tssbYuncheng) => {
    const result = await run<{ recordVerifiableCommitment: { id: string } }>(RECORD, { input: input() }, caller);
    expect(result.errors).toBeUndefined();
    return result.data?.recordVerifiableCommitment.id as string;
  };
  const codeOf = (result: ExecutionResult) => result.errors?.[0]?.extensions?.code;

  it('records a pending commitment in the enterprise’s registered region, owned by the caller’s department', async () => {
    const result = await run(RECORD, { input: input() }, callers.tssbYuncheng);
    expect(result.data?.recordVerifiableCommitment).toMatchObject({
      status: 'PENDING',
      regionCode: '140802',
      department: 'TSSB',
      kind: 'REPAIR',
    });
  });

  it('refuses bad input and callers outside the region or without a role, storing nothing', async () => {
    const before = (await run<{ _entities: { verifiableCommitments: unknown[] }[] }>(PROFILE, { uscc: HOLDER }, callers.analyst)).data
      ?._entities[0]?.verifiableCommitments.length;
    expect(codeOf(await run(RECORD, { input: input({ verifyBy: '2026-10-01' }) }, callers.tssbYuncheng))).toBe('BAD_USER_INPUT');
    expect(codeOf(await run(RECORD, { input: input({ madeOn: '2027-01-01' }) }, callers.tssbYuncheng))).toBe('BAD_USER_INPUT');
    expect(codeOf(await run(RECORD, { input: input({ content: '  ' }) }, callers.tssbYuncheng))).toBe('BAD_USER_INPUT');
    expect(codeOf(await run(RECORD, { input: input() }, callers.tssbTaiyuan))).toBe('FORBIDDEN');
    expect(codeOf(await run(RECORD, { input: input() }, ANONYMOUS))).toBeDefined();
    const after = (await run<{ _entities: { verifiableCommitments: unknown[] }[] }>(PROFILE, { uscc: HOLDER }, callers.analyst)).data
      ?._entities[0]?.verifiableCommitments.length;
    expect(after).toBe(before);
  });

  it('lets only the recording department of the region verify, once', async () => {
    const id = await record();
    const args = { id, kept: true, inspectionId: 7, findings: '已按承诺整改' };
    const otherDept = await run(VERIFY, args, callers.spscYuncheng);
    expect(otherDept.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await run(VERIFY, args, callers.tssbTaiyuan).then(codeOf)).toMatch(/FORBIDDEN|NOT_FOUND/);
    const kept = await run(VERIFY, args, callers.tssbYuncheng);
    expect(kept.data?.recordCreditCommitmentVerification).toMatchObject({ status: 'KEPT', verifiedOn: TODAY, inspectionId: 7 });
    expect(codeOf(await run(VERIFY, { ...args, kept: false }, callers.tssbYuncheng))).toBe('CONFLICT');
  });

  it('a broken commitment appends commitment.broken (regulators) and is published; pending and kept ones are not', async () => {
    const id = await record();
    const broken = await run(VERIFY, { id, kept: false, inspectionId: 9, findings: '承诺不实：未整改' }, callers.tssbYuncheng);
    expect(broken.data?.recordCreditCommitmentVerification).toMatchObject({ status: 'BROKEN' });
    await sequenceOutbox(database.db);
    const events = await readOutbox(database.db, { audiences: ['regulator'], first: 1000, after: 0 });
    const event = events.events.find((e) => e.kind === 'commitment.broken');
    expect(event).toMatchObject({ uscc: HOLDER, region: '140802' });
    expect((event?.payload as { id: number } | undefined)?.id).toBe(Number(id));
    const publicEvents = await readOutbox(database.db, { audiences: ['public'], first: 1000, after: 0 });
    expect(publicEvents.events.filter((e) => e.kind === 'commitment.broken')).toEqual([]);

    const regulatorView = await run<{ _entities: { verifiableCommitments: { status: string }[] }[] }>(
      PROFILE,
      { uscc: HOLDER },
      callers.tssbYuncheng,
    );
    const statuses = regulatorView.data?._entities[0]?.verifiableCommitments.map((c) => c.status) ?? [];
    expect(new Set(statuses)).toEqual(new Set(['PENDING', 'KEPT', 'BROKEN']));
    const HISTORY = PROFILE.replace('id status content', 'id history { action fromState toState }');
    type History = { _entities: { verifiableCommitments: { id: string; history: unknown[] | null }[] }[] };
    const regulatorHistory = (await run<History>(HISTORY, { uscc: HOLDER }, callers.tssbYuncheng)).data?._entities[0]
      ?.verifiableCommitments;
    expect(regulatorHistory?.find((c) => c.id === id)?.history).toEqual([
      { action: 'RECORDED', fromState: null, toState: 'PENDING' },
      { action: 'VERIFIED', fromState: 'PENDING', toState: 'BROKEN' },
    ]);
    const publicHistory = (await run<History>(HISTORY, { uscc: HOLDER }, ANONYMOUS)).data?._entities[0]?.verifiableCommitments;
    expect(publicHistory?.map((c) => c.history)).toEqual([null]);
    const publicView = await run<{ _entities: { verifiableCommitments: { id: string; status: string }[] }[] }>(
      PROFILE,
      { uscc: HOLDER },
      ANONYMOUS,
    );
    expect(publicView.data?._entities[0]?.verifiableCommitments).toEqual([
      { id, status: 'BROKEN', content: '承诺已完成整改，如实公示年度报告' },
    ]);
  });
});
