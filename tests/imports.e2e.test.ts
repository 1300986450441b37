import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@credit-hub/db';
import { graphqlSink, penaltyTable, type RejectedRow, runImport, writeSampleTable } from '@credit-hub/tables';
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
  });
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
});
