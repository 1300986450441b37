/**
 * npm run bench -- import-e2e [--kind penalties|abnormal] [--rows 5000] [--enterprises 200] [--batch 250] [--in-flight 2] [--processes [--cpu-prof DIR]]
 *   Bulk import end to end, subgraph writes included, on PostgreSQL: a provincial penalty table
 *   (or abnormal-operations list) of --rows rows about --enterprises registered enterprises,
 *   imported by an admin through
 *   `runImport` + the gateway sink (importPenalties, one call per batch, --in-flight batches at a
 *   time). Prints rows/s for validation alone and for the whole import, the time the gateway calls
 *   took, and the rows stored.
 *   - default: the whole hub in this process (every subgraph and the gateway, as the e2e tests run
 *     it; DATABASE_URL, throwaway schemas), so one core does the reading, the gateway and the writes;
 *   - --processes: as deployed, each subgraph and the gateway its own production-mode process on a
 *     fresh database `credithub_bench_import_e2e` (BENCH_DATABASE_URL names the server), this
 *     process reading and validating the table as the exchange's import job does.
 * Beside the rates it prints the CPU time each part spent per row (from /proc): on a loaded machine
 * the rates move with the load, the CPU per row much less. With --processes it also prints each
 * part's minor page faults per row: on this project's virtual machines a fault costs ~16 µs, so
 * memory mapped afresh per call (V8's heap pages, large strings, PostgreSQL's large allocations)
 * is a cost of its own. To compare settings: BENCH_NODE_FLAGS="…" adds node/V8 flags to every hub
 * process, BENCH_PG_SETTINGS="name=value …" sets server settings on the bench database,
 * BENCH_PG_LOG_MS=0 logs every statement, BENCH_CHILD_STDOUT=1 shows the processes' stdout (--trace-gc).
 * 10 000 rows are 20 calls, so every process is still warming up (JIT): --rows 50000 shows the
 * steady state.
 */
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { abnormalTable, graphqlSink, type ImportSink, penaltyTable, runImport, writeSampleTable } from '@credit-hub/tables';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { enterpriseInput, REGISTER_ENTERPRISE, startStack } from '../tests/support/stack.ts';
import { benchToken } from './bench.ts';
import {
  cpuPerRowLine,
  cpuSnapshot,
  faultsPerRowLine,
  postgresBackendsCpuSeconds,
  postgresBackendsFaults,
  processCpuSeconds,
  processFaults,
  thisProcessCpuSeconds,
  thisProcessFaults,
} from './bench-cpu.ts';
import { startProcesses } from './bench-scale.ts';

const TODAY = '2026-12-01';
const BASE_PORT = 4700;

/** Where the import writes: its gateway, an admin token, how to count what was stored, and how to stop it. */
type StoredTable = 'penalties' | 'abnormal_operations';

interface Hub {
  gatewayUrl: string;
  token: string;
  registerEnterprise(uscc: string): Promise<void>;
  /** Rows in the sanctions table the import writes. */
  stored(table: StoredTable): Promise<number>;
  /** CPU seconds so far of each part: this process, the hub's processes, the database backends. */
  cpu(): Record<string, number>;
  /** Minor page faults so far of each part (separate processes only). */
  faults(): Record<string, number>;
  stop(): Promise<void>;
}

export async function benchImportEndToEnd(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '5000' },
      enterprises: { type: 'string', default: '200' },
      batch: { type: 'string', default: '250' },
      'in-flight': { type: 'string', default: '2' },
      processes: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      kind: { type: 'string', default: 'penalties' },
    },
  });
  const rows = Number(values.rows);
  const batchSize = Number(values.batch);
  const inFlight = Number(values['in-flight']);
  const kind = values.kind === 'abnormal' ? 'abnormal' : 'penalties';
  if (values.kind !== kind) throw new Error('--kind is penalties or abnormal');
  const table = kind === 'abnormal' ? abnormalTable(rows) : penaltyTable(rows);
  // The holder's code: CF_XDR_SHXYM in the national penalty columns, 统一社会信用代码 in the abnormal list.
  const column = table.headers.indexOf(kind === 'abnormal' ? '统一社会信用代码' : 'CF_XDR_SHXYM');
  const hub = values.processes ? await processHub(values['cpu-prof']) : await inProcessHub();
  try {
    // Rows are spread over a few registered enterprises (registering one per row would dominate the run).
    const usccs = [...new Set(table.rows.map((row) => row[column] as string).filter((uscc) => uscc.length === 18))].slice(
      0,
      Number(values.enterprises),
    );
    for (const uscc of usccs) await hub.registerEnterprise(uscc);
    table.rows.forEach((row, index) => {
      if (row[column]?.length === 18) row[column] = usccs[index % usccs.length] as string;
    });
    const path = await writeSampleTable(await mkdtemp(join(tmpdir(), 'bench-import-e2e-')), table);

    const dry: ImportSink = { write: async (_kind, accepted) => accepted.map(() => ({ status: 'created' as const })) };
    let started = performance.now();
    const validated = await runImport({ path, sink: dry, today: TODAY, batchSize });
    const validateSeconds = (performance.now() - started) / 1000;

    const sink = graphqlSink({ url: hub.gatewayUrl, token: hub.token });
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
    let cpuBefore = hub.cpu();
    let faultsBefore = hub.faults();
    started = performance.now();
    const result = await runImport({ path, sink: timed, today: TODAY, batchSize, inFlight });
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = hub.cpu();
    const faultsAfter = hub.faults();
    const stored = await hub.stored(kind === 'abnormal' ? 'abnormal_operations' : 'penalties');
    console.log(`${values.processes ? 'separate processes' : 'one process'}, ${batchSize} rows per call, ${inFlight} in flight`);
    console.log(
      `validation only: ${validated.done} rows in ${validateSeconds.toFixed(2)} s = ${Math.round(validated.done / validateSeconds)} rows/s`,
    );
    console.log(
      `end to end: ${result.done} rows (created ${result.created}, unchanged ${result.unchanged}, rejected ${result.rejected}) in ${seconds.toFixed(2)} s = ${Math.round(result.done / seconds)} rows/s; gateway calls ${(sinkMs / 1000).toFixed(2)} s summed; ${kind} stored ${stored}`,
    );
    console.log(`  ${cpuPerRowLine(cpuBefore, cpuAfter, result.done)}`);
    if (values.processes) console.log(`  ${faultsPerRowLine(faultsBefore, faultsAfter, result.done)}`);
    cpuBefore = hub.cpu();
    faultsBefore = hub.faults();
    started = performance.now();
    const again = await runImport({ path, sink, today: TODAY, batchSize, inFlight });
    const againSeconds = (performance.now() - started) / 1000;
    console.log(
      `re-run: ${again.done} rows (created ${again.created}, unchanged ${again.unchanged}) in ${againSeconds.toFixed(2)} s = ${Math.round(again.done / againSeconds)} rows/s`,
    );
    console.log(`  ${cpuPerRowLine(cpuBefore, hub.cpu(), again.done)}`);
    if (values.processes) console.log(`  ${faultsPerRowLine(faultsBefore, hub.faults(), again.done)}`);
    console.log(`  (${cpus().length} cores: a quiet machine tops out near cores ÷ CPU per row, if every part keeps busy)`);
  } finally {
    await hub.stop();
  }
}

