/**
 * npm run bench -- draw [--size 100000]
 *
 * A 双随机 draw over every enterprise of a PostgreSQL bench database (`credithub_bench_risk_<size>`,
 * shared with the risk bench and seeded once): the candidate pool is read through the gateway as
 * the inspections subgraph reads it (codes and regions by keyset pages of 3 000; per page, while
 * the next is read, its classes from risk and — when the task needs them — licence and equipment
 * membership from licences), then drawn in memory. Prints the time of each part, the requests per
 * operation and the total (target: under 10 s).
 */
import { parseArgs } from 'node:util';
import type { Database } from '@credit-hub/db';
import { loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { type Candidate, createGatewayCandidateSource, drawEnterprises } from '@credit-hub/inspections';
import { createHubClient, type RunningService, serviceTokenSource } from '@credit-hub/subgraph-kit';
import type { BenchDatabases } from './bench-risk.ts';
import { SUBGRAPHS } from './subgraphs.ts';

export async function benchDraw(args: string[], databases: BenchDatabases): Promise<void> {
  const { values } = parseArgs({ args, options: { size: { type: 'string', default: '100000' } } });
  const size = Number(values.size);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await databases.ensureDatabase(serverUrl, `credithub_bench_risk_${size}`);
  await databases.ensureSeeded(url, size);
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: url, SEED_DEMO: 'false', NODE_ENV: 'development' };
  const services: RunningService[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  const opened: Database<any>[] = [];
  try {
    for (const subgraph of SUBGRAPHS) {
      const database = await subgraph.openDatabase(env);
      opened.push(database);
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
    const client = createHubClient({
      url: `${gateway.url}/graphql`,
      token: serviceTokenSource(loadGatewayEnv(env), 'inspections'),
      timeoutMs: 120_000,
      purpose: 'bench',
    });
    // Time spent per operation (summed over requests, which overlap): where a slow read goes.
    const spent = new Map<string, { requests: number; ms: number }>();
    const source = createGatewayCandidateSource(async (query, variables) => {
      const name = /query (\w+)/.exec(query)?.[1] ?? 'query';
      const started = performance.now();
      try {
        return await client(query, variables);
      } finally {
        const entry = spent.get(name) ?? { requests: 0, ms: 0 };
        entry.requests++;
        entry.ms += performance.now() - started;
        spent.set(name, entry);
      }
    });
    const inspectors = Array.from({ length: 200 }, (_, index) => ({
      id: index + 1,
      regionCode: ['140802', '350102', '430102'][index % 3] as string,
    }));
    const ratios = { A: 200, B: 500, C: 1500, D: 5000, UNCLASSIFIED: 500 };
    // A general task (no licence or equipment condition), then a special-equipment user-unit task
    // (licences and equipment registrations read too), each over the whole seeded population.
    for (const [label, filter] of [
      ['general task', { keyDomain: null, industryCode: null, licenseKind: null, equipmentUsers: false }],
      ['special-equipment user units', { keyDomain: null, industryCode: null, licenseKind: null, equipmentUsers: true }],
    ] as const) {
      const started = Date.now();
      spent.clear();
      const pool: Candidate[] = [];
      // A task's pool is one region prefix; the seeded population spans three provinces.
      for (const province of ['14', '35', '43']) pool.push(...(await source.candidates({ regionPrefix: province, ...filter })));
      const fetched = Date.now();
      const outcome = drawEnterprises({ pool, ratios, inspectors, perEnterprise: 2, seed: 2026 });
      const drawn = Date.now();
      console.log(
        `${label}: pool of ${pool.length} candidates (of ${size} enterprises) read through the gateway in ${((fetched - started) / 1000).toFixed(1)} s`,
      );
      for (const [name, entry] of spent) {
        console.log(`  ${name}: ${entry.requests} requests, ${(entry.ms / entry.requests).toFixed(0)} ms each on average`);
      }
      console.log(`  drew ${outcome.entries.length} (${outcome.keySupervisionCount} key supervision) in ${drawn - fetched} ms`);
      const total = drawn - started;
      console.log(`  total ${(total / 1000).toFixed(1)} s — target under 10 s: ${total < 10_000 ? 'OK' : 'OVER'}`);
    }
  } finally {
    for (const service of services.reverse()) await service.stop().catch(() => {});
    for (const database of opened) await database.close().catch(() => {});
  }
}
