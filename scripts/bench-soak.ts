/**
 * npm run bench -- soak [--minutes 10] [--callers 50] [--warmup 180] [--enterprises 2000]
 *
 * Soak test on PostgreSQL: every subgraph and the gateway in its own process (production mode),
 * `callers` concurrent clients sending a realistic mix for `minutes` — profiles, batch lookups,
 * name searches, code checks, and writes that are refused on purpose (conflict, forbidden,
 * unauthenticated) — anonymous and with tokens. Prints each process's resident memory (VmRSS)
 * over the run (the median of its last fifth must not exceed that of its first fifth by 10 %), and the error count (must be 0):
 * 5xx answers, INTERNAL_SERVER_ERROR, SUBGRAPH_UNAVAILABLE, a failed connection, or any answer
 * other than the one a request was built to get. Exit status 1 when either check fails.
 *
 * Why a 180 s warm-up: under this load V8 grows each heap's young and old generation budgets for
 * the first two to three minutes (the gateway's JS heap in use swings between 80 and 250 MB between
 * collections while its live heap, measured by heap snapshots, stays near 67 MB). RSS measured
 * before that settles compares heap sizing, not leaks. `--heap-snapshots` takes a snapshot of every
 * process after warm-up and at the end (a snapshot forces a full collection; it inflates RSS, so
 * read RSS from a run without it) and `npm run bench -- heap-diff a b` compares them by constructor.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { enterpriseAt, type SeedEnterprise } from '@credit-hub/seed';
import { BENCH_SECRETS, benchToken, ensureDatabase, ensureSeeded } from './bench.ts';
import { FULL_PROFILE, SEARCH_BY_NAME } from './bench-queries.ts';
import { SUBGRAPHS } from './subgraphs.ts';

const BASE_PORT = 4500;
const MAX_RSS_GROWTH = 0.1;

interface Service {
  name: string;
  child: ChildProcess;
  url: string;
}

interface Scenario {
  name: string;
  weight: number;
  /** The request; `expect` is the error code it is built to provoke (undefined: success). */
  build: (index: number) => { query: string; variables?: Record<string, unknown>; token?: string; expect?: string[] };
}

interface Tally {
  requests: number;
  errors: number;
  provoked: number;
  latencies: number[];
}

export async function runSoak(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      minutes: { type: 'string', default: '10' },
      callers: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '180' },
      enterprises: { type: 'string', default: '2000' },
      'heap-snapshots': { type: 'boolean', default: false },
    },
  });
  const minutes = Number(values.minutes);
  const callers = Number(values.callers);
  const warmupSeconds = Number(values.warmup);
  const size = Number(values.enterprises);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await ensureDatabase(serverUrl, `credithub_bench_${size}`);
  await ensureSeeded(databaseUrl, size);

  const snapshots = values['heap-snapshots'];
  const services = await startServices(databaseUrl, snapshots);
  const tallies = new Map<string, Tally>();
  const failures = new Map<string, number>();
  try {
    const rssAtReady = rssOf(services);
    const scenarios = await buildScenarios(size);
    const gateway = `${services.find((service) => service.name === 'gateway')?.url}/graphql`;
    console.log(
      `soak: ${callers} callers, ${minutes} min after ${warmupSeconds} s warm-up, ${size} enterprises, each service its own process`,
    );

    const warmupEnd = Date.now() + warmupSeconds * 1000;
    await drive(gateway, scenarios, callers, warmupEnd, new Map(), new Map());
    const rssAfterWarmup = rssOf(services);
    if (snapshots) await takeHeapSnapshots(services, 'after warm-up');

    const end = Date.now() + minutes * 60_000;
    const progress = setInterval(async () => {
      const total = [...tallies.values()].reduce((sum, tally) => sum + tally.requests, 0);
      const errors = [...tallies.values()].reduce((sum, tally) => sum + tally.errors, 0);
      const rss = rssOf(services);
      const heaps = await heapsOf(services);
      console.log(
        `  ${Math.round((end - Date.now()) / 1000)} s left · ${total} requests · ${errors} errors · RSS (JS heap used) ${services.map((s) => `${s.name} ${mb(rss.get(s.name))} (${mb(heaps.get(s.name))})`).join(', ')}`,
      );
    }, 30_000);
    // RSS every 5 s: a collected runtime's RSS swings with its heap between collections (the
    // gateway's by ±90 MB here), so one reading at each end compares two points of that swing.
    // Growth is the median of the last fifth of the run against the median of the first fifth.
    const samples = new Map<string, number[]>(services.map((service) => [service.name, []]));
    const sample = () => {
      for (const [name, bytes] of rssOf(services)) samples.get(name)?.push(bytes);
    };
    sample();
    const sampler = setInterval(sample, 5_000);
    const started = Date.now();
    await drive(gateway, scenarios, callers, end, tallies, failures);
    clearInterval(progress);
    clearInterval(sampler);
    sample();
    const seconds = (Date.now() - started) / 1000;
    if (snapshots) await takeHeapSnapshots(services, 'at the end');

    report({ services, rssAtReady, rssAfterWarmup, samples, tallies, failures, seconds });
  } finally {
    await stopServices(services);
  }
}

