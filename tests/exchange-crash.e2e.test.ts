import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import {
  openSanctionsTestDatabase,
  type SanctionsTestDatabase,
  loadEnv as sanctionsEnv,
  startSanctionsSubgraph,
} from '@credit-hub/sanctions';
import { appendEvents, createLogger, mintToken, type OutboxEvent, type RunningService } from '@credit-hub/subgraph-kit';
import postgres from 'postgres';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * kill -9 the exchange while its webhooks are in flight, restart it on the same database, and
 * count what a department's receiver got: every event at least once, a repeat only with the same
 * `webhook-id` and the same body, nothing else. The exchange runs as a child process (its own
 * state, deliveries and cursors, is only in PostgreSQL), reading a real sanctions outbox; the
 * other four outboxes are empty stand-ins. PostgreSQL only: a killed process's PGlite directory
 * is not something to reopen.
 */
const SECRET = 'credit-hub-crash-test-secret-0123456789';
const ROOT = join(import.meta.dirname, '..');
const EVENTS_BEFORE = 24;
const EVENTS_WHILE_DOWN = 12;
/** The receiver holds each delivery this long before answering 204: the kill lands mid-delivery. */
const RECEIVER_DELAY_MS = 1_500;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const until = async (probe: () => boolean, ms: number, what: string) => {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

interface Arrival {
  id: string;
  body: string;
}

describe.runIf(process.env.DATABASE_URL)('exchange killed mid-delivery and restarted (postgres)', () => {
  const databaseName = `exchange_crash_${process.pid}_${Date.now()}`;
  const admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
  const exchangeUrl = (() => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${databaseName}`;
    return url.toString();
  })();
  let sanctionsDb: SanctionsTestDatabase;
  let sanctions: RunningService;
  let emptyOutboxes: Server;
  let receiver: Server;
  const arrivals: Arrival[] = [];
  let inFlight = 0;
  let secret = '';
  const rejected: string[] = [];
  let child: ChildProcess | undefined;
  let port = 0;

  const startExchangeProcess = async () => {
    const empty = `http://127.0.0.1:${(emptyOutboxes.address() as AddressInfo).port}/graphql`;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/exchange/src/server.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        AUTH_JWT_SECRET: SECRET,
        DATABASE_URL: exchangeUrl,
        EXCHANGE_DATABASE_URL: exchangeUrl,
        EXCHANGE_PORT: String(port),
        SANCTIONS_URL: `${sanctions.url}/graphql`,
        ENTERPRISES_URL: empty,
        LICENSES_URL: empty,
        INSPECTIONS_URL: empty,
        RISK_URL: empty,
        WEBHOOK_POLL_MS: '50',
        WEBHOOK_TIMEOUT_MS: '5000',
        WEBHOOK_LEASE_MS: '6000',
      },
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`exchange exited with ${proc.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return proc;
      if (Date.now() > deadline) throw new Error('exchange did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const listing = (n: number): OutboxEvent => ({
    kind: 'listing.added',
    uscc: '91140100MA0CRASH0X',
    region: '140100',
    audience: 'public',
    payload: { id: n, list: 'SERIOUS_VIOLATION', listedOn: '2026-11-30' },
  });
  const append = (from: number, count: number) =>
    sanctionsDb.db.transaction((tx) =>
      appendEvents(
        tx,
        Array.from({ length: count }, (_, k) => listing(from + k)),
      ),
    );

  beforeAll(async () => {
    await admin.unsafe(`create database ${databaseName}`);
    const logger = createLogger({ level: 'warn' });
    sanctionsDb = await openSanctionsTestDatabase('postgres');
    sanctions = await startSanctionsSubgraph({
      env: sanctionsEnv({ NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'warn' }),
      port: 0,
      database: sanctionsDb,
      logger,
    });
    emptyOutboxes = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ events: [], scannedThrough: 0, head: 0, prunedThrough: 0 }));
    });
    receiver = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch (error) {
        rejected.push(String(error));
        response.writeHead(400).end();
        return;
      }
      // Recorded on arrival (a receiver that stores before it answers), answered later.
      arrivals.push({ id: String(request.headers['webhook-id']), body });
      inFlight++;
      setTimeout(() => {
        inFlight--;
        if (!response.destroyed) response.writeHead(204).end();
      }, RECEIVER_DELAY_MS);
    });
    await Promise.all([
      new Promise<void>((resolve) => emptyOutboxes.listen(0, '127.0.0.1', resolve)),
      new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)),
    ]);
    port = await freePort();
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child?.once('exit', resolve));
    }
    receiver?.close();
    emptyOutboxes?.close();
    await sanctions?.stop();
    await sanctionsDb?.close();
    await admin.unsafe(`drop database if exists ${databaseName} with (force)`).catch(() => {});
    await admin.end();
  });

  it('delivers every event at least once, repeats only by the same webhook-id, loses none', async () => {
    child = await startExchangeProcess();
    const adminToken = await mintToken({
      secret: SECRET,
      issuer: 'credit-hub',
      audience: 'credit-hub',
      sub: 'crash-test',
      role: 'admin',
      expiresIn: 600,
    });
    const registered = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        query: 'mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }',
        variables: {
          input: { department: 'FGW', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, kinds: ['listing.added'] },
        },
      }),
    }).then((response) => response.json() as Promise<{ data?: { registerWebhook: { secret: string } }; errors?: unknown }>);
    expect(registered.errors).toBeUndefined();
    secret = registered.data?.registerWebhook.secret ?? '';

    const ids = [...(await append(0, EVENTS_BEFORE))];
    // Kill -9 while deliveries are at the receiver and not yet answered.
    await until(() => inFlight >= 3, 30_000, 'deliveries in flight');
    const killed = child;
    killed.kill('SIGKILL');
    await new Promise((resolve) => killed.once('exit', resolve));
    const beforeRestart = new Set(arrivals.map((arrival) => arrival.id));
    // Events committed while the exchange is down.
    ids.push(...(await append(EVENTS_BEFORE, EVENTS_WHILE_DOWN)));

    child = await startExchangeProcess();
    const expected = new Set(ids);
    await until(() => [...expected].every((id) => arrivals.some((arrival) => arrival.id === id)), 60_000, 'every event at the receiver');
    // Let any further (duplicate) deliveries land before counting.
    await new Promise((resolve) => setTimeout(resolve, RECEIVER_DELAY_MS * 2));

    expect(rejected).toEqual([]);
    const received = new Set(arrivals.map((arrival) => arrival.id));
    // No loss, nothing foreign.
    expect([...received].sort()).toEqual([...expected].sort());
    // The kill happened mid-delivery: some were in flight, and not everything had arrived.
    expect(beforeRestart.size).toBeGreaterThan(0);
    // A repeat is the same delivery: same webhook-id (= event id), same body.
    const bodies = new Map<string, string>();
    for (const arrival of arrivals) {
      const body = JSON.parse(arrival.body) as { data: { id: string; record: { id: number } } };
      expect(body.data.id).toBe(arrival.id);
      const canonical = JSON.stringify(body);
      expect(bodies.get(arrival.id) ?? canonical).toBe(canonical);
      bodies.set(arrival.id, canonical);
    }
    console.log(
      `exchange crash test: ${ids.length} events, ${arrivals.length} deliveries received (${arrivals.length - received.size} repeats by webhook-id), ${beforeRestart.size} had arrived before the kill`,
    );
  }, 180_000);
});
