/**
 * npm run bench -- import-e2e [--rows 5000] [--enterprises 200] [--batch 250] [--in-flight 2]
 *   Bulk import end to end, subgraph writes included: the whole hub in this process (every
 *   subgraph and the gateway, as the e2e tests run it) on PostgreSQL (DATABASE_URL, throwaway
 *   schemas), a provincial penalty table of --rows rows about --enterprises registered
 *   enterprises, imported by an admin through `runImport` + the gateway sink (importPenalties,
 *   one call per batch, --in-flight batches at a time). Prints rows/s for validation alone and for the whole import, the time
 *   spent waiting on the sink, and the rows stored.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { graphqlSink, type ImportSink, penaltyTable, runImport, writeSampleTable } from '@credit-hub/tables';
import { sql } from 'drizzle-orm';
import { startStack } from '../tests/support/stack.ts';

export async function benchImportEndToEnd(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '5000' },
      enterprises: { type: 'string', default: '200' },
      batch: { type: 'string', default: '250' },
      'in-flight': { type: 'string', default: '2' },
    },
  });
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL database you own (tables go to throwaway schemas)');
  const rows = Number(values.rows);
  const batchSize = Number(values.batch);
  const inFlight = Number(values['in-flight']);
  const table = penaltyTable(rows);
  const stack = await startStack({ kind: 'postgres', today: () => '2026-12-01' });
  try {
    // Rows are spread over a few registered enterprises (registering one per row would dominate the run).
    const usccs = [...new Set(table.rows.map((row) => row[2] as string).filter((uscc) => uscc.length === 18))].slice(
      0,
      Number(values.enterprises),
    );
    for (const uscc of usccs) await stack.registerEnterprise(uscc);
    table.rows.forEach((row, index) => {
      if (row[2]?.length === 18) row[2] = usccs[index % usccs.length] as string;
    });
    const path = await writeSampleTable(await mkdtemp(join(tmpdir(), 'bench-import-e2e-')), table);
    const today = '2026-12-01';

    const dry: ImportSink = { write: async (_kind, accepted) => accepted.map(() => ({ status: 'created' as const })) };
    let started = performance.now();
    const validated = await runImport({ path, sink: dry, today, batchSize });
    const validateSeconds = (performance.now() - started) / 1000;

    const token = await stack.token({ role: 'admin', sub: 'bench-import' });
    const sink = graphqlSink({ url: stack.gatewayUrl, token });
    let sinkMs = 0;
    const timed: ImportSink = {
      async write(kind, accepted) {
        const before = performance.now();
        try {
          return await sink.write(kind, accepted);
        } finally {
          sinkMs += performance.now() - before;
        }
      },
    };
    started = performance.now();
    const result = await runImport({ path, sink: timed, today, batchSize, inFlight });
    const seconds = (performance.now() - started) / 1000;
    const db = stack.database('sanctions').db as unknown as { execute(query: unknown): Promise<unknown> };
    const counted = (await db.execute(sql`select count(*)::int as count from penalties`)) as
      | { rows: { count: number }[] }
      | { count: number }[];
    const stored = (Array.isArray(counted) ? counted : counted.rows)[0]?.count;
    console.log(
      `validation only: ${validated.done} rows in ${validateSeconds.toFixed(2)} s = ${Math.round(validated.done / validateSeconds)} rows/s`,
    );
    console.log(
      `end to end: ${result.done} rows (created ${result.created}, unchanged ${result.unchanged}, rejected ${result.rejected}) in ${seconds.toFixed(2)} s = ${Math.round(result.done / seconds)} rows/s; gateway calls ${(sinkMs / 1000).toFixed(2)} s summed over ${inFlight} in flight; penalties stored ${stored}`,
    );
    started = performance.now();
    const again = await runImport({ path, sink, today, batchSize, inFlight });
    const againSeconds = (performance.now() - started) / 1000;
    console.log(
      `re-run: ${again.done} rows (created ${again.created}, unchanged ${again.unchanged}) in ${againSeconds.toFixed(2)} s = ${Math.round(again.done / againSeconds)} rows/s`,
    );
  } finally {
    await stack.stop();
  }
}
