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
 * One page of sequenced events after `after`. The head is read first and bounds the page, so
 * "scanned through the head" never covers a position that became visible between two statements.
 */
export async function readOutbox(db: OutboxExecutor, options: OutboxReadOptions): Promise<OutboxPage> {
  const [state] = rowsOf<{ last_position: string | number; pruned_through: string | number }>(
    await db.execute(sql`select last_position, pruned_through from outbox_state where id = 1`),
  );
  const head = Number(state?.last_position ?? 0);
  const prunedThrough = Number(state?.pruned_through ?? 0);
  if (options.audiences.length === 0 || options.after >= head)
    return { events: [], scannedThrough: Math.max(options.after, head), head, prunedThrough };
  const kinds = options.kinds?.length
    ? sql`and kind in (select jsonb_array_elements_text(${JSON.stringify(options.kinds)}::jsonb))`
    : sql``;
  const region = options.regionPrefix ? sql`and region like ${like(options.regionPrefix)}` : sql``;
  const restricted = options.restrictedRegionPrefix
    ? sql`and (audience = 'public' or region like ${like(options.restrictedRegionPrefix)})`
    : sql``;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select id, position, kind, uscc, region, audience,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at, effective_on::text as effective_on, payload
      from outbox
      where position > ${options.after} and position <= ${head} and audience in (select jsonb_array_elements_text(${JSON.stringify(options.audiences)}::jsonb))
        ${kinds} ${region} ${restricted}
      order by position limit ${options.first}`),
  );
  const events = rows.map(
    (row): FeedEvent => ({
      id: String(row.id),
      position: Number(row.position),
      kind: String(row.kind),
      uscc: String(row.uscc),
      region: String(row.region),
      audience: row.audience as Audience,
      occurredAt: String(row.occurred_at),
      effectiveOn: row.effective_on == null ? null : String(row.effective_on),
      payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    }),
  );
  const full = events.length === options.first;
  return { events, scannedThrough: full ? (events.at(-1)?.position ?? options.after) : head, head, prunedThrough };
}
