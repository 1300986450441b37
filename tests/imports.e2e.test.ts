import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@credit-hub/db';
import {
  type AcceptedRow,
  abnormalTable,
  graphqlSink,
  licenseTable,
  penaltyTable,
  type RejectedRow,
  runImport,
  seriousTable,
  writeSampleTable,
} from '@credit-hub/tables';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const TODAY = '2026-12-01';

describe.each(testDatabaseKinds())('bulk import through the owning subgraph (%s)', (kind) => {
  let stack: Stack;
  let path: string;
  const table = penaltyTable(15);

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => TODAY });
    for (const row of table.rows) if (row[2]?.length === 18) await stack.registerEnterprise(row[2]);
    path = await writeSampleTable(await mkdtemp(join(tmpdir(), 'import-')), table);
    // The whole hub on PGlite starts slowly on a loaded 2-core machine.
  }, 600_000);
  afterAll(() => stack?.stop());

  it("writes good rows with the uploader's authority, rejects the rest per row, and a re-run changes nothing", async () => {
    // A Shanxi regulator: the rows about Fujian enterprises (region 350100) are outside its region.
    const token = await stack.token({ role: 'regulator', region: '140000', dept: 'ZFJC', sub: 'uploader' });
    const sink = graphqlSink({ url: stack.gatewayUrl, token });
    const rejected: RejectedRow[] = [];
    const first = await runImport({ path, sink, today: TODAY, batchSize: 4, onRejected: (row) => void rejected.push(row) });
    const rules = Object.fromEntries(rejected.map((row) => [row.rowNumber, row.problems.map((problem) => problem.rule)]));
    const outside = table.rows.flatMap((row, index) =>
      row[2]?.slice(2, 4) === '35' && !table.expectedRejects[index + 2] ? [index + 2] : [],
    );
    expect(outside.length).toBeGreaterThan(0);
    expect(
      Object.keys(rules)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([...Object.keys(table.expectedRejects).map(Number), ...outside].sort((a, b) => a - b));
    for (const row of outside) expect(rules[row]?.[0]).toMatch(/FORBIDDEN|REGION/);
    expect(first.created).toBe(15 - Object.keys(rules).length);

    const again = await runImport({ path, sink, today: TODAY, batchSize: 4 });
    expect(again.created).toBe(0);
    expect(again.unchanged).toBe(first.created);

    const stored = await stack.query<{ penaltyByDecisionNumber: { department: string } | null }>(
      'query($n: String!) { penaltyByDecisionNumber(decisionNumber: $n) { department } }',
      { n: table.rows[0]?.[4] },
      { token },
    );
    expect(stored.data?.penaltyByDecisionNumber?.department).toBe('ZFJC');
  });

  it('abnormal listings are idempotent by enterprise, ground and listing date: a re-run is unchanged row by row', async () => {
    const abnormal = abnormalTable(10);
    for (const row of abnormal.rows) if (row[1]?.length === 18) await stack.registerEnterprise(row[1]);
    const file = await writeSampleTable(await mkdtemp(join(tmpdir(), 'abnormal-')), abnormal);
    const token = await stack.token({ role: 'admin', sub: 'abnormal-uploader' });
    const sink = graphqlSink({ url: stack.gatewayUrl, token });
    const first = await runImport({ path: file, sink, today: TODAY, batchSize: 4 });
    expect(first.created).toBe(10 - Object.keys(abnormal.expectedRejects).length);
    const again = await runImport({ path: file, sink, today: TODAY, batchSize: 4 });
    expect(again).toMatchObject({ created: 0, unchanged: first.created, rejected: first.rejected });
  });

  it('serious listings name their penalty by decision number: resolved, or rejected with the reason', async () => {
    const db = stack.database('sanctions').db as unknown as { execute(query: unknown): Promise<unknown> };
    // A penalty the committed serious sample does not rest on, chosen in a fixed order: with `limit 1`
    // alone the table's physical order chose, and a listing made here on a penalty the sample
    // names made the samples test below answer CONFLICT for that row (seen once in CI on PostgreSQL).
    const referenced = new Set(seriousTable(8).rows.map((row) => row[6]));
    const found = (await db.execute(sql`select uscc, decision_number from penalties where department = 'ZFJC' order by decision_number`)) as
      | { rows: { uscc: string; decision_number: string }[] }
      | { uscc: string; decision_number: string }[];
    const stored = (Array.isArray(found) ? found : found.rows).find((row) => !referenced.has(row.decision_number));
    const known = ['', '', stored?.uscc ?? '', '', stored?.decision_number ?? ''];
    const header = ['统一社会信用代码', '列入严重违法失信名单事由', '决定书文号', '作出决定机关', '列入日期', '领域', '处罚决定书文号'];
    const serious = {
      file: 'serious.csv',
      title: null,
      headers: header,
      rows: [
        [known?.[2] as string, '较重行政处罚', '运市监严〔2024〕1号', '运城市市场监督管理局', '2024/06/01', '食品', known?.[4] as string],
        [
          known?.[2] as string,
          '较重行政处罚',
          '运市监严〔2024〕2号',
          '运城市市场监督管理局',
          '2024/06/01',
          '食品',
          '运市监处罚〔2024〕999号',
        ],
        [known?.[2] as string, '较重行政处罚', '运市监严〔2024〕3号', '运城市市场监督管理局', '2024/06/01', '食品', ''],
      ],
      expectedRejects: {},
    };
    const file = await writeSampleTable(await mkdtemp(join(tmpdir(), 'serious-')), serious);
    const token = await stack.token({ role: 'admin', sub: 'serious-uploader' });
    const rejected: RejectedRow[] = [];
    await runImport({
      path: file,
      kind: 'serious',
      sink: graphqlSink({ url: stack.gatewayUrl, token }),
      today: TODAY,
      onRejected: (row) => void rejected.push(row),
    });
    const rules = Object.fromEntries(rejected.map((row) => [row.rowNumber, row.problems[0]?.rule]));
    // Found by its number: listed, or refused on the grounds (a small fine is not a heavier penalty).
    expect([undefined, 'NOT_HEAVIER_PENALTY']).toContain(rules[2]);
    expect(rules[3]).toBe('UNKNOWN_PENALTY');
    expect(rules[4]).toBe('MISSING');
  });

  it('the committed samples: penalties, then serious listings resting on them by decision number', async () => {
    const samples = join(import.meta.dirname, '..', 'packages', 'tables', 'samples');
    const token = await stack.token({ role: 'admin', sub: 'sample-uploader' });
    const sink = graphqlSink({ url: stack.gatewayUrl, token });
    await runImport({ path: join(samples, 'penalties-gbk.csv'), sink, today: TODAY, batchSize: 4 });
    const serious = seriousTable(8);
    const rejected: RejectedRow[] = [];
    const first = await runImport({
      path: join(samples, 'serious.xlsx'),
      sink,
      today: TODAY,
      batchSize: 4,
      onRejected: (row) => void rejected.push(row),
    });
    const rules = Object.fromEntries(rejected.map((row) => [row.rowNumber, row.problems.map((problem) => problem.rule)]));
    expect(rules).toEqual({ ...serious.expectedRejects, ...serious.hubRejects });
    expect(first.created).toBe(8 - Object.keys(rules).length);
    const again = await runImport({ path: join(samples, 'serious.xlsx'), sink, today: TODAY, batchSize: 4 });
    expect(again).toMatchObject({ created: 0, unchanged: first.created });
  });

  it('licences: stored set-based per batch, rejects per row, a number twice in one call created once, a re-run unchanged', async () => {
    const licences = licenseTable(20, 3);
    // The sample tables share companies: some holders are registered already.
    const holders = licences.rows.filter((_, index) => !licences.expectedRejects[index + 3]).map((row) => row[2] ?? '');
    for (const uscc of new Set(holders)) {
      if (uscc.length === 18) await stack.registerEnterprise(uscc).catch((error: Error) => expect(error.message).toContain('CONFLICT'));
    }
    const file = await writeSampleTable(await mkdtemp(join(tmpdir(), 'licences-')), licences);
    // The special-equipment bureau of Shanxi, where the holders are registered.
    const token = await stack.token({ role: 'regulator', region: '140000', dept: 'TSSB', sub: 'licence-uploader' });
    const sink = graphqlSink({ url: stack.gatewayUrl, token });
    const rejected: RejectedRow[] = [];
    const accepted: AcceptedRow[] = [];
    const recording = {
      write: (kind: Parameters<typeof sink.write>[0], rows: readonly AcceptedRow[]) => {
        accepted.push(...rows);
        return sink.write(kind, rows);
      },
    };
    const first = await runImport({
      path: file,
      sink: recording,
      today: TODAY,
      batchSize: 6,
      onRejected: (row) => void rejected.push(row),
    });
    // The table's own bad rows, and the holders registered in Fujian: outside a Shanxi bureau's region.
    const outside = Object.fromEntries(
      licences.rows.flatMap((row, index) =>
        row[2]?.slice(2, 4) === '35' && !licences.expectedRejects[index + 3] ? [[index + 3, ['OUTSIDE_REGION']]] : [],
      ),
    );
    expect(Object.keys(outside).length).toBeGreaterThan(0);
    expect(Object.fromEntries(rejected.map((row) => [row.rowNumber, row.problems.map((problem) => problem.rule)]))).toEqual({
      ...licences.expectedRejects,
      ...outside,
    });
    expect(first).toMatchObject({ done: 20, created: 20 - rejected.length, unchanged: 0 });
    const refused = new Set(rejected.map((row) => row.rowNumber));
    const wanted = accepted.filter((row) => !refused.has(row.rowNumber)).map((row) => String(row.input.number));
    expect(wanted).toHaveLength(first.created);
    const found = (await stack.query(
      `{ ${wanted.map((number, i) => `l${i}: license(number: ${JSON.stringify(number)}) { number }`).join(' ')} }`,
      {},
      { token },
    )) as {
      data?: Record<string, { number: string } | null>;
    };
    expect(Object.values(found.data ?? {}).map((licence) => licence?.number)).toEqual(wanted);

    const again = await runImport({ path: file, sink, today: TODAY, batchSize: 6 });
    expect(again).toMatchObject({ created: 0, unchanged: first.created });

    // One call holding a new number twice: the first row creates it, the second finds it unchanged.
    const stored = accepted.find((row) => !refused.has(row.rowNumber)) as AcceptedRow;
    const fresh = { ...stored, input: { ...stored.input, number: String(stored.input.number).replace(/^TS\d{7}/, 'TS2219999') } };
    expect(await sink.write('licenses', [fresh, fresh])).toEqual([{ status: 'created' }, { status: 'unchanged' }]);
  });

  // This test was skipped as "rows counted created but not stored" (138 of 147). The cause: the kill
  // table reuses the decision numbers 运市监处罚〔2024〕1号…15号 of the first test, which stored some of
  // them for other enterprises under ZFJC. recordPenalty answered CONFLICT for those rows, and the
  // sink counted every CONFLICT as "unchanged", so rows that were never stored counted as imported.
  // (Run alone, the first test had not stored them.) Now a key held by another record is rejected
  // as KEY_TAKEN, and only the same record found again is unchanged.
  it('kill -9 mid-import, then the same command again, ends with the same data as one uninterrupted run', async () => {
    const big = penaltyTable(200, 7);
    for (const row of big.rows) if (row[2]?.length === 18) await stack.registerEnterprise(row[2]);
    const file = await writeSampleTable(await mkdtemp(join(tmpdir(), 'kill-')), big, 'penalties-gbk.csv');
    const token = await stack.token({ role: 'regulator', region: '140000', dept: 'TSSB', sub: 'killer' });
    const cli = (stdout: 'ignore' | 'pipe' = 'ignore') =>
      spawn(
        process.execPath,
        // Small batches: many commits, so the kill lands between the first and the last.
        ['--import', 'tsx', 'scripts/import.ts', file, '--token', token, '--gateway', stack.gatewayUrl, '--today', TODAY, '--batch', '10'],
        {
          cwd: join(import.meta.dirname, '..'),
          stdio: ['ignore', stdout, 'ignore'],
        },
      );
    const db = stack.database('sanctions').db as unknown as { execute(query: unknown): Promise<unknown> };
    const decisionNumbers = async (department: string | null) => {
      const result = (await db.execute(
        department
          ? sql`select decision_number from penalties where department = ${department}`
          : sql`select decision_number from penalties where department <> 'TSSB'`,
      )) as { rows: { decision_number: string }[] } | { decision_number: string }[];
      return (Array.isArray(result) ? result : result.rows).map((row) => row.decision_number).sort();
    };
    // The 15-row table holds the same decision numbers for other enterprises, under ZFJC (stored
    // here again in case this test runs alone; a re-run is unchanged): those rows are KEY_TAKEN.
    const zfjc = await stack.token({ role: 'regulator', region: '140000', dept: 'ZFJC', sub: 'uploader' });
    await runImport({ path, sink: graphqlSink({ url: stack.gatewayUrl, token: zfjc }), today: TODAY, batchSize: 4 });
    const taken = new Set(await decisionNumbers(null));
    const first = cli();
    const state = `${file}.import.json`;
    // Kill as soon as one batch is committed and before the last one.
    const committed = () => (existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { committedRow: number }).committedRow : 0);
    while (committed() < 2) {
      if (first.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(committed()).toBeGreaterThan(1);
    expect(committed()).toBeLessThan(201);

    const second = cli();
    const code = await new Promise((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    const final = JSON.parse(readFileSync(state, 'utf8')) as { done: number; created: number; rejected: number; unchanged: number };
    expect(final.done).toBe(200);

    // What one uninterrupted run would hold: every row the table does not reject, once, for TSSB.
    const writable = big.rows
      .filter((_, index) => !big.expectedRejects[index + 2] && big.rows[index]?.[2]?.slice(2, 4) !== '35')
      .map((row) => row[4] as string);
    const expected = writable.filter((number) => !taken.has(number)).sort();
    expect(expected.length).toBeLessThan(writable.length);
    const stored = await decisionNumbers('TSSB');
    const reasons = readFileSync(`${file}.rejects.ndjson`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as RejectedRow).problems.map((problem) => problem.rule).join(','));
    expect(new Set(reasons)).toEqual(
      new Set(['DECISION_NUMBER_YEAR', 'FINE_WITHOUT_AMOUNT', 'UNKNOWN_VALUE', 'DUPLICATE_IN_FILE', 'OUTSIDE_REGION', 'KEY_TAKEN']),
    );
    expect(final.created + final.unchanged).toBe(expected.length);
    expect(stored).toEqual(expected);
    const rejects = readFileSync(`${file}.rejects.ndjson`, 'utf8').split('\n').filter(Boolean);
    expect(rejects).toHaveLength(200 - expected.length);

    // The same command once the import is done: a new run, not a resume of a finished one. Every
    // row is sent again and answers for itself; nothing changes.
    const third = cli('pipe');
    let printed = '';
    third.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    expect(await new Promise((resolve) => third.once('exit', resolve))).toBe(0);
    expect(printed).toContain('imported before');
    expect(JSON.parse(readFileSync(state, 'utf8'))).toMatchObject({
      done: 200,
      created: 0,
      unchanged: expected.length,
      rejected: 200 - expected.length,
    });
    expect(printed).toContain(`created 0, unchanged ${expected.length}, rejected ${200 - expected.length}`);
    expect(readFileSync(`${file}.rejects.ndjson`, 'utf8').split('\n').filter(Boolean)).toHaveLength(200 - expected.length);
    expect(await decisionNumbers('TSSB')).toEqual(expected);
  }, 420_000);
});
