/**
 * npm run bench -- export-job [--rows 1000000] [--enterprises 10000] [--format csv] [--node-options="--trace-gc"]
 *
 * The whole 双公示 snapshot export path on PostgreSQL (DATABASE_URL, a throwaway schema per
 * subgraph): N published penalties in the sanctions subgraph, the enterprises subgraph seeded with
 * the parties, and the exchange started as its own process (`subgraphs/exchange/src/server.ts`),
 * so that its resident memory is its alone. A platform token starts the export over GraphQL; the
 * exchange reads the sanctions subgraph's `/bulk/penalties` pages and the enterprises lookup, and
 * writes the files. Prints rows/s (start → SUCCEEDED) and the exchange's RSS (from
 * /proc/<pid>/status) before, peak and after. Target ≥ 50 000 rows/s with RSS flat.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv as enterprisesEnv, openEnterprisesTestDatabase, seedEnterprises, startEnterprisesSubgraph } from '@credit-hub/enterprises';
import { openSanctionsTestDatabase, loadEnv as sanctionsEnv, startSanctionsSubgraph } from '@credit-hub/sanctions';
import { enterpriseAt } from '@credit-hub/seed';
import { createLogger, createTokenSource, mintToken, serviceIssuer } from '@credit-hub/subgraph-kit';
import { sql } from 'drizzle-orm';
import { cpuPerRowLine, cpuSnapshot, postgresBackendsCpuSeconds, processCpuSeconds, thisProcessCpuSeconds } from './bench-cpu.ts';

const SECRET = 'credit-hub-bench-export-secret-0123456789';
const TODAY = '2026-12-01';
const ROOT = join(import.meta.dirname, '..');
const mb = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

/** Resident set of a process, in kB, as the kernel counts it. */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

