import type { Logger } from '@credit-hub/subgraph-kit';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { ExchangeDb } from '../db/client.ts';
import { type DeliveryRow, deliveries, type SubscriptionRow, subscriptions } from '../db/schema.ts';
import { decodeCursor } from '../feed/cursor.ts';
import { readChanges } from '../feed/merge.ts';
import type { OutboxSource } from '../feed/sources.ts';
import type { ExchangeMetrics } from '../metrics.ts';
import { assertDeliverableUrl } from './address-guard.ts';
import { RETRY_DELAYS_MS, type WebhookSettings } from './settings.ts';

const FANOUT_PAGE = 500;
const CLAIM_BATCH = 50;
const LEASE_MS = 120_000;

/** The audiences and region a subscription follows (decided by the admin who registered it). */
export function subscriptionFilter(subscription: SubscriptionRow) {
  const supervisory = subscription.audience === 'regulator';
  return {
    audiences: supervisory ? (['public', 'regulator'] as const) : (['public'] as const),
    restrictedRegionPrefix: supervisory ? subscription.regionPrefix || null : null,
    kinds: subscription.kinds.length > 0 ? subscription.kinds : null,
    regionPrefix: subscription.regionPrefix || null,
  };
}

/**
 * Moves each active subscription's consumer cursor forward: new events become deliveries (one per
 * subscription and event id, unique) in the same transaction that stores the cursor, so a crash
 * between the two can neither lose nor double an event.
 */
export async function fanOut(db: ExchangeDb, sources: readonly OutboxSource[], now: Date): Promise<number> {
  let created = 0;
  for (const subscription of await db.select().from(subscriptions).where(eq(subscriptions.active, true))) {
    const page = await readChanges(sources, decodeCursor(subscription.cursor, 'cursor'), FANOUT_PAGE, subscriptionFilter(subscription));
    if (page.endCursor === subscription.cursor) continue;
    await db.transaction(async (tx) => {
      if (page.events.length > 0) {
        const rows = page.events.map((event) => ({
          subscriptionId: subscription.id,
          eventId: event.id,
          kind: event.kind,
          body: {
            type: event.kind,
            timestamp: event.occurredAt,
            data: {
              id: event.id,
              source: event.source,
              uscc: event.uscc,
              region: event.region,
              audience: event.audience,
              effectiveOn: event.effectiveOn,
              record: event.payload,
            },
          },
          nextAttemptAt: now,
          createdAt: now,
        }));
        const inserted = await tx.insert(deliveries).values(rows).onConflictDoNothing().returning({ id: deliveries.id });
        created += inserted.length;
      }
      await tx
        .update(subscriptions)
        .set({ cursor: page.endCursor })
        .where(and(eq(subscriptions.id, subscription.id), eq(subscriptions.cursor, subscription.cursor)));
    });
  }
  return created;
}

/**
 * Claims due deliveries for this worker: `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several
 * exchange processes never take the same one, and a lease, so one a crashed process held is taken
 * again once the lease runs out (at-least-once; receivers de-duplicate by `webhook-id`).
 */
