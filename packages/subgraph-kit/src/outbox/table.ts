import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

/** Who may see an event: everyone (public), supervisors of the region (regulator), credit-risk readers (risk). */
export const AUDIENCES = ['public', 'regulator', 'risk'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * The outbox every subgraph includes in its `src/db/schema.ts` (and so in its migrations): one
 * row per change some audience may see, written in the same transaction as the change. `position`
 * stays null until the sequencer numbers the row after commit (see sequencer.ts).
 */
export const outbox = pgTable(
  'outbox',
  {
    /** uuidv7: time-ordered, the idempotency key consumers de-duplicate by. */
    id: uuid('id').primaryKey(),
    /** Feed position, dense and increasing; assigned after commit by the sequencer. */
    position: bigint('position', { mode: 'number' }),
    kind: varchar('kind', { length: 64 }).notNull(),
    uscc: varchar('uscc', { length: 18 }).notNull(),
    region: varchar('region', { length: 6 }).notNull(),
    audience: varchar('audience', { length: 16 }).$type<Audience>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    effectiveOn: date('effective_on', { mode: 'string' }),
    /**
     * The event's payload as JSON text, written by `appendEvents` (JSON.stringify) and passed on
     * as it is by the feed. Not jsonb: nothing queries inside a payload, and parsing it into jsonb
     * on insert was most of a bulk import's database time (~45 µs an event, two events a row).
     */
    payload: text('payload').notNull(),
    /** Date-driven events: `<kind>:<record>:<date>`, so a re-run of the daily job adds nothing. */
    dedupeKey: text('dedupe_key'),
    sequencedAt: timestamp('sequenced_at', { withTimezone: true, mode: 'string' }),
  },
  (table) => [
    uniqueIndex('outbox_position_idx').on(table.position),
    index('outbox_unsequenced_idx').on(table.id).where(sql`${table.position} is null`),
    uniqueIndex('outbox_dedupe_idx').on(table.dedupeKey),
  ],
);

/** One row: the last position handed out and how far retention has pruned. */
export const outboxState = pgTable('outbox_state', {
  id: integer('id').primaryKey(),
  lastPosition: bigint('last_position', { mode: 'number' }).notNull().default(0),
  prunedThrough: bigint('pruned_through', { mode: 'number' }).notNull().default(0),
});

/** Spread into a subgraph's `tables`: `export const tables = { ...own, ...outboxTables }`. */
export const outboxTables = { outbox, outboxState };

export type OutboxRow = typeof outbox.$inferSelect;
