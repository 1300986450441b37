import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD';

/** 推送订阅 Webhook subscriptions registered by admins for a department or the platform. */
export const subscriptions = pgTable('subscriptions', {
  id: serial('id').primaryKey(),
  department: text('department').notNull(),
  url: text('url').notNull(),
  /** Standard Webhooks secret (`whsec_…`); never returned after registration. */
  secret: text('secret').notNull(),
  kinds: text('kinds').array().notNull(),
  regionPrefix: varchar('region_prefix', { length: 6 }).notNull().default(''),
  /** public, or regulator for a department that supervises the region jointly. */
  audience: varchar('audience', { length: 16 }).notNull().default('public'),
  active: boolean('active').notNull().default(true),
  disabledReason: text('disabled_reason'),
  /** The merged-feed cursor this subscription has been fanned out to (consumer cursor). */
  cursor: text('cursor').notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 推送记录 One event to one subscription: attempts, next try, outcome (delivery log, dead letters). */
export const deliveries = pgTable(
  'deliveries',
  {
    id: serial('id').primaryKey(),
    subscriptionId: integer('subscription_id').notNull(),
    eventId: uuid('event_id').notNull(),
    kind: varchar('kind', { length: 64 }).notNull(),
    /** The signed body: `{ type, timestamp, data }` (Standard Webhooks). */
    body: jsonb('body').notNull(),
    status: varchar('status', { length: 16 }).$type<DeliveryStatus>().notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** A worker's claim: another worker may retake the delivery after it (a crashed process). */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('deliveries_subscription_event_idx').on(table.subscriptionId, table.eventId),
    index('deliveries_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'PENDING'`),
    index('deliveries_log_idx').on(table.subscriptionId, table.id),
  ],
);

export const tables = { subscriptions, deliveries };
export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