/** Starts each subgraph and then the gateway as separate node processes, as in production. */
async function startServices(databaseUrl: string, snapshots = false): Promise<Service[]> {
  const common = {
    ...process.env,
    ...BENCH_SECRETS,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    // A heap snapshot forces a full collection first, so two of them compare live objects only.
    ...(snapshots ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2`.trim() } : {}),
  };
  const services: Service[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const [index, subgraph] of SUBGRAPHS.entries()) {
      const port = BASE_PORT + 1 + index;
      const entry = new URL(`../subgraphs/${subgraph.name}/src/server.ts`, import.meta.url).pathname;
      services.push(await startProcess(subgraph.name, entry, { ...common, [`${subgraph.name.toUpperCase()}_PORT`]: String(port) }, port));
      urls[`${subgraph.name.toUpperCase()}_URL`] = `http://127.0.0.1:${port}/graphql`;
    }
    const entry = new URL('../gateway/src/server.ts', import.meta.url).pathname;
    services.push(await startProcess('gateway', entry, { ...common, ...urls, PORT: String(BASE_PORT) }, BASE_PORT));
    return services;
  } catch (error) {
    await stopServices(services);
    throw error;
  }
}

async function startProcess(name: string, entry: string, env: Record<string, string | undefined>, port: number): Promise<Service> {
  // node itself (not npx/tsx wrappers), so the pid is the service whose memory is measured.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300) throw new Error(`${name} did not become ready in 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { name, child, url };
}

async function stopServices(services: Service[]): Promise<void> {
  for (const service of [...services].reverse()) {
    if (service.child.exitCode !== null) continue;
    service.child.kill('SIGTERM');
    await new Promise((resolve) => service.child.once('exit', resolve));
  }
}

/** Resident memory of each service process in bytes, from /proc/<pid>/status (VmRSS, in kB). */
function rssOf(services: Service[]): Map<string, number> {
  const rss = new Map<string, number>();
  for (const service of services) {
    const status = readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
    const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
    rss.set(service.name, kilobytes * 1024);
  }
  return rss;
}

/**
 * --heap-snapshots: each service writes a snapshot (Heap.*.heapsnapshot in the working directory,
 * for Chrome DevTools' comparison view; `npm run bench -- heap-diff a b` summarises two of them).
 */
async function takeHeapSnapshots(services: Service[], when: string): Promise<void> {
  console.log(`  heap snapshots ${when}…`);
  for (const service of services) service.child.kill('SIGUSR2');
  // Writing takes a few seconds per process; the services keep serving meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 20_000));
}

/**
 * JS heap in use per service, from its own /metrics (prom-client's default metrics): tells a leak
 * of JavaScript objects (heap grows with RSS) from allocator growth (RSS grows, heap flat).
 */
