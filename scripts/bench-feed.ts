/**
 * npm run bench -- feed [--events 100000] [--webhooks 50]
 *
 * Feed throughput: N events in the sanctions outbox (PostgreSQL when DATABASE_URL is set, else
 * in-memory PGlite), read once through the exchange's `GET /feed` as NDJSON from the beginning;
 * prints events per second. Then commit→webhook latency: M single-event transactions, each
 * stamped with its commit time, delivered by the exchange's dispatcher to a local receiver;
 * prints p50 and p95.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { DatabaseKind } from '@credit-hub/db';
import { loadEnv as exchangeEnv, remoteSource, startExchange } from '@credit-hub/exchange';
import { openSanctionsTestDatabase, loadEnv as sanctionsEnv, startSanctionsSubgraph } from '@credit-hub/sanctions';
import {
  appendEvents,
  createLogger,
  createTokenSource,
  mintToken,
  type OutboxEvent,
  sequenceAll,
  serviceIssuer,
} from '@credit-hub/subgraph-kit';

const SECRET = 'credit-hub-bench-secret-0123456789abcdef';
const env = { NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'warn', WEBHOOK_POLL_MS: '50' };

export async function benchFeed(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { events: { type: 'string', default: '100000' }, webhooks: { type: 'string', default: '50' } },
  });
  const total = Number(values.events);
  const kind: DatabaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const logger = createLogger({ level: 'warn' });
  const database = await openSanctionsTestDatabase(kind);
  const sanctions = await startSanctionsSubgraph({ env: sanctionsEnv(env), port: 0, database, logger });
  const token = createTokenSource({
    secret: SECRET,
    issuer: serviceIssuer('credit-hub'),
    audience: 'credit-hub',
    sub: 'service:bench',
    role: 'service',
    ttlSeconds: 300,
  });
  const exchange = await startExchange({
    env: exchangeEnv(env),
    port: 0,
    logger,
    sources: [remoteSource('sanctions', `${sanctions.url}/graphql`, token, 30_000)],
  });
  try {
    const event = (i: number): OutboxEvent => ({
      kind: 'penalty.published',
      uscc: '91140100MA0BENCH0X',
      region: '140100',
      audience: 'public',
      payload: { id: i, decisionNumber: `晋市监处罚〔2025〕${i}号`, violationType: '销售失效、变质的商品', fineAmountYuan: '50000.00' },
    });
    for (let start = 0; start < total; start += 5000) {
      await database.db.transaction((tx) =>
        appendEvents(
          tx,
          Array.from({ length: Math.min(5000, total - start) }, (_, k) => event(start + k)),
        ),
      );
    }
    const platform = await mintToken({
      secret: SECRET,
      issuer: 'credit-hub',
      audience: 'credit-hub',
      sub: 'bench',
      role: 'platform',
      expiresIn: 3600,
    });
    // In service the sequencer numbers rows as they commit (each outbox read, or the timer); here
    // the burst is numbered first, and a warm-up read follows, so the timed read measures the feed alone.
    await sequenceAll(database.db);
    await (await fetch(`${exchange.url}/feed?follow=false&kinds=none`, { headers: { authorization: `Bearer ${platform}` } })).text();
    // FEED_PROFILE=<file>: a CPU profile of the timed read alone (open in Chrome DevTools).
    const profiler = process.env.FEED_PROFILE ? new (await import('node:inspector/promises')).Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const response = await fetch(`${exchange.url}/feed?follow=false`, {
      headers: { authorization: `Bearer ${platform}`, accept: 'application/x-ndjson' },
    });
    let lines = 0;
    // Newlines counted on the bytes (UTF-8 never has 0x0a inside a character): the client's own
    // decoding is not the feed's cost.
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // CPU of this process (subgraph + exchange + client) is steadier than wall time on a shared machine.
    const cpu = process.cpuUsage(cpuBefore);
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      (await import('node:fs')).writeFileSync(process.env.FEED_PROFILE as string, JSON.stringify(profile));
    }
    console.log(
      `feed (${kind}): ${lines} events through /feed NDJSON in ${seconds.toFixed(2)} s = ${Math.round(lines / seconds)} events/s; Node CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (${Math.round(lines / ((cpu.user + cpu.system) / 1e6))} events per CPU-second)`,
    );

    const latencies: number[] = [];
    const count = Number(values.webhooks);
    const receiver = createServer(async (request, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      latencies.push(Date.now() - Number(body.data.record.committedAt));
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const admin = await mintToken({
      secret: SECRET,
      issuer: 'credit-hub',
      audience: 'credit-hub',
      sub: 'bench',
      role: 'admin',
      expiresIn: 3600,
    });
    const registered = await fetch(`${exchange.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({
        query: 'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { subscription { id } } }',
        variables: {
          input: { department: 'FGW', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, kinds: ['listing.added'] },
        },
      }),
    });
    if (!registered.ok) throw new Error(`registerWebhook: ${await registered.text()}`);
    for (let i = 0; i < count; i++) {
      await database.db.transaction((tx) =>
        appendEvents(tx, [{ ...event(i), kind: 'listing.added', payload: { committedAt: Date.now() + 1 } }]),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const deadline = Date.now() + 30_000;
    while (latencies.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
    console.log(`commit→webhook (${kind}): ${latencies.length}/${count} delivered, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
    receiver.close();
  } finally {
    await exchange.stop();
    await sanctions.stop();
    await database.close();
  }
}