async function inProcessHub(): Promise<Hub> {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL database you own (tables go to throwaway schemas)');
  const stack = await startStack({ kind: 'postgres', today: () => TODAY });
  const databaseName = new URL(process.env.DATABASE_URL).pathname.slice(1);
  const db = stack.database('sanctions').db as unknown as { execute(query: unknown): Promise<unknown> };
  return {
    gatewayUrl: stack.gatewayUrl,
    token: await stack.token({ role: 'admin', sub: 'bench-import' }),
    registerEnterprise: (uscc) => stack.registerEnterprise(uscc),
    cpu: () => cpuSnapshot({ hub: thisProcessCpuSeconds, postgres: () => postgresBackendsCpuSeconds(databaseName) }),
    faults: () => ({}),
    async stored(table) {
      const counted = (await db.execute(sql`select count(*)::int as count from ${sql.identifier(table)}`)) as
        | { rows: { count: number }[] }
        | { count: number }[];
      return (Array.isArray(counted) ? counted : counted.rows)[0]?.count ?? 0;
    },
    stop: () => stack.stop(),
  };
}

async function processHub(cpuProfileDir: string | undefined): Promise<Hub> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = 'credithub_bench_import_e2e';
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    // Fresh every run: the table's decision numbers would otherwise be found again (unchanged).
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    // BENCH_PG_LOG_MS=0 logs every statement of the run with its duration (PostgreSQL's server log).
    const logMs = process.env.BENCH_PG_LOG_MS;
    if (logMs !== undefined) await admin.unsafe(`alter database "${name}" set log_min_duration_statement = ${Number(logMs)}`);
    // BENCH_PG_SETTINGS="name=value …": server settings for this database only, to compare them.
    for (const setting of (process.env.BENCH_PG_SETTINGS ?? '').split(/\s+/).filter(Boolean)) {
      const [key, value] = setting.split('=');
      if (!/^[a-z_]+$/.test(key ?? '') || !/^[\w.]+$/.test(value ?? '')) throw new Error(`BENCH_PG_SETTINGS: ${setting}`);
      await admin.unsafe(`alter database "${name}" set ${key} = '${value}'`);
    }
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const hub = await startProcesses(url.href, cpuProfileDir, BASE_PORT);
  const gatewayUrl = hub.gateway;
  const token = await benchToken({ role: 'admin', sub: 'bench-import' });
  const counter = postgres(url.href, { max: 1, onnotice: () => {} });
  return {
    gatewayUrl,
    token,
    async registerEnterprise(uscc) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: REGISTER_ENTERPRISE,
          variables: { input: enterpriseInput(uscc) },
        }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`registerEnterprise ${uscc}: ${JSON.stringify(body.errors)}`);
    },
    cpu: () =>
      cpuSnapshot({
        'reader (this process)': thisProcessCpuSeconds,
        ...Object.fromEntries(Object.entries(hub.pids).map(([part, pid]) => [part, () => processCpuSeconds(pid)])),
        postgres: () => postgresBackendsCpuSeconds(name),
      }),
    faults: () =>
      cpuSnapshot({
        'reader (this process)': thisProcessFaults,
        ...Object.fromEntries(Object.entries(hub.pids).map(([part, pid]) => [part, () => processFaults(pid)])),
        postgres: () => postgresBackendsFaults(name),
      }),
    async stored(table) {
      const [row] = await counter`select count(*)::int as count from ${counter('sanctions')}.${counter(table)}`;
      return (row?.count as number) ?? 0;
    },
    async stop() {
      await counter.end();
      await hub.stop();
    },
  };
}
