import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDatabaseKinds } from '@credit-hub/db';
import { enterpriseAt } from '@credit-hub/seed';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const RECORD_PENALTY = /* GraphQL */ `mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { id } }`;
const REVOKE =
  'mutation($id: ID!) { revokePenalty(id: $id, decision: { reason: "适用法律错误", decisionReference: "晋市监撤〔2025〕7号" }) { state } }';
const REGISTER = /* GraphQL */ `
  mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret subscription { id active } } }
`;
const CHANGES = /* GraphQL */ `
  query($after: String, $kinds: [String!]) { changes(after: $after, kinds: $kinds, first: 50) { endCursor hasMore events { id kind source uscc payload cursor } } }
`;

interface Received {
  id: string;
  type: string;
  data: { id: string; record: Record<string, unknown> };
}

/** A department's receiver: verifies every delivery's Standard Webhooks signature. */
async function startReceiver() {
  const received: Received[] = [];
  const rejected: string[] = [];
  let secret = '';
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    try {
      const verified = new Webhook(secret).verify(body, request.headers as Record<string, string>) as Omit<Received, 'id'>;
      received.push({ id: String(request.headers['webhook-id']), ...verified });
      response.writeHead(204).end();
    } catch (error) {
      rejected.push(String(error));
      response.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    rejected,
    setSecret: (value: string) => {
      secret = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const until = async <T>(probe: () => T | undefined, ms = 10_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

interface FeedLine {
  id: string;
  kind: string;
  uscc: string;
  payload: Record<string, unknown>;
  cursor: string;
}

describe.each(testDatabaseKinds())('exchange: outbox, merged feed and signed webhooks (%s)', (kind) => {
  let stack: Stack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let regulator: string;
  let platform: string;
  let feedUrl: string;
  const subject = Array.from({ length: 50 }, (_, index) => enterpriseAt(index, { referenceDate: '2025-03-01' })).find((e) =>
    e.regionCode.startsWith('14'),
  );

  const readFeed = async (after = '', token = platform): Promise<{ status: number; lines: FeedLine[] }> => {
    const response = await fetch(`${feedUrl}?follow=false${after ? `&after=${after}` : ''}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/x-ndjson' },
    });
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, lines: [JSON.parse(text)] };
    return {
      status: 200,
      lines: text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    };
  };

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => '2025-03-03', env: { WEBHOOK_POLL_MS: '50' } });
    receiver = await startReceiver();
    regulator = await stack.token({ role: 'regulator', region: '140000', dept: 'ZFJC', sub: 'zhang.wei' });
    platform = await stack.token({ role: 'platform', sub: 'credit-platform' });
    feedUrl = (stack.subgraphUrls.exchange ?? '').replace(/\/graphql$/, '/feed');
    if (!subject) throw new Error('no Shanxi enterprise in the seed');
    await stack.registerEnterprise(subject.uscc);
  });
  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('streams a recorded penalty as penalty.published, pushes it signed, and its revocation as penalty.withdrawn', async () => {
    if (!subject) throw new Error('no subject');
    const admin = await stack.token({ role: 'admin' });
    const registered = await stack.query<{ registerWebhook: { secret: string; subscription: { id: number } } }>(
      REGISTER,
      { input: { department: 'FGW', url: receiver.url, kinds: ['penalty.published', 'penalty.withdrawn'] } },
      { token: admin },
    );
    expect(registered.errors).toBeUndefined();
    receiver.setSecret(registered.data?.registerWebhook.secret ?? '');
    const before = await readFeed();
    expect(before.status).toBe(200);
    const start = before.lines.at(-1)?.cursor ?? '';

    const recorded = await stack.query<{ recordPenalty: { id: string } }>(
      RECORD_PENALTY,
      {
        input: {
          uscc: subject.uscc,
          decisionNumber: '晋市监处罚〔2025〕9101号',
          decidedOn: '2025-02-28',
          authority: '山西省市场监督管理局',
          violationType: '销售失效、变质的商品',
          factsSummary: '当事人销售超过保质期的食品。',
          legalBasis: '《中华人民共和国消费者权益保护法》第五十六条',
          penaltyTypes: ['FINE'],
          fineAmount: 50000,
          caseDomain: 'CONSUMER_RIGHTS',
        },
      },
      { token: regulator },
    );
    expect(recorded.errors).toBeUndefined();
    const penaltyId = Number(recorded.data?.recordPenalty.id);

    let after = start;
    const seen: FeedLine[] = [];
    for (let i = 0; i < 100 && !seen.some((e) => e.kind === 'penalty.published'); i++) {
      const page = await readFeed(after);
      seen.push(...page.lines);
      after = page.lines.at(-1)?.cursor ?? after;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const event = seen.find((e) => e.kind === 'penalty.published');
    expect(event).toMatchObject({ uscc: subject.uscc, payload: { id: penaltyId, decisionNumber: '晋市监处罚〔2025〕9101号' } });
    // The public payload has no internal fields; the platform never sees the regulator's event.
    expect(event?.payload).not.toHaveProperty('department');
    expect(event?.payload).not.toHaveProperty('withheldReason');
    expect(seen.map((e) => e.kind)).not.toContain('penalty.recorded');

    const pushed = await until(() => receiver.received.find((r) => r.type === 'penalty.published'));
    expect(pushed.id).toBe(event?.id);
    expect(receiver.rejected).toEqual([]);

    expect((await stack.query(REVOKE, { id: String(penaltyId) }, { token: regulator })).errors).toBeUndefined();
    const withdrawn: FeedLine[] = [];
    for (let i = 0; i < 100 && !withdrawn.some((e) => e.kind === 'penalty.withdrawn'); i++) {
      const page = await readFeed(after);
      withdrawn.push(...page.lines);
      after = page.lines.at(-1)?.cursor ?? after;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Resuming from the cursor: the withdrawal, and nothing already read.
    expect(withdrawn.map((e) => e.kind)).toEqual(['penalty.withdrawn']);
    expect(withdrawn[0]?.payload).toMatchObject({ id: penaltyId, reason: 'WITHDRAWN' });
    await until(() => receiver.received.find((r) => r.type === 'penalty.withdrawn'));

    // A regulator of the region also sees the supervision events; through the gateway as GraphQL.
    const changes = await stack.query<{ changes: { events: { kind: string }[] } }>(CHANGES, { after: start }, { token: regulator });
    expect(changes.data?.changes.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['penalty.recorded', 'penalty.published', 'penalty.changed', 'penalty.withdrawn']),
    );
    const forPlatform = await stack.query<{ changes: { events: { kind: string }[] } }>(CHANGES, { after: start }, { token: platform });
    expect(forPlatform.data?.changes.events.map((e) => e.kind)).toEqual(['penalty.published', 'penalty.withdrawn']);
  });

  it('refuses a garbage cursor with BAD_USER_INPUT, on GraphQL and on /feed', async () => {
    const answer = await stack.query(CHANGES, { after: 'not-a-cursor!' }, { token: platform });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const feed = await readFeed('bm90LWpzb24');
    expect(feed.status).toBe(400);
  });

  it('answers /feed on the exchange only with a token; the gateway proxies it, anonymous callers reading the public feed', async () => {
    expect((await fetch(`${feedUrl}?follow=false`)).status).toBe(401);
    const viaGateway = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '/feed')}?follow=false`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.headers.get('content-type')).toContain('text/event-stream');
    const text = await viaGateway.text();
    expect(text).toContain('event: penalty.published');
    expect(text).not.toContain('penalty.recorded');
  });
});
