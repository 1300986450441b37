/**
 * npm run bench -- lookup [--calls 20] [--rounds 15] [--codes 200] [--cpu-prof DIR]
 *   The enterprise-facts lookup a write elsewhere makes (createRemoteEnterpriseDirectory →
 *   `enterprises(usccs:)`), on the production-mode hub's processes: CPU per call of the enterprises
 *   subgraph and of this process (the client's fetch and answer parsing).
 */
import { parseArgs } from 'node:util';
import { enterpriseAt } from '@credit-hub/seed';
import {
  authEnvShape,
  authSettingsFromEnv,
  createRemoteEnterpriseDirectory,
  createTokenSource,
  parseEnv,
  serviceIssuer,
} from '@credit-hub/subgraph-kit';
import postgres from 'postgres';
import { enterpriseInput, REGISTER_ENTERPRISE } from '../tests/support/stack.ts';
import { BENCH_SECRETS, benchToken } from './bench.ts';
import { processCpuSeconds, thisProcessCpuSeconds } from './bench-cpu.ts';
import { startProcesses } from './bench-scale.ts';

export async function benchLookup(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string', default: '20' },
      rounds: { type: 'string', default: '15' },
      codes: { type: 'string', default: '200' },
      'cpu-prof': { type: 'string' },
    },
  });
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = process.env.BENCH_LOOKUP_DATABASE ?? 'credithub_bench_lookup';
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const hub = await startProcesses(url.href, values['cpu-prof'], 4800);
  try {
    const token = await benchToken({ role: 'admin', sub: 'bench-lookup' });
    const usccs: string[] = [];
    for (let i = 0; usccs.length < Number(values.codes); i++) {
      const uscc = enterpriseAt(i).uscc;
      const response = await fetch(hub.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: REGISTER_ENTERPRISE, variables: { input: enterpriseInput(uscc) } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      usccs.push(uscc);
    }
    const auth = authSettingsFromEnv(parseEnv(authEnvShape, { ...process.env, ...BENCH_SECRETS }));
    const directory = createRemoteEnterpriseDirectory({
      url: hub.subgraphs.enterprises ?? '',
      timeoutMs: 5000,
      token: createTokenSource({
        secret: auth.gatewaySecret,
        issuer: serviceIssuer(auth.issuer),
        audience: auth.audience,
        sub: 'service:sanctions',
        role: 'service',
        ttlSeconds: 300,
      }),
    });
    const pid = hub.pids.enterprises ?? 0;
    const calls = Number(values.calls);
    const rounds = Number(values.rounds);
    // The first round is what an import of 10 000 rows in batches of 500 costs a fresh process (20
    // lookups, code not yet optimised); the best later round, the steady state on a busy machine.
    const perCall: { enterprises: number; client: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const before = { enterprises: processCpuSeconds(pid), client: thisProcessCpuSeconds() };
      for (let i = 0; i < calls; i++) {
        const facts = await directory.lookup(usccs);
        if (facts.length !== usccs.length || facts.some((f) => !f)) throw new Error('lookup lost codes');
      }
      perCall.push({
        enterprises: ((processCpuSeconds(pid) - before.enterprises) * 1e6) / calls,
        client: ((thisProcessCpuSeconds() - before.client) * 1e6) / calls,
      });
    }
    const [first, ...rest] = perCall;
    const best = (part: 'enterprises' | 'client') => Math.min(...rest.map((round) => round[part])).toFixed(0);
    console.log(
      `lookups of ${usccs.length} codes, CPU µs per call: first ${calls}: enterprises ${first?.enterprises.toFixed(0)}, client ${first?.client.toFixed(0)}; best later round of ${calls}: enterprises ${best('enterprises')}, client ${best('client')}`,
    );
  } finally {
    await hub.stop();
  }
}
