import { sql } from 'drizzle-orm';
import { type OutboxExecutor, rowsOf } from './append.ts';
import type { Audience } from './table.ts';

export interface FeedEvent {
  id: string;
  position: number;
  kind: string;
  uscc: string;
  region: string;
  audience: Audience;
  occurredAt: string;
  effectiveOn: string | null;
  payload: unknown;
}

export interface OutboxReadOptions {
  after: number;
  first: number;
  /** Audiences the reader may see. */
  audiences: readonly Audience[];
  /** Non-public events only inside this region prefix (a regulator's region); null: everywhere. */
  restrictedRegionPrefix?: string | null;
  kinds?: readonly string[] | null;
  regionPrefix?: string | null;
}

export interface OutboxPage {
  events: FeedEvent[];
  /** Every position up to here was examined: a filtered-out event is passed, never re-read. */
  scannedThrough: number;
  head: number;
  prunedThrough: number;
}

const like = (prefix: string) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * An event already serialised by PostgreSQL, for streams that pass it on without parsing (the
 * exchange's `/feed`). `json` is the event object's JSON text (the FeedEvent fields); `position`
 * and `occurredAt` sit beside it so the merge can order lines without reading the JSON.
 */
export interface FeedLine {
  position: number;
  occurredAt: string;
  kind: string;
  json: string;
}

export interface OutboxLinePage extends Omit<OutboxPage, 'events'> {
  lines: FeedLine[];
}

const OCCURRED_AT = sql`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

async function readPage<T extends { position: number }>(
  db: OutboxExecutor,
  options: OutboxReadOptions,
  columns: ReturnType<typeof sql>,
  toItem: (row: Record<string, unknown>) => T,
): Promise<{ items: T[]; scannedThrough: number; head: number; prunedThrough: number }> {
  const [state] = rowsOf<{ last_position: string | number; pruned_through: string | number }>(
    await db.execute(sql`select last_position, pruned_through from outbox_state where id = 1`),
  );
  const head = Number(state?.last_position ?? 0);
  const prunedThrough = Number(state?.pruned_through ?? 0);
  if (options.audiences.length === 0 || options.after >= head)
    return { items: [], scannedThrough: Math.max(options.after, head), head, prunedThrough };
  const kinds = options.kinds?.length
    ? sql`and kind in (select jsonb_array_elements_text(${JSON.stringify(options.kinds)}::jsonb))`
    : sql``;
  const region = options.regionPrefix ? sql`and region like ${like(options.regionPrefix)}` : sql``;
  const restricted = options.restrictedRegionPrefix
    ? sql`and (audience = 'public' or region like ${like(options.restrictedRegionPrefix)})`
    : sql``;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select ${columns}
      from outbox
      where position > ${options.after} and position <= ${head} and audience in (select jsonb_array_elements_text(${JSON.stringify(options.audiences)}::jsonb))
        ${kinds} ${region} ${restricted}
      order by position limit ${options.first}`),
  );
  const items = rows.map(toItem);
  const full = items.length === options.first;
  return { items, scannedThrough: full ? (items.at(-1)?.position ?? options.after) : head, head, prunedThrough };
}

/**
 * One page of sequenced events after `after`. The head is read first and bounds the page, so
 * "scanned through the head" never covers a position that became visible between two statements.
 */
export async function readOutbox(db: OutboxExecutor, options: OutboxReadOptions): Promise<OutboxPage> {
  const { items, ...rest } = await readPage(
    db,
    options,
    sql`id, position, kind, uscc, region, audience, ${OCCURRED_AT} as occurred_at, effective_on::text as effective_on, payload`,
    (row): FeedEvent => ({
      id: String(row.id),
      position: Number(row.position),
      kind: String(row.kind),
      uscc: String(row.uscc),
      region: String(row.region),
      audience: row.audience as Audience,
      occurredAt: String(row.occurred_at),
      effectiveOn: row.effective_on == null ? null : String(row.effective_on),
      payload: JSON.parse(String(row.payload)),
    }),
  );
  return { events: items, ...rest };
}

/**
 * The same page with each event as JSON text: the payload is stored as JSON text (see the outbox
 * table) and the line around it is string concatenation, so Node neither
 * parses nor re-serialises a payload (most of the feed's cost at tens of thousands of events per
 * second). `json_build_object` in SQL was measured slower than this.
 */
export async function readOutboxLines(db: OutboxExecutor, options: OutboxReadOptions): Promise<OutboxLinePage> {
  const { items, ...rest } = await readPage(
    db,
    options,
    sql`id, position, kind, uscc, region, audience, ${OCCURRED_AT} as occurred_at, effective_on::text as effective_on, payload`,
    (row): FeedLine => {
      const occurredAt = String(row.occurred_at);
      const kind = String(row.kind);
      const effectiveOn = row.effective_on == null ? 'null' : `"${row.effective_on}"`;
      return {
        position: Number(row.position),
        occurredAt,
        kind,
        json: `{"id":"${row.id}","position":${row.position},"kind":${JSON.stringify(kind)},"uscc":${JSON.stringify(row.uscc)},"region":${JSON.stringify(row.region)},"audience":"${row.audience}","occurredAt":"${occurredAt}","effectiveOn":${effectiveOn},"payload":${row.payload}}`,
      };
    },
  );
  return { lines: items, ...rest };
}