async function heapsOf(services: Service[]): Promise<Map<string, number>> {
  const heaps = new Map<string, number>();
  await Promise.all(
    services.map(async (service) => {
      try {
        const text = await (await fetch(`${service.url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
        heaps.set(service.name, Number(/^nodejs_heap_size_used_bytes\S* (\d+)/m.exec(text)?.[1] ?? Number.NaN));
      } catch {
        heaps.set(service.name, Number.NaN);
      }
    }),
  );
  return heaps;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

const mb = (bytes: number | undefined) => `${((bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`;

async function buildScenarios(size: number): Promise<Scenario[]> {
  const sample: SeedEnterprise[] = Array.from({ length: 500 }, (_, i) => enterpriseAt((i * 7919) % size));
  const pick = (index: number) => sample[index % sample.length] as SeedEnterprise;
  const fragments = sample.map((e) => e.name.replace(/^(.{2,3}?)(市|县|区)?/, '').slice(0, 4));
  const province = (e: SeedEnterprise) => `${e.regionCode.slice(0, 2)}0000`;
  const first = pick(0);
  const tokens = {
    analyst: await benchToken({ role: 'analyst' }),
    platform: await benchToken({ role: 'platform' }),
    regulator: await benchToken({ role: 'regulator', region: province(first), dept: 'DJZC' }),
    outsider: await benchToken({ role: 'regulator', region: first.regionCode.startsWith('11') ? '120000' : '110000', dept: 'DJZC' }),
  };
  const sameProvince = sample.filter((e) => province(e) === province(first));
  const callerToken = (index: number) => [undefined, tokens.analyst, tokens.platform, tokens.regulator][index % 4];
  const register = (e: SeedEnterprise) => ({
    uscc: e.uscc,
    name: e.name,
    enterpriseType: '有限责任公司',
    legalRepresentative: '张伟',
    establishedOn: '2020-01-01',
    registrationAuthority: '市场监督管理局',
    address: '测试地址1号',
    businessScope: '测试',
  });
  const REGISTER = 'mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { uscc } } }';
  const UPDATE = 'mutation Update($uscc: String!) { updateEnterprise(uscc: $uscc, input: { name: "不应写入的名称" }) { name } }';
  return [
    { name: 'profile', weight: 30, build: (i) => ({ query: FULL_PROFILE, variables: { uscc: pick(i).uscc }, token: callerToken(i) }) },
    {
      name: 'batch lookup (20)',
      weight: 15,
      build: (i) => ({
        query: 'query Batch($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc name status } }',
        variables: { usccs: Array.from({ length: 20 }, (_, k) => pick(i + k * 13).uscc) },
        token: callerToken(i),
      }),
    },
    {
      name: 'name search',
      weight: 20,
      build: (i) => ({ query: SEARCH_BY_NAME, variables: { fragment: fragments[i % fragments.length] }, token: callerToken(i) }),
    },
    {
      name: 'checkUscc',
      weight: 15,
      build: (i) => ({
        query: 'query Check($code: String!) { checkUscc(code: $code) { valid normalized problems { rule position } } }',
        // Half valid codes, half with a corrupted check character.
        variables: { code: i % 2 ? pick(i).uscc : `${pick(i).uscc.slice(0, 17)}${pick(i).uscc.endsWith('0') ? '1' : '0'}` },
      }),
    },
    {
      name: 'register existing (conflict)',
      weight: 5,
      build: (i) => ({
        query: REGISTER,
        variables: { input: register(sameProvince[i % sameProvince.length] ?? first) },
        token: tokens.regulator,
        expect: ['CONFLICT'],
      }),
    },
    {
      name: 'register outside region (forbidden)',
      weight: 5,
      build: (i) => ({
        query: REGISTER,
        variables: { input: register(pick(i)) },
        token: tokens.outsider,
        expect: ['FORBIDDEN', 'CONFLICT'],
      }),
    },
    {
      name: 'update as analyst (forbidden)',
      weight: 5,
      build: (i) => ({ query: UPDATE, variables: { uscc: pick(i).uscc }, token: tokens.analyst, expect: ['FORBIDDEN'] }),
    },
    {
      name: 'update anonymously (unauthenticated)',
      weight: 5,
      build: (i) => ({ query: UPDATE, variables: { uscc: pick(i).uscc }, expect: ['UNAUTHENTICATED', 'FORBIDDEN'] }),
    },
  ];
}

/** Runs `callers` concurrent loops until `until`, each choosing a scenario by weight. */
async function drive(
  url: string,
  scenarios: Scenario[],
  callers: number,
  until: number,
  tallies: Map<string, Tally>,
  failures: Map<string, number>,
): Promise<void> {
  const totalWeight = scenarios.reduce((sum, scenario) => sum + scenario.weight, 0);
  let sequence = 0;
  const choose = (index: number) => {
    let point = (index * 2654435761) % totalWeight;
    for (const scenario of scenarios) {
      if (point < scenario.weight) return scenario;
      point -= scenario.weight;
    }
    return scenarios[0] as Scenario;
  };
  const caller = async () => {
    while (Date.now() < until) {
      const index = sequence++;
      const scenario = choose(index);
      const tally = tallies.get(scenario.name) ?? { requests: 0, errors: 0, provoked: 0, latencies: [] };
      tallies.set(scenario.name, tally);
      const { query, variables, token, expect } = scenario.build(index);
      const started = performance.now();
      const failure = await send(url, query, variables, token, expect);
      tally.latencies.push(performance.now() - started);
      tally.requests += 1;
      if (failure) {
        tally.errors += 1;
        failures.set(`${scenario.name}: ${failure}`, (failures.get(`${scenario.name}: ${failure}`) ?? 0) + 1);
      } else if (expect) {
        tally.provoked += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
}

/** Undefined when the answer is the one the request was built to get; otherwise what went wrong. */
async function send(
  url: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  token: string | undefined,
  expected: string[] | undefined,
): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    if (response.status >= 500) return `HTTP ${response.status}`;
    const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE');
    if (!expected) return codes.length ? codes.join(',') : response.status === 200 ? undefined : `HTTP ${response.status}`;
    if (codes.length === 0) return `expected ${expected.join('|')}, got success`;
    return codes.every((code) => expected.includes(code)) ? undefined : codes.join(',');
  } catch (error) {
    return (error as Error).name;
  }
}

function report(run: {
  services: Service[];
  rssAtReady: Map<string, number>;
  rssAfterWarmup: Map<string, number>;
  samples: Map<string, number[]>;
  tallies: Map<string, Tally>;
  failures: Map<string, number>;
  seconds: number;
}): void {
  console.log('\nrequests');
  let total = 0;
  let errors = 0;
  for (const [name, tally] of run.tallies) {
    tally.latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      (tally.latencies[Math.min(tally.latencies.length - 1, Math.floor(q * tally.latencies.length))] ?? 0).toFixed(1);
    total += tally.requests;
    errors += tally.errors;
    console.log(
      `  ${name.padEnd(38)} ${String(tally.requests).padStart(8)}  p50 ${at(0.5).padStart(6)} ms  p99 ${at(0.99).padStart(7)} ms  provoked ${tally.provoked}  errors ${tally.errors}`,
    );
  }
  console.log(`  total ${total} in ${run.seconds.toFixed(0)} s = ${(total / run.seconds).toFixed(0)} req/s`);
  for (const [failure, count] of run.failures) console.log(`  error ×${count}: ${failure}`);

  console.log(
    '\nresident memory (VmRSS, sampled every 5 s): ready · at warm-up end · median of the first fifth → median of the last fifth (limit 10 %) · range',
  );
  let grew = false;
  for (const service of run.services) {
    const ready = run.rssAtReady.get(service.name) ?? 0;
    const warm = run.rssAfterWarmup.get(service.name) ?? 0;
    const series = run.samples.get(service.name) ?? [];
    const fifth = Math.max(1, Math.floor(series.length / 5));
    const first = median(series.slice(0, fifth));
    const last = median(series.slice(-fifth));
    const growth = (last - first) / first;
    if (growth > MAX_RSS_GROWTH) grew = true;
    console.log(
      `  ${service.name.padEnd(12)} pid ${String(service.child.pid).padEnd(8)} ${mb(ready)} · ${mb(warm)} · ${mb(first)} → ${mb(last)}  ${(growth * 100).toFixed(1)} % ${growth > MAX_RSS_GROWTH ? 'OVER' : 'OK'} · ${mb(Math.min(...series))}–${mb(Math.max(...series))}`,
    );
  }
  console.log(`\nerrors: ${errors} ${errors === 0 ? 'OK' : 'FAIL'}  ·  memory: ${grew ? 'FAIL' : 'OK'}`);
  if (errors > 0 || grew) process.exitCode = 1;
}
