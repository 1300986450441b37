/**
 * npm run bench -- risk [--size 100000]
 *
 * Classifies every enterprise of a PostgreSQL bench database (`credithub_bench_risk_<size>`,
 * seeded once) through the gateway, the hub running in this process so each subgraph's SQL
 * statements can be counted per batch. Prints the duration (target: 100 000 in under 2 minutes)
 * and the statements each subgraph ran per batch of 500 (constant: they do not grow with the batch).
 */
import { parseArgs } from 'node:util';
import type { Database } from '@credit-hub/db';
import { loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { classifyMonth, gatewayReaderFromEnv, loadEnv, loadModelFile, type RiskDatabase } from '@credit-hub/risk';
import { type RunningService, todayInChina } from '@credit-hub/subgraph-kit';
import { SUBGRAPHS } from './subgraphs.ts';

export interface BenchDatabases {
  ensureDatabase(serverUrl: string, name: string): Promise<string>;
  ensureSeeded(url: string, size: number): Promise<void>;
}

export async function benchRisk(args: string[], databases: BenchDatabases): Promise<void> {
  const { values } = parseArgs({ args, options: { size: { type: 'string', default: '100000' } } });
  const size = Number(values.size);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await databases.ensureDatabase(serverUrl, `credithub_bench_risk_${size}`);
  await databases.ensureSeeded(url, size);

  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: url, SEED_DEMO: 'false', NODE_ENV: 'development' };
  const services: RunningService[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  const opened: Record<string, Database<any>> = {};
  try {
    for (const subgraph of SUBGRAPHS) {
      const database = await subgraph.openDatabase(env, { countStatements: true });
      opened[subgraph.name] = database;
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
    const riskEnv = loadEnv(env);
    const count = () => Object.fromEntries(Object.entries(opened).map(([name, database]) => [name, database.statements?.count ?? 0]));
    const perBatch: Record<string, number>[] = [];
    let last = count();
    const before = last;
    const today = todayInChina();
    const risk = opened.risk as RiskDatabase | undefined;
    if (!risk) throw new Error('no risk subgraph');
    const outcome = await classifyMonth({
      db: risk.db,
      reader: gatewayReaderFromEnv(riskEnv, `${gateway.url}/graphql`),
      versions: loadModelFile(riskEnv.RISK_MODEL_FILE),
      month: today.slice(0, 7),
      today,
      startedBy: 'bench',
      onBatch: (batchSize) => {
        if (batchSize < 500) return;
        const now = count();
        perBatch.push(Object.fromEntries(Object.entries(now).map(([name, value]) => [name, value - (last[name] ?? 0)])));
        last = now;
      },
    });
    const { A, B, C, D } = outcome.counts;
    console.log(
      `classified ${A + B + C + D} enterprises in ${(outcome.durationMs / 1000).toFixed(1)} s (${outcome.batches} batches of ≤ 500)`,
    );
    console.log(`  A ${A}  B ${B}  C ${C}  D ${D}`);
    const after = count();
    // Reads run ahead of writes, so a single interval between two batches can hold 0 or 2 batches'
    // reads: the mean over the run is the number to compare, the spread shows it does not drift.
    console.log('SQL statements per batch of 500: mean over the run (median / min / max between consecutive batches):');
    for (const name of Object.keys(opened)) {
      const mean = ((after[name] ?? 0) - (before[name] ?? 0)) / outcome.batches;
      const values = perBatch
        .slice(1)
        .map((batch) => batch[name] ?? 0)
        .sort((a, b) => a - b);
      const median = values[Math.floor(values.length / 2)] ?? 0;
      console.log(`  ${name.padEnd(12)} ${mean.toFixed(2)}  (${median} / ${values[0] ?? 0} / ${values.at(-1) ?? 0})`);
    }
    console.log(`target: under 120 s — ${outcome.durationMs < 120_000 ? 'OK' : 'OVER'}`);
  } finally {
    for (const service of services.reverse()) await service.stop().catch(() => {});
    for (const database of Object.values(opened)) await database.close().catch(() => {});
  }
}
