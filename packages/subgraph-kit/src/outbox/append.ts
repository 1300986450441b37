import { randomFillSync } from 'node:crypto';
import { textArrayLiteral } from '@credit-hub/db';
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

/** Random bytes for this many ids per fill. */
const IDS_PER_FILL = 256;
const pool = new Uint8Array(16 * IDS_PER_FILL);
let pooled = IDS_PER_FILL;
/** The last id's millisecond and counter: ids of one process stay increasing within a millisecond. */
const clock = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/**
 * A uuidv7 with its random bits from a pool filled 256 ids at a time: uuid's own v7 asks the
 * system for 16 random bytes per id (1.8 µs each), a fifth of what an import's feed events cost in
 * JavaScript. Time-ordered as uuid's v7 is without options: in a new millisecond the counter starts
 * from random bits, within one it counts up (and moves to the next millisecond when it wraps), so
 * ids appended one after another sort in that order (the sequencer numbers unsequenced rows by id).
 */
export function nextEventId(): string {
  if (pooled === IDS_PER_FILL) {
    randomFillSync(pool);
    pooled = 0;
  }
  const random = pool.subarray(16 * pooled, 16 * pooled + 16);
  pooled += 1;
  const now = Date.now();
  if (now > clock.msecs) {
    // uuid's v7Sequence: 31 random bits (the counter's top bit left clear, room to count up).
    clock.seq =
      (((random[6] as number) & 0x7f) << 24) | ((random[7] as number) << 16) | ((random[8] as number) << 8) | (random[9] as number);
    clock.msecs = now;
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs += 1;
  }
  return uuidv7({ msecs: clock.msecs, seq: clock.seq, random });
}

/** Between two payloads' JSON texts: U+001E (chr(30)), never found unescaped in JSON. */
const RECORD_SEPARATOR = '\u001e';

/**
 * Characters of payload text per parameter. A longer string would be allocated in V8's
 * large-object space (over ~64 K two-byte characters), which maps fresh memory for every string:
 * joining a batch's 1 000 payloads into one 700 K-character text cost 3–7 ms, in pieces 0.4 ms.
 */
const PAYLOAD_CHARS_PER_PARAMETER = 30_000;

/** The payloads as one text[] in SQL, from a few parameters of joined texts. */
function payloadArray(payloads: readonly string[]) {
  const pieces: string[] = [];
  let piece: string[] = [];
  let length = 0;
  for (const payload of payloads) {
    if (piece.length > 0 && length + payload.length > PAYLOAD_CHARS_PER_PARAMETER) {
      pieces.push(piece.join(RECORD_SEPARATOR));
      piece = [];
      length = 0;
    }
    piece.push(payload);
    length += payload.length + 1;
  }
  pieces.push(piece.join(RECORD_SEPARATOR));
  // Joined again in SQL (one copy) and split once: concatenating the pieces' arrays with `||`
  // copied the growing array at every step. The scalar subquery keeps the planner from working
  // it out: as a direct argument of `unnest`, planning a statement with its parameters known
  // joined and split the whole text once more only to estimate the row count, and folded
  // copies of it into the plan (1 000 events: 25 → 16 ms of server CPU, ~1 000 → ~370 page faults).
  const texts = sql.join(
    pieces.map((text) => sql`${text}::text`),
    sql`, `,
  );
  return sql`(select string_to_array(array_to_string(array[${texts}], chr(30)), chr(30)))`;
}

/** Array literal of uuids, codes and dates: none of them holds a quote or a backslash. */
const plainArray = (items: readonly (string | null)[]) => `{${items.map((item) => (item === null ? 'NULL' : item)).join(',')}}`;

/**
 * Appends events inside the caller's write transaction: they commit or roll back with the change.
 * Returns the ids (uuidv7) of the rows added (a duplicate dedupe key adds none).
 *
 * One statement however many events (a bulk import appends two per row): each column travels as
 * one array parameter expanded by `unnest`. The payloads travel as their JSON texts joined by the
 * record separator U+001E, which JSON.stringify never writes unescaped (control characters are
 * always escaped in JSON), so neither side escapes anything: PostgreSQL only splits the text. A
 * JSON document of all the events (json_populate_recordset) had it lex every payload character by
 * character, about three times the cost of the whole insert; an array literal of the payloads
 * had Node escape every quote in them.
 */
export async function appendEvents(tx: OutboxExecutor, events: readonly OutboxEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const count = events.length;
  const ids = new Array<string>(count);
  const kinds = new Array<string>(count);
  const usccs = new Array<string>(count);
  const regions = new Array<string>(count);
  const audiences = new Array<string>(count);
  const effective = new Array<string | null>(count);
  const payloads = new Array<string>(count);
  const dedupeKeys = new Array<string | null>(count);
  for (let index = 0; index < count; index++) {
    const event = events[index] as OutboxEvent;
    ids[index] = nextEventId();
    kinds[index] = event.kind;
    usccs[index] = event.uscc;
    regions[index] = event.region;
    audiences[index] = event.audience;
    effective[index] = event.effectiveOn ?? null;
    payloads[index] = JSON.stringify(event.payload ?? null);
    dedupeKeys[index] = event.dedupeKey ?? null;
  }
  const added = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into ${outbox} (id, kind, uscc, region, audience, effective_on, payload, dedupe_key)
      select * from unnest(${plainArray(ids)}::uuid[], ${textArrayLiteral(kinds)}::varchar[], ${textArrayLiteral(usccs)}::varchar[],
        ${textArrayLiteral(regions)}::varchar[], ${plainArray(audiences)}::varchar[], ${plainArray(effective)}::date[],
        ${payloadArray(payloads)}, ${textArrayLiteral(dedupeKeys)}::text[])
      on conflict do nothing
      returning id`),
  );
  return added.map((row) => String(row.id));
}

export const appendEvent = (tx: OutboxExecutor, event: OutboxEvent) => appendEvents(tx, [event]);

/** Readers of the outbox tables outside drizzle's typed API (sequencer, reader). */
export const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];

export const outboxSql = sql;