export async function claimDue(db: ExchangeDb, now: Date, leaseMs = LEASE_MS): Promise<DeliveryRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(
        and(
          eq(deliveries.status, 'PENDING'),
          lte(deliveries.nextAttemptAt, now),
          or(isNull(deliveries.leaseUntil), lte(deliveries.leaseUntil, now)),
        ),
      )
      .orderBy(asc(deliveries.nextAttemptAt), asc(deliveries.id))
      .limit(CLAIM_BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(deliveries)
      .set({ leaseUntil: new Date(now.getTime() + leaseMs) })
      .where(
        inArray(
          deliveries.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

export interface DeliveryOutcome {
  status: number | null;
  error: string | null;
}

/** POSTs one delivery, signed by the Standard Webhooks scheme with the subscription's secret. */
export async function send(delivery: DeliveryRow, subscription: SubscriptionRow, settings: WebhookSettings): Promise<DeliveryOutcome> {
  try {
    await assertDeliverableUrl(subscription.url, settings.allowPrivateAddresses);
    const body = JSON.stringify(delivery.body);
    const timestamp = settings.now();
    const signature = new Webhook(subscription.secret).sign(delivery.eventId, timestamp, body);
    const response = await fetch(subscription.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    await response.body?.cancel();
    return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { status: null, error: error instanceof Error ? error.message.slice(0, 200) : 'delivery failed' };
  }
}

/** Records an attempt: delivered, retried later on the schedule, dead-lettered, or (410) the subscription disabled. */
export async function settle(db: ExchangeDb, delivery: DeliveryRow, outcome: DeliveryOutcome, now: Date): Promise<DeliveryRow['status']> {
  const attempts = delivery.attempts + 1;
  const base = { attempts, lastStatus: outcome.status, lastError: outcome.error, leaseUntil: null };
  if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
    await db
      .update(deliveries)
      .set({ ...base, status: 'DELIVERED', deliveredAt: now })
      .where(eq(deliveries.id, delivery.id));
    return 'DELIVERED';
  }
  if (outcome.status === 410) {
    await db.transaction(async (tx) => {
      await tx
        .update(deliveries)
        .set({ ...base, status: 'DEAD' })
        .where(eq(deliveries.id, delivery.id));
      await tx
        .update(subscriptions)
        .set({ active: false, disabledReason: 'the receiver answered 410 Gone (接收方已注销)' })
        .where(eq(subscriptions.id, delivery.subscriptionId));
    });
    return 'DEAD';
  }
  const delay = RETRY_DELAYS_MS[attempts - 1];
  if (delay === undefined) {
    await db
      .update(deliveries)
      .set({ ...base, status: 'DEAD' })
      .where(eq(deliveries.id, delivery.id));
    return 'DEAD';
  }
  await db
    .update(deliveries)
    .set({ ...base, nextAttemptAt: new Date(now.getTime() + delay) })
    .where(eq(deliveries.id, delivery.id));
  return 'PENDING';
}

/** One round: fan out new events, then deliver what is due. Returns the attempts made. */
export async function dispatchOnce(
  db: ExchangeDb,
  sources: readonly OutboxSource[],
  settings: WebhookSettings,
  metrics?: ExchangeMetrics,
): Promise<number> {
  await fanOut(db, sources, settings.now());
  const claimed = await claimDue(db, settings.now(), settings.leaseMs);
  if (claimed.length === 0) return 0;
  const ids = [...new Set(claimed.map((row) => row.subscriptionId))];
  const owners = new Map((await db.select().from(subscriptions).where(inArray(subscriptions.id, ids))).map((row) => [row.id, row]));
  await Promise.all(
    claimed.map(async (delivery) => {
      const subscription = owners.get(delivery.subscriptionId);
      if (!subscription?.active) {
        await db
          .update(deliveries)
          .set({ status: 'DEAD', lastError: 'subscription disabled', leaseUntil: null })
          .where(eq(deliveries.id, delivery.id));
        return;
      }
      const outcome = await send(delivery, subscription, settings);
      const status = await settle(db, delivery, outcome, settings.now());
      metrics?.recordDelivery(status, delivery.createdAt);
    }),
  );
  return claimed.length;
}

/** The dispatcher loop of a running exchange; state lives in the database, so a restart loses nothing. */
export function startDispatcher(
  db: ExchangeDb,
  sources: readonly OutboxSource[],
  settings: WebhookSettings,
  logger: Logger,
  metrics: ExchangeMetrics,
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = (async () => {
      try {
        while (!stopped && (await dispatchOnce(db, sources, settings, metrics)) > 0) {}
      } catch (error) {
        logger.warn({ err: error }, 'webhook dispatch round failed; retrying');
      }
      if (!stopped) timer = setTimeout(tick, settings.pollMs);
    })();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

export const deliveryCountSql = sql`count(*)::int`;
