import { type Audience, type Caller, codedError } from '@credit-hub/subgraph-kit';
import { encodeCursor, type Positions } from './cursor.ts';
import type { FeedEvent, OutboxSource, ReadFilter } from './sources.ts';

/** One event of the merged feed, with the cursor that resumes right after it. */
export interface ChangeEvent extends FeedEvent {
  source: string;
  cursor: string;
}

export interface ChangePage {
  events: ChangeEvent[];
  /** Resume here: every event up to it was either returned or is not for this caller. */
  endCursor: string;
  /** More events are waiting now (read again at once rather than after a pause). */
  hasMore: boolean;
}

/**
 * What a caller may follow: everyone the public audience (published records only); regulators
 * also supervision events of their own region; admins, analysts and hub services everything.
 * Decided on the caller's verified token, like every read (policy.ts), never on a parameter.
 */
export function readScope(caller: Caller): Pick<ReadFilter, 'audiences' | 'restrictedRegionPrefix'> {
  const all: Audience[] = ['public', 'regulator', 'risk'];
  if (caller.role === 'admin' || caller.role === 'analyst' || caller.role === 'service') {
    return { audiences: all, restrictedRegionPrefix: null };
  }
  if (caller.role === 'regulator' && caller.region) {
    return { audiences: all, restrictedRegionPrefix: caller.region.replace(/0+$/, '') || caller.region };
  }
  return { audiences: ['public'], restrictedRegionPrefix: null };
}

export const cursorExpired = (source: string) =>
  codedError(
    'BAD_USER_INPUT',
    `after: the cursor is older than the feed's retention window; take a snapshot (双公示 export) and follow the feed from the cursor it gives (游标已过期，请先取全量快照)`,
    { field: 'after', reason: 'CURSOR_EXPIRED', source, snapshot: 'exportSnapshot' },
  );

/**
 * One page of the merged feed: a page from every outbox after its position, merged by time of
 * occurrence (ties by source order), cut at `first`. Each outbox's position only moves past
 * events that were returned or that its reader examined and filtered out, so resuming from any
 * event's cursor neither skips nor repeats an event.
 */
export async function readChanges(
  sources: readonly OutboxSource[],
  positions: Positions,
  first: number,
  filter: ReadFilter,
): Promise<ChangePage> {
  const pages = await Promise.all(sources.map((source) => source.read(positions[source.name] ?? 0, first, filter)));
  const next: Positions = {};
  for (const [index, source] of sources.entries()) {
    const page = pages[index];
    if (!page) continue;
    const at = positions[source.name] ?? 0;
    if (at < page.prunedThrough) throw cursorExpired(source.name);
    next[source.name] = at;
  }
  const candidates: { source: string; index: number; event: FeedEvent }[] = [];
  for (const [index, source] of sources.entries()) {
    for (const event of pages[index]?.events ?? []) candidates.push({ source: source.name, index, event });
  }
  candidates.sort((a, b) =>
    a.event.occurredAt < b.event.occurredAt
      ? -1
      : a.event.occurredAt > b.event.occurredAt
        ? 1
        : a.index - b.index || a.event.position - b.event.position,
  );
  const taken = candidates.slice(0, first);
  const takenPerSource = new Map<string, number>();
  const events: ChangeEvent[] = [];
  for (const { source, event } of taken) {
    next[source] = event.position;
    takenPerSource.set(source, (takenPerSource.get(source) ?? 0) + 1);
    events.push({ ...event, source, cursor: encodeCursor(next) });
  }
  let hasMore = candidates.length > taken.length;
  for (const [index, source] of sources.entries()) {
    const page = pages[index];
    if (!page) continue;
    // An outbox all of whose returned events were taken has been examined through `scannedThrough`.
    if ((takenPerSource.get(source.name) ?? 0) === page.events.length)
      next[source.name] = Math.max(next[source.name] ?? 0, page.scannedThrough);
    if (page.scannedThrough < page.head) hasMore = true;
  }
  const endCursor = encodeCursor(next);
  // The last event's cursor is the end cursor: a client resuming from either gets the same next page.
  const last = events.at(-1);
  if (last) last.cursor = endCursor;
  return { events, endCursor, hasMore };
}
