/**
 * npm run bench -- batch-check [--rows 10000]
 *
 * Batch check of a spreadsheet's worth of codes through the gateway's POST /batch-check, the hub
 * running in this process on a PostgreSQL bench database (`credithub_bench_batch_<rows>`, seeded
 * once with as many enterprises and classified once). The file holds every seeded code but one in
 * fifty, which is replaced by a code with a broken check character, plus a few names. Prints the
 * time from upload to workbook (target: 10 000 codes in under a minute) and the rows per second.
 */
import { parseArgs } from 'node:util';
import { loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { classifyDemoMonth, type RiskDatabase } from '@credit-hub/risk';
import { enterpriseAt } from '@credit-hub/seed';
import { type RunningService, todayInChina } from '@credit-hub/subgraph-kit';
import type { BenchDatabases } from './bench-risk.ts';
import { mintDevToken } from './dev-tokens.ts';
import { SUBGRAPHS } from './subgraphs.ts';

const TARGET_SECONDS = 60;

export async function benchBatchCheck(args: string[], databases: BenchDatabases): Promise<void> {
  const { values } = parseArgs({ args, options: { rows: { type: 'string', default: '10000' } } });
  const rows = Number(values.rows);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await databases.ensureDatabase(serverUrl, `credithub_bench_batch_${rows}`);
  await databases.ensureSeeded(url, rows);

  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: url,
    SEED_DEMO: 'false',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
  };
  const services: RunningService[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    let risk: RiskDatabase | undefined;
    for (const subgraph of SUBGRAPHS) {
      const database = await subgraph.openDatabase(env);
      closers.push(() => database.close());
      if (subgraph.name === 'risk') risk = database as RiskDatabase;
      const service = await subgraph.start({ port: 0, env, database });
      services.push(service);
      env[`${subgraph.name.toUpperCase()}_URL`] = `${service.url}/graphql`;
    }
    const gateway = await startGateway({
      port: 0,
      subgraphUrls: Object.fromEntries(services.map((service) => [service.name, `${service.url}/graphql`])),
      env: loadGatewayEnv(env),
    });
    services.push(gateway);
    if (!risk) throw new Error('no risk subgraph');
    const classified = await classifyDemoMonth({ database: risk, env, gatewayUrl: `${gateway.url}/graphql`, today: todayInChina() });
    if (classified) console.log(`classified ${rows} enterprises once in ${(classified.durationMs / 1000).toFixed(1)} s`);

    const lines = Array.from({ length: rows }, (_, i) => {
      const enterprise = enterpriseAt(i);
      if (i % 50 === 49) return `${enterprise.uscc.slice(0, 17)}${enterprise.uscc.endsWith('X') ? 'Y' : 'X'}`;
      if (i % 500 === 7) return enterprise.name;
      return enterprise.uscc;
    });
    const csv = `统一社会信用代码\n${lines.join('\n')}\n`;
    const token = await mintDevToken({ role: 'analyst' }, env);
    const headers = { authorization: `Bearer ${token}` };

    const started = performance.now();
    const upload = await fetch(`${gateway.url}/batch-check`, { method: 'POST', headers, body: csv });
    const { job, total, error } = (await upload.json()) as { job: string; total: number; error?: string };
    if (upload.status !== 202) throw new Error(`upload refused: ${error}`);
    let state = 'running';
    let polls = 0;
    while (state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      polls++;
      const status = (await (await fetch(`${gateway.url}/batch-check/status?job=${job}`, { headers })).json()) as {
        state: string;
        error?: string;
      };
      if (status.error) throw new Error(status.error);
      state = status.state;
    }
    const workbook = await (await fetch(`${gateway.url}/batch-check/result?job=${job}`, { headers })).arrayBuffer();
    const seconds = (performance.now() - started) / 1000;
    const verdict = seconds < TARGET_SECONDS ? 'within' : 'OVER';
    console.log(
      `batch check of ${total} rows (${lines.filter((_, i) => i % 50 === 49).length} bad codes, ${lines.filter((_, i) => i % 500 === 7).length} names): ${seconds.toFixed(1)} s, ${(total / seconds).toFixed(0)} rows/s, workbook ${(workbook.byteLength / 1024).toFixed(0)} KiB, ${polls} progress polls — ${verdict} the ${TARGET_SECONDS} s target`,
    );
  } finally {
    for (const service of services.reverse()) await service.stop();
    for (const close of closers) await close();
  }
}
