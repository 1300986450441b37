import { testDatabaseKinds } from '@credit-hub/db';
import { usccFor } from '@credit-hub/seed';
import { type Caller, createStaticEnterpriseDirectory } from '@credit-hub/subgraph-kit';
import { UsccAllowList } from '@credit-hub/uscc';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { type ExecutionResult, graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.ts';
import { openSanctionsTestDatabase, type SanctionsTestDatabase } from '../src/db/client.ts';
import { abnormalOperations, recordHistory, seriousViolations } from '../src/db/schema.ts';
import { DEFAULT_RULE_BOOK } from '../src/rules/rule-book.ts';
import { schema } from '../src/schema/index.ts';

const TODAY = '2026-12-01';
/** How many identical writes race: more than the PostgreSQL test pool's 4 connections, so some queue. */
const RACERS = 8;
const callers = {
  credit: { sub: 'xy-yc', role: 'regulator', dept: 'XYJ', region: '140800', scopes: [] },
  other: { sub: 'zfjc-yc', role: 'regulator', dept: 'ZFJC', region: '140800', scopes: [] },
} satisfies Record<string, Caller>;

const LIST_ABNORMAL = 'mutation($input: ListAbnormalOperationInput!) { listAbnormalOperation(input: $input) { id } }';
const REMOVE_ABNORMAL = `mutation($id: ID!) { removeAbnormalOperation(id: $id, reason: ANNUAL_REPORT_FILED,
  removal: { authority: "运城市市场监督管理局", removedOn: "2026-11-20" }) { id } }`;
const IMPORT_ABNORMAL = 'mutation($inputs: [ListAbnormalOperationInput!]!) { importAbnormalOperations(inputs: $inputs) { status reason } }';
const LIST_SERIOUS = 'mutation($input: ListSeriousViolationInput!) { listSeriousViolation(input: $input) { id } }';
const RECORD_PENALTY = 'mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { id } }';

let serial = 0;
const freshUscc = () => usccFor('91', '140802', `MA0NK${String(++serial).padStart(3, '0')}`);

describe.each(testDatabaseKinds())('listing natural keys as unique indexes (%s)', (kind) => {
  let database: SanctionsTestDatabase;
  let run: <T = Record<string, unknown>>(
    source: string,
    variables: Record<string, unknown>,
    caller?: Caller,
  ) => Promise<ExecutionResult<T>>;
  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
    const context = createContext({
      db: database.db,
      rules: DEFAULT_RULE_BOOK,
      allowList: new UsccAllowList(),
      enterprises: createStaticEnterpriseDirectory([], (uscc) => ({ uscc, regionCode: uscc.slice(2, 8), status: 'ACTIVE' })),
      today: () => TODAY,
    });
    run = (source, variables, caller = callers.credit) =>
      graphql({ schema, source, variableValues: variables, contextValue: context({ caller, requestId: 'test' }) }) as never;
  });
  afterAll(() => database?.close());

  const abnormalCount = async (uscc: string) =>
    (await database.db.select({ n: count() }).from(abnormalOperations).where(eq(abnormalOperations.uscc, uscc)))[0]?.n;
  const seriousCount = async (uscc: string) =>
    (await database.db.select({ n: count() }).from(seriousViolations).where(eq(seriousViolations.uscc, uscc)))[0]?.n;
  /** Runs the same write RACERS times at once; answers the successes and the refusals' (code, reason). */
  const race = async (source: string, variables: Record<string, unknown>) => {
    const results = await Promise.all(Array.from({ length: RACERS }, () => run(source, variables)));
    const refusals = results.flatMap((result) => result.errors ?? []).map((error) => [error.extensions?.code, error.extensions?.reason]);
    return { created: results.filter((result) => !result.errors).length, refusals };
  };
  /** A fine at the heavy end of the discretion benchmark: grounds for a serious listing. */
  const heavierPenalty = (uscc: string, numberFrom: number) => ({
    uscc,
    decisionNumber: `运市监处罚〔2026〕${numberFrom + serial}号`,
    decidedOn: '2026-10-09',
    authority: '运城市市场监督管理局',
    violationType: '生产经营不符合食品安全标准的食品',
    factsSummary: '当事人生产不符合食品安全标准的食品。',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    penaltyTypes: ['FINE'],
    fineAmount: 200000,
    heavyDiscretion: true,
    caseDomain: 'FOOD',
  });
  /** A serious listing resting on that penalty. */
  const seriousListing = (uscc: string, triggeringPenaltyId: string | undefined, decisionReference: string | null) => ({
    uscc,
    domain: 'FOOD',
    reason: '生产经营不符合食品安全标准的食品，受到从重罚款',
    triggeringPenaltyId,
    listedOn: '2026-11-02',
    authority: '运城市市场监督管理局',
    decisionReference,
  });
  const abnormal = (uscc: string, listedOn: string) => ({
    uscc,
    reason: 'MISSING_ANNUAL_REPORT',
    listedOn,
    authority: '运城市市场监督管理局',
    decisionReference: `运市监异〔2026〕${serial}号`,
  });

  it('identical concurrent abnormal listings end as one row; the others are told it is theirs already', async () => {
    const uscc = freshUscc();
    const outcome = await race(LIST_ABNORMAL, { input: abnormal(uscc, '2026-11-02') });
    expect(outcome.created).toBe(1);
    expect(outcome.refusals).toEqual(Array.from({ length: RACERS - 1 }, () => ['CONFLICT', 'ALREADY_RECORDED']));
    expect(await abnormalCount(uscc)).toBe(1);
  });

  it('concurrent listings on one ground on different days end as one standing listing', async () => {
    const uscc = freshUscc();
    const days = Array.from({ length: RACERS }, (_, day) => `2026-11-${String(day + 10).padStart(2, '0')}`);
    const results = await Promise.all(days.map((listedOn) => run(LIST_ABNORMAL, { input: abnormal(uscc, listedOn) })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual(
      Array.from({ length: RACERS - 1 }, () => 'CONFLICT'),
    );
    expect(await abnormalCount(uscc)).toBe(1);
  });

  it('a removed listing keeps its key: re-imported it is UNCHANGED, another department’s is KEY_TAKEN, a new day lists again', async () => {
    const uscc = freshUscc();
    const first = await run<{ listAbnormalOperation: { id: string } }>(LIST_ABNORMAL, { input: abnormal(uscc, '2026-11-02') });
    expect((await run(REMOVE_ABNORMAL, { id: first.data?.listAbnormalOperation.id })).errors).toBeUndefined();
    const again = abnormal(uscc, '2026-11-02');
    expect((await run(IMPORT_ABNORMAL, { inputs: [again] })).data).toEqual({
      importAbnormalOperations: [{ status: 'UNCHANGED', reason: 'ALREADY_RECORDED' }],
    });
    expect((await run(IMPORT_ABNORMAL, { inputs: [again] }, callers.other)).data).toEqual({
      importAbnormalOperations: [{ status: 'REJECTED', reason: 'KEY_TAKEN' }],
    });
    expect((await run(LIST_ABNORMAL, { input: abnormal(uscc, '2026-11-25') })).errors).toBeUndefined();
    expect(await abnormalCount(uscc)).toBe(2);
  });

  it('a batch is stored set-based but answers as if its rows were sent one after another', async () => {
    const [a, b] = [freshUscc(), freshUscc()];
    const rows = [
      abnormal(a, '2026-11-02'),
      abnormal(a, '2026-11-02'), // the same listing again: the first row of the batch created it
      abnormal(a, '2026-11-05'), // a second standing listing on the same ground
      abnormal(b, '2026-11-03'),
      { ...abnormal(b, '2026-11-04'), uscc: `${b.slice(0, 17)}${b.endsWith('0') ? '1' : '0'}` }, // wrong check character
    ];
    const answer = (await run<{ importAbnormalOperations: { status: string; reason: string | null }[] }>(IMPORT_ABNORMAL, { inputs: rows }))
      .data?.importAbnormalOperations;
    expect(answer).toEqual([
      { status: 'CREATED', reason: null },
      { status: 'UNCHANGED', reason: 'ALREADY_RECORDED' },
      { status: 'REJECTED', reason: 'CONFLICT' },
      { status: 'CREATED', reason: null },
      { status: 'REJECTED', reason: 'CHECK_CHARACTER' },
    ]);
    expect([await abnormalCount(a), await abnormalCount(b)]).toEqual([1, 1]);
    // A re-run changes nothing and says so per row; another department is told the keys are taken.
    const again = await run<{ importAbnormalOperations: { status: string; reason: string | null }[] }>(IMPORT_ABNORMAL, { inputs: rows });
    expect(again.data?.importAbnormalOperations.map((row) => row.status)).toEqual([
      'UNCHANGED',
      'UNCHANGED',
      'REJECTED',
      'UNCHANGED',
      'REJECTED',
    ]);
    const other = await run<{ importAbnormalOperations: { status: string; reason: string | null }[] }>(
      IMPORT_ABNORMAL,
      { inputs: rows.slice(0, 1) },
      callers.other,
    );
    expect(other.data?.importAbnormalOperations).toEqual([{ status: 'REJECTED', reason: 'KEY_TAKEN' }]);
    // Each created listing has its feed event and its history, written with it.
    const events = await database.db.execute(
      sql`select count(*)::int as n from outbox where kind = 'abnormal.added' and uscc in (${a}, ${b})`,
    );
    expect(((events as unknown as { rows?: { n: number }[] }).rows ?? (events as unknown as { n: number }[]))[0]?.n).toBe(2);
    const history = await database.db
      .select({ n: count() })
      .from(recordHistory)
      .where(inArray(recordHistory.uscc, [a, b]));
    expect(history[0]?.n).toBe(2);
  });

  it('identical concurrent serious listings (same decision reference, same penalty) end as one row', async () => {
    const uscc = freshUscc();
    const penalty = await run<{ recordPenalty: { id: string } }>(RECORD_PENALTY, { input: heavierPenalty(uscc, 800) }, callers.other);
    expect(penalty.errors).toBeUndefined();
    const input = seriousListing(uscc, penalty.data?.recordPenalty.id, `运市监列严〔2026〕${serial}号`);
    const outcome = await race(LIST_SERIOUS, { input });
    expect(outcome.created).toBe(1);
    expect(outcome.refusals).toEqual(Array.from({ length: RACERS - 1 }, () => ['CONFLICT', 'ALREADY_RECORDED']));
    // Without the reference, the penalty alone still grounds one standing listing only.
    const unreferenced = await race(LIST_SERIOUS, { input: { ...input, decisionReference: null } });
    expect(unreferenced.created).toBe(0);
    expect(unreferenced.refusals.map(([code]) => code)).toEqual(Array.from({ length: RACERS }, () => 'CONFLICT'));
    expect(await seriousCount(uscc)).toBe(1);
  });

  it('a batch of serious listings answers as if its rows were sent one after another', async () => {
    const uscc = freshUscc();
    const penalty = await run<{ recordPenalty: { id: string } }>(RECORD_PENALTY, { input: heavierPenalty(uscc, 900) });
    expect(penalty.errors).toBeUndefined();
    const listing = (decisionReference: string | null) => seriousListing(uscc, penalty.data?.recordPenalty.id, decisionReference);
    const IMPORT_SERIOUS =
      'mutation($inputs: [ListSeriousViolationInput!]!) { importSeriousViolations(inputs: $inputs) { status reason } }';
    const rows = [
      listing(`运市监列严〔2026〕${serial}号`),
      listing(`运市监列严〔2026〕${serial}号`), // the same listing again
      listing(`运市监列严〔2026〕${serial + 1000}号`), // another listing on the same penalty
      { ...listing(null), triggeringPenaltyId: null }, // no grounds
    ];
    const first = await run<{ importSeriousViolations: { status: string; reason: string | null }[] }>(IMPORT_SERIOUS, { inputs: rows });
    expect(first.data?.importSeriousViolations).toEqual([
      { status: 'CREATED', reason: null },
      { status: 'UNCHANGED', reason: 'ALREADY_RECORDED' },
      { status: 'REJECTED', reason: 'CONFLICT' },
      { status: 'REJECTED', reason: 'MISSING' },
    ]);
    const again = await run<{ importSeriousViolations: { status: string }[] }>(IMPORT_SERIOUS, { inputs: rows });
    expect(again.data?.importSeriousViolations.map((row) => row.status)).toEqual(['UNCHANGED', 'UNCHANGED', 'REJECTED', 'REJECTED']);
    expect(await seriousCount(uscc)).toBe(1);
  });

  it('a reference typed with other brackets or spaces is the same listing: stored respelled, re-imported UNCHANGED', async () => {
    const uscc = freshUscc();
    const penalty = await run<{ recordPenalty: { id: string } }>(RECORD_PENALTY, { input: heavierPenalty(uscc, 1100) });
    expect(penalty.errors).toBeUndefined();
    const listing = (decisionReference: string) => seriousListing(uscc, penalty.data?.recordPenalty.id, decisionReference);
    const typed = await run<{ listSeriousViolation: { id: string } }>(LIST_SERIOUS, {
      input: listing(` (食药)运市监列严 [2026]${serial}号 `),
    });
    expect(typed.errors).toBeUndefined();
    const stored = await database.db
      .select({ reference: seriousViolations.decisionReference })
      .from(seriousViolations)
      .where(eq(seriousViolations.uscc, uscc));
    expect(stored).toEqual([{ reference: `（食药）运市监列严〔2026〕${serial}号` }]);
    // The provincial table's row, as the reader sends it, and the form typed another way: the listing already made.
    const IMPORT_SERIOUS =
      'mutation($inputs: [ListSeriousViolationInput!]!) { importSeriousViolations(inputs: $inputs) { status reason } }';
    const imported = await run<{ importSeriousViolations: { status: string; reason: string | null }[] }>(IMPORT_SERIOUS, {
      inputs: [listing(`（食药）运市监列严〔2026〕${serial}号`), listing(`(食药)运市监列严【2026】${serial}号`)],
    });
    expect(imported.data?.importSeriousViolations).toEqual([
      { status: 'UNCHANGED', reason: 'ALREADY_RECORDED' },
      { status: 'UNCHANGED', reason: 'ALREADY_RECORDED' },
    ]);
    const again = await run(LIST_SERIOUS, { input: listing(`(食药)运市监列严（2026）${serial}号`) });
    expect(again.errors?.map((error) => [error.extensions?.code, error.extensions?.reason])).toEqual([['CONFLICT', 'ALREADY_RECORDED']]);
    expect(await seriousCount(uscc)).toBe(1);
  });
});
