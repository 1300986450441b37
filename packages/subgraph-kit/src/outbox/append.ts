import { insertRows } from '@credit-hub/db';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';
import { type Audience, outbox } from './table.ts';

// biome-ignore lint/suspicious/noExplicitAny: any database or transaction of any table set
export type OutboxExecutor = Pick<PgDatabase<PgQueryResultHKT, any>, 'execute' | 'insert' | 'select' | 'update' | 'delete'>;

/** A change as one audience sees it. */
export interface OutboxEvent {
  kind: string;
  uscc: string;
  region: string;
  audience: Audience;
  /** Day the change takes effect (decision date, end of publication). */
  effectiveOn?: string | null;
  /** The record as this audience sees it: never a field the audience may not read. */
  payload: unknown;
  /** Date-driven events only: an event with a key already present is not added again. */
  dedupeKey?: string;
}

/**
 * Appends events inside the caller's write transaction: they commit or roll back with the change.
 * Returns the ids (uuidv7) of the rows added (a duplicate dedupe key adds none).
 */
export async function appendEvents(tx: OutboxExecutor, events: readonly OutboxEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => ({
    id: uuidv7(),
    kind: event.kind,
    uscc: event.uscc,
    region: event.region,
    audience: event.audience,
    effectiveOn: event.effectiveOn ?? null,
    payload: event.payload ?? null,
    dedupeKey: event.dedupeKey ?? null,
  }));
  // One JSON parameter however many events (a bulk import appends one per row).
  const added = await insertRows(tx, outbox, rows, { onConflictDoNothing: true, returning: [outbox.id] });
  return added.map((row) => row.id as string);
}

export const appendEvent = (tx: OutboxExecutor, event: OutboxEvent) => appendEvents(tx, [event]);

/** Readers of the outbox tables outside drizzle's typed API (sequencer, reader). */
export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

export const outboxSql = sql;
