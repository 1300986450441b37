/**
 * npm run bench [-- --sizes 2000,100000 --duration 10 --connections 10]
 *
 * For each size: a PostgreSQL database `credithub_bench_<size>` (on the server of BENCH_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/postgres) seeded once with that many enterprises,
 * the hub started as `npm start` starts it (one process, separate from this one), then autocannon
 * load for each scenario. Prints requests/s and p50/p99 latency, the gateway overhead ratio and the
 * name-search p50 ratio between the largest and the smallest size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { enterpriseAt } from '@credit-hub/seed';
import { authEnvShape, authSettingsFromEnv, mintToken, parseEnv } from '@credit-hub/subgraph-kit';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { ENTERPRISE_BY_USCC, FULL_PROFILE, SEARCH_BY_NAME } from './bench-queries.ts';
import { benchRisk } from './bench-risk.ts';
import type { TokenRequest } from './dev-tokens.ts';
import { SUBGRAPHS } from './subgraphs.ts';

interface Result {
  size: number;
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const BASE_PORT = 4400;

/**
 * The secrets this process mints tokens with, handed to the hub (which runs as production and so
 * refuses the development secret): the configured ones, or fresh random ones for this run.
 */
const auth = authSettingsFromEnv(parseEnv(authEnvShape, process.env));
export const BENCH_SECRETS = {
  AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? randomBytes(32).toString('base64url'),
  AUTH_GATEWAY_SECRET: process.env.AUTH_GATEWAY_SECRET ?? randomBytes(32).toString('base64url'),
};

/** A caller token the production-mode hub of the bench accepts. */
export function benchToken(request: TokenRequest): Promise<string> {
  return mintToken({
    secret: BENCH_SECRETS.AUTH_JWT_SECRET,
    issuer: auth.issuer,
    audience: auth.audience,
    sub: request.sub ?? `bench-${request.role}`,
    role: request.role,
    dept: request.dept,
    region: request.region,
    expiresIn: request.expiresIn ?? 3600,
  });
}

async function main() {
  if (process.argv[2] === 'feed') return (await import('./bench-feed.ts')).benchFeed(process.argv.slice(3));
  if (process.argv[2] === 'limits') return (await import('./bench-limits.ts')).benchLimits();
  if (process.argv[2] === 'heap-diff') return (await import('./bench-heap-diff.ts')).heapDiff(process.argv.slice(3));
  if (process.argv[2] === 'soak') return (await import('./bench-soak.ts')).runSoak(process.argv.slice(3));
  if (process.argv[2] === 'import') return (await import('./bench-tables.ts')).benchImport(process.argv.slice(3));
  if (process.argv[2] === 'lookup') return (await import('./bench-lookup.ts')).benchLookup(process.argv.slice(3));
  if (process.argv[2] === 'import-e2e') return (await import('./bench-import-e2e.ts')).benchImportEndToEnd(process.argv.slice(3));
  if (process.argv[2] === 'export') return (await import('./bench-tables.ts')).benchExport(process.argv.slice(3));
  if (process.argv[2] === 'export-job') return (await import('./bench-export-job.ts')).benchExportJob(process.argv.slice(3));
  if (process.argv[2] === 'batch-check') {
    return (await import('./bench-batch-check.ts')).benchBatchCheck(process.argv.slice(3), { ensureDatabase, ensureSeeded });
  }
  if (process.argv[2] === 'scale') return (await import('./bench-scale.ts')).benchScale(process.argv.slice(3));
  if (process.argv[2] === 'risk') return benchRisk(process.argv.slice(3), { ensureDatabase, ensureSeeded });
  if (process.argv[2] === 'draw')
    return (await import('./bench-draw.ts')).benchDraw(process.argv.slice(3), { ensureDatabase, ensureSeeded });
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '2000,100000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const token = await benchToken({ role: 'analyst' });
  const results: Result[] = [];

  for (const size of sizes) {
    const url = await ensureDatabase(serverUrl, `credithub_bench_${size}`);
    await ensureSeeded(url, size);
    const hub = await startHub(url);
    try {
      const sample = Array.from({ length: 500 }, (_, i) => enterpriseAt(Math.floor((i * 7919) % size)));
      const usccs = sample.map((e) => e.uscc);
      // Selective fragments, as people search: trade name + industry word of a real enterprise.
      const fragments = sample.map((e) => e.name.replace(/^(.{2,3}?)(市|县|区)?/, '').slice(0, 4));
      const scenarios: [string, string, string, (i: number) => Record<string, unknown>][] = [
        ['enterprise(uscc) via gateway', hub.gateway, ENTERPRISE_BY_USCC, (i) => ({ uscc: usccs[i % usccs.length] })],
        ['enterprise(uscc) direct to subgraph', hub.enterprises, ENTERPRISE_BY_USCC, (i) => ({ uscc: usccs[i % usccs.length] })],
        [
          'searchEnterprises(name fragment) via gateway',
          hub.gateway,
          SEARCH_BY_NAME,
          (i) => ({ fragment: fragments[i % fragments.length] }),
        ],
        ['full profile via gateway', hub.gateway, FULL_PROFILE, (i) => ({ uscc: usccs[i % usccs.length] })],
      ];
      for (const [scenario, target, query, variables] of scenarios) {
        await load(target, query, variables, token, 2, connections); // warm caches and query plans
        const measured = await load(target, query, variables, token, duration, connections);
        results.push({ size, scenario, ...measured });
        console.log(
          `${String(size).padStart(7)}  ${scenario.padEnd(46)} ${measured.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${measured.p50} ms  p99 ${measured.p99} ms${measured.errors ? `  errors ${measured.errors}` : ''}`,
        );
      }
    } finally {
      await hub.stop();
    }
  }
  printSummary(results, sizes);
}

