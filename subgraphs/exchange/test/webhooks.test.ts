import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDatabaseKinds } from '@credit-hub/db';
import type { FeedEvent, OutboxPage } from '@credit-hub/subgraph-kit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExchangeTestDatabase, openExchangeTestDatabase } from '../src/db/client.ts';
import { deliveries, subscriptions } from '../src/db/schema.ts';
import type { OutboxSource } from '../src/feed/sources.ts';
import { claimDue, dispatchOnce, fanOut } from '../src/webhooks/dispatcher.ts';
import { RETRY_DELAYS_MS, type WebhookSettings } from '../src/webhooks/settings.ts';

/** An in-process outbox: the stand-in for a subgraph's `/outbox` route, not for any database. */
function memorySource(name: string, events: FeedEvent[]): OutboxSource {
  return {
    name,
    read: async (after, first, filter): Promise<OutboxPage> => {
      const head = events.length;
      const page = events.filter((e) => e.position > after && filter.audiences.includes(e.audience)).slice(0, first);
      return { events: page, scannedThrough: page.length === first ? (page.at(-1)?.position ?? after) : head, head, prunedThrough: 0 };
    },
  };
}

const listing = (position: number): FeedEvent => ({
  id: `0190a000-0000-7000-8000-${String(position).padStart(12, '0')}`,
  position,
  kind: 'listing.added',
  uscc: '91140100MA0TEST00X',
  region: '140100',
  audience: 'public',
  occurredAt: `2025-03-03T00:00:0${position}.000000Z`,
  effectiveOn: '2025-03-03',
  payload: { id: position },
});

describe.each(testDatabaseKinds())('webhook delivery (%s)', (kind) => {
  let database: ExchangeTestDatabase;
  let answer = 500;
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(String(request.headers['webhook-id']));
    request.resume();
    response.writeHead(answer).end();
  });
  let url = '';
  let clock = new Date('2025-03-03T00:00:00Z');
  const settings: WebhookSettings = { allowPrivateAddresses: true, timeoutMs: 2000, pollMs: 10, now: () => clock };
  const events = [listing(1)];
  const sources = [memorySource('sanctions', events)];

  beforeAll(async () => {
    database = await openExchangeTestDatabase(kind);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.close();
    await database?.close();
  });

  it('retries a failing receiver on the schedule, then dead-letters after about three days', async () => {
    const [subscription] = await database.db
      .insert(subscriptions)
      .values({
        department: 'FGW',
        url,
        secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
        kinds: ['listing.added'],
        createdBy: 't',
      })
      .returning();
    if (!subscription) throw new Error('no subscription');
    expect(await dispatchOnce(database.db, sources, settings)).toBe(1);
    expect(hits).toHaveLength(1);
    for (const delay of RETRY_DELAYS_MS) {
      // Not due a millisecond early.
      clock = new Date(clock.getTime() + delay - 1);
      expect(await dispatchOnce(database.db, sources, settings)).toBe(0);
      clock = new Date(clock.getTime() + 1);
      expect(await dispatchOnce(database.db, sources, settings)).toBe(1);
    }
    const total = RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0) / 3_600_000;
    expect(total).toBeGreaterThan(60);
    expect(total).toBeLessThan(84);
    const [row] = await database.db.select().from(deliveries).where(eq(deliveries.subscriptionId, subscription.id));
    expect(row).toMatchObject({ status: 'DEAD', attempts: RETRY_DELAYS_MS.length + 1, lastStatus: 500 });
    expect(new Set(hits)).toEqual(new Set([events[0]?.id]));
  });

  it('gives a delivery a crashed worker held to the next worker once its lease ends', async () => {
    events.push(listing(2));
    answer = 204;
    await database.db.update(subscriptions).set({ kinds: [] });
    await fanOut(database.db, sources, clock);
    const claimed = await claimDue(database.db, clock);
    expect(claimed).toHaveLength(1);
    // The worker "crashes": never settles. Another worker finds nothing until the lease ends.
    expect(await claimDue(database.db, clock)).toHaveLength(0);
    clock = new Date(clock.getTime() + 121_000);
    expect(await dispatchOnce(database.db, sources, settings)).toBe(1);
    const [row] = await database.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.eventId, listing(2).id));
    expect(row?.status).toBe('DELIVERED');
  });

  it('disables the subscription on 410 Gone', async () => {
    events.push(listing(3));
    answer = 410;
    expect(await dispatchOnce(database.db, sources, settings)).toBe(1);
    const [subscription] = await database.db.select().from(subscriptions);
    expect(subscription).toMatchObject({ active: false });
    events.push(listing(4));
    expect(await dispatchOnce(database.db, sources, settings)).toBe(0);
  });
});