export async function benchExportJob(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string', default: '1000000' },
      enterprises: { type: 'string', default: '10000' },
      format: { type: 'string', default: 'csv' },
      'node-options': { type: 'string', default: '' },
      'heap-snapshots': { type: 'string' },
    },
  });
  if (!process.env.DATABASE_URL) throw new Error('export-job measures the PostgreSQL path: set DATABASE_URL');
  const rows = Number(values.rows);
  const enterpriseCount = Number(values.enterprises);
  const logger = createLogger({ level: 'warn' });
  const env = { NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' };

  const sanctionsDb = await openSanctionsTestDatabase('postgres');
  const enterprisesDb = await openEnterprisesTestDatabase('postgres');
  const exportDir = await mkdtemp(join(tmpdir(), 'bench-export-job-'));
  let exchange: ChildProcess | undefined;
  // The subgraphs without a part in a penalty export answer an empty outbox (the head cursor reads every outbox).
  const emptyOutboxes = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ events: [], scannedThrough: 0, head: 0, prunedThrough: 0 }));
  });
  try {
    let started = performance.now();
    await seedEnterprises(enterprisesDb.db, enterpriseCount, { referenceDate: TODAY });
    // Published penalties, generated in the database (the bench measures the export, not the load).
    const usccs = Array.from({ length: enterpriseCount }, (_, index) => enterpriseAt(index, { referenceDate: TODAY }).uscc);
    for (let from = 0; from < rows; from += 200_000) {
      const to = Math.min(rows, from + 200_000);
      await sanctionsDb.db.execute(sql`
        insert into penalties (uscc, region_code, department, recorded_by, decision_number, violation_type, facts_summary,
          legal_basis, penalty_types, fine_amount, decided_on, authority, case_domain, published_on, public_until)
        select u.codes[1 + i % ${enterpriseCount}::int], substr(u.codes[1 + i % ${enterpriseCount}::int], 3, 6), 'TSSB', 'bench',
          '运市监处罚〔2026〕' || i || '号', '未经许可从事特种设备生产', '经查，当事人未取得许可从事压力容器制造，违法所得若干元。',
          '《中华人民共和国特种设备安全法》第七十四条', array['FINE', 'CONFISCATE_ILLEGAL_GAINS'], 45000 + i % 1000,
          date '2026-06-01' + (i % 150), '运城市市场监督管理局', 'SPECIAL_EQUIPMENT', date '2026-06-05' + (i % 150), date '2029-06-05'
        from generate_series(${from + 1}::int, ${to}::int) as i, (select string_to_array(${usccs.join(',')}::text, ',') as codes) as u`);
    }
    await sanctionsDb.db.execute(sql`analyze penalties`);
    console.log(
      `loaded ${rows} penalties of ${enterpriseCount} enterprises in ${((performance.now() - started) / 1000).toFixed(1)} s (load ${load()})`,
    );

    const sanctions = await startSanctionsSubgraph({ env: sanctionsEnv(env), port: 0, database: sanctionsDb, logger, today: () => TODAY });
    const enterprises = await startEnterprisesSubgraph({
      env: enterprisesEnv(env),
      port: 0,
      database: enterprisesDb,
      logger,
      today: () => TODAY,
    });
    // The owning subgraph's side alone: every bulk page read in turn, as the exchange reads them.
    const service = createTokenSource({
      secret: SECRET,
      issuer: serviceIssuer('credit-hub'),
      audience: 'credit-hub',
      sub: 'service:bench',
      role: 'service',
      ttlSeconds: 600,
    });
    started = performance.now();
    let bulkRows = 0;
    for (let after: string | null = null; ; ) {
      const params = new URLSearchParams({ limit: String(process.env.EXPORT_PAGE_SIZE ?? 2000), ...(after ? { after } : {}) });
      const response = await fetch(`${sanctions.url}/bulk/penalties?${params}`, {
        headers: { authorization: `Bearer ${await service()}` },
      });
      const page = (await response.json()) as { rows: unknown[]; next: string | null };
      bulkRows += page.rows.length;
      if (page.next === null) break;
      after = page.next;
    }
    const bulkSeconds = (performance.now() - started) / 1000;
    console.log(
      `bulk pages alone: ${bulkRows} rows in ${bulkSeconds.toFixed(2)} s = ${Math.round(bulkRows / bulkSeconds)} rows/s (load ${load()})`,
    );
    await new Promise<void>((resolve) => emptyOutboxes.listen(0, '127.0.0.1', resolve));
    const empty = `http://127.0.0.1:${(emptyOutboxes.address() as AddressInfo).port}/graphql`;
    const port = await freePort();
    const exchangeUrl = `http://127.0.0.1:${port}`;
    const snapshots = values['heap-snapshots'];
    const nodeOptions = [
      ...(values['node-options'] as string).split(' ').filter(Boolean),
      ...(snapshots ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`] : []),
    ];
    exchange = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'subgraphs/exchange/src/server.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        ...env,
        EXCHANGE_PORT: String(port),
        EXPORT_DIR: exportDir,
        SANCTIONS_URL: `${sanctions.url}/graphql`,
        ENTERPRISES_URL: `${enterprises.url}/graphql`,
        LICENSES_URL: empty,
        INSPECTIONS_URL: empty,
        RISK_URL: empty,
      },
    });
    const pid = exchange.pid as number;
    for (let attempt = 0; ; attempt += 1) {
      if (exchange.exitCode !== null) throw new Error(`exchange exited with ${exchange.exitCode}`);
      if (
        await fetch(`${exchangeUrl}/readyz`).then(
          (response) => response.ok,
          () => false,
        )
      )
        break;
      if (attempt > 600) throw new Error('exchange did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const token = await mintToken({
      secret: SECRET,
      issuer: 'credit-hub',
      audience: 'credit-hub',
      sub: 'bench',
      role: 'platform',
      expiresIn: 3600,
    });
    const query = async <T>(source: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${exchangeUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: source, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (!body.data) throw new Error(`exchange answered ${JSON.stringify(body.errors)}`);
      return body.data;
    };

    /** A heap snapshot (V8 collects garbage fully first), written before the process goes on. */
    const heapSnapshot = async () => {
      if (!snapshots) return;
      exchange?.kill('SIGUSR2');
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    };
    await heapSnapshot();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = await rssOf(pid);
    let peak = before;
    const samples: number[] = [];
    const sampler = setInterval(() => {
      rssOf(pid).then(
        (rss) => {
          peak = Math.max(peak, rss);
          samples.push(rss);
        },
        () => {},
      );
    }, 100);
    // CPU per row of each part: what the load of other processes on the machine changes least.
    const databaseName = new URL(process.env.DATABASE_URL).pathname.slice(1);
    const cpu = () =>
      cpuSnapshot({
        exchange: () => processCpuSeconds(pid),
        'sanctions + enterprises (this process)': thisProcessCpuSeconds,
        postgres: () => postgresBackendsCpuSeconds(databaseName),
      });
    const cpuBefore = cpu();
    started = performance.now();
    const { startExport } = await query<{ startExport: { id: string } }>(
      'mutation($format: ExportFormat) { startExport(kind: PENALTIES, format: $format) { id } }',
      { format: values.format === 'ndjson' ? 'NDJSON' : values.format === 'xlsx' ? 'XLSX' : 'CSV' },
    );
    type Job = {
      status: string;
      rowsWritten: number;
      error: string | null;
      files: { name: string; rows: number; bytes: number; sha256: string }[];
    };
    let job: Job;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (
        await query<{ exportJob: Job }>(
          'query($id: ID!) { exportJob(id: $id) { status rowsWritten error files { name rows bytes sha256 } } }',
          {
            id: startExport.id,
          },
        )
      ).exportJob;
      if (job.status === 'SUCCEEDED' || job.status === 'FAILED') break;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = cpu();
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const after = await rssOf(pid);
    await heapSnapshot();
    if (job.status !== 'SUCCEEDED') throw new Error(`export job ${job.status}: ${job.error}`);
    const data = job.files.find((file) => file.name.startsWith('CF.'));
    const quarter = (q: number) => samples[Math.min(samples.length - 1, Math.floor((samples.length * q) / 4))] ?? 0;
    console.log(
      `export job ${data?.rows} penalties as ${values.format} through /bulk/penalties: ${seconds.toFixed(2)} s = ${Math.round((data?.rows ?? 0) / seconds)} rows/s (target ≥ 50 000), ${((data?.bytes ?? 0) / 1024 / 1024).toFixed(0)} MB; load ${load()}`,
    );
    console.log(cpuPerRowLine(cpuBefore, cpuAfter, data?.rows ?? 1));
    // The same --rows and --enterprises give the same files: their sums show that a change kept the bytes.
    for (const file of job.files) console.log(`  ${file.name}: ${file.rows} rows, sha256 ${file.sha256}`);
    console.log(
      `exchange RSS before ${mb(before)}, at 1/4 ${mb(quarter(1))}, 1/2 ${mb(quarter(2))}, 3/4 ${mb(quarter(3))}, peak ${mb(peak)}, after ${mb(after)}`,
    );
    await sanctions.stop();
    await enterprises.stop();
  } finally {
    if (exchange && exchange.exitCode === null) {
      exchange.kill('SIGTERM');
      await new Promise((resolve) => exchange?.once('exit', resolve));
    }
    emptyOutboxes.close();
    await sanctionsDb.close();
    await enterprisesDb.close();
    await rm(exportDir, { recursive: true, force: true });
  }
}