export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!existing) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/**
 * Seeds every subgraph of the database at `url` with the first `size` enterprises through the seed
 * CLI (`npm run seed`): each subgraph loads in its own process at the same time, with its progress.
 */
export async function ensureSeeded(url: string, size: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./seed.ts', import.meta.url).pathname, '--enterprises', String(size)],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`seeding ${size} enterprises failed (exit ${code})`);
}

async function startHub(url: string): Promise<{ gateway: string; enterprises: string; stop: () => Promise<void> }> {
  const ports: Record<string, string> = { PORT: String(BASE_PORT) };
  SUBGRAPHS.forEach((subgraph, index) => {
    ports[`${subgraph.name.toUpperCase()}_PORT`] = String(BASE_PORT + 1 + index);
  });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL('./start.ts', import.meta.url).pathname], {
    env: {
      ...process.env,
      ...ports,
      DATABASE_URL: url,
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      ...BENCH_SECRETS,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const gateway = `http://127.0.0.1:${BASE_PORT}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error('the hub exited during start-up');
    try {
      if ((await fetch(`${gateway}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error('the hub did not become ready in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    gateway: `${gateway}/graphql`,
    enterprises: `http://127.0.0.1:${BASE_PORT + 1}/graphql`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function load(
  url: string,
  query: string,
  variables: (i: number) => Record<string, unknown>,
  token: string,
  seconds: number,
  connections: number,
) {
  let counter = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    duration: seconds,
    connections,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify({ query, variables: variables(counter++) }) }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function printSummary(results: Result[], sizes: number[]) {
  const find = (size: number, scenario: string) => results.find((r) => r.size === size && r.scenario.startsWith(scenario));
  console.log('\nsummary');
  for (const size of sizes) {
    const via = find(size, 'enterprise(uscc) via');
    const direct = find(size, 'enterprise(uscc) direct');
    if (via && direct) console.log(`  ${size}: gateway overhead p50 ${via.p50} / ${direct.p50} ms = ${(via.p50 / direct.p50).toFixed(2)}×`);
  }
  const small = find(Math.min(...sizes), 'searchEnterprises');
  const large = find(Math.max(...sizes), 'searchEnterprises');
  if (small && large && sizes.length > 1) {
    const ratio = large.p50 / small.p50;
    console.log(
      `  name search p50 ${Math.max(...sizes)} vs ${Math.min(...sizes)}: ${large.p50} / ${small.p50} ms = ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'OVER'}`,
    );
  }
}

main().catch((error) => {
  console.error('bench failed:', error);
  process.exit(1);
});
