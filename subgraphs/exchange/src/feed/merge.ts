import { type Audience, type Caller, codedError } from '@credit-hub/subgraph-kit';
import { CursorWriter, encodeCursor, type Positions } from './cursor.ts';
import { type FeedEvent, type FeedLine, type OutboxSource, type ReadFilter, readLinesOf } from './sources.ts';

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

/** The merged feed as text (`/feed`): events already serialised, cursors spliced in. */
export interface ChangeLinesPage {
  /** Number of events in `text`. */
  count: number;
  /** Each event's JSON with `source` and `cursor` added, one per line (NDJSON) or as SSE events. */
  text: string;
  endCursor: string;
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

interface SourcePage<T> {
  items: readonly T[];
  scannedThrough: number;
  head: number;
  prunedThrough: number;
}

/**
 * The merge, for parsed events and for serialised lines alike: pages from every outbox after its
 * position, merged by time of occurrence (ties by source order), each outbox in its own order, cut
 * at `first`.
 * Each outbox's position only moves past events that were returned or that its reader examined
 * and filtered out, so resuming from any event's cursor neither skips nor repeats an event.
 * `take` receives each taken item with the cursor that resumes right after it.
 */
function mergePages<T extends { position: number; occurredAt: string }>(
  sources: readonly OutboxSource[],
  positions: Positions,
  pages: readonly (SourcePage<T> | undefined)[],
  first: number,
  take: (source: string, item: T, cursor: string) => void,
): { endCursor: string; hasMore: boolean } {
  const start: Positions = {};
  for (const [index, source] of sources.entries()) {
    const page = pages[index];
    if (!page) continue;
    const at = positions[source.name] ?? 0;
    if (at < page.prunedThrough) throw cursorExpired(source.name);
    start[source.name] = at;
  }
  // A k-way merge that keeps each outbox's own order (by position): sorting all events by time
  // instead could take a late-committed event (higher position, earlier timestamp) before an
  // earlier position of the same outbox, and a cursor past it would skip that one for good.
  const heads = sources.map(() => 0);
  const takenPerSource = new Map<string, number>();
  const cursors = new CursorWriter(start);
  let taken = 0;
  for (; taken < first; taken++) {
    let best = -1;
    let bestAt = '';
    for (let index = 0; index < sources.length; index++) {
      const item = pages[index]?.items[heads[index] as number];
      if (item && (best === -1 || item.occurredAt < bestAt)) {
        best = index;
        bestAt = item.occurredAt;
      }
    }
    if (best === -1) break;
    const name = (sources[best] as OutboxSource).name;
    const item = (pages[best] as SourcePage<T>).items[heads[best] as number] as T;
    heads[best] = (heads[best] as number) + 1;
    takenPerSource.set(name, (takenPerSource.get(name) ?? 0) + 1);
    take(name, item, cursors.move(name, item.position));
  }
  const next = cursors.positions;
  let hasMore = false;
  for (const [index, source] of sources.entries()) {
    const page = pages[index];
    if (!page) continue;
    // An outbox all of whose returned events were taken has been examined through `scannedThrough`.
    if ((takenPerSource.get(source.name) ?? 0) === page.items.length)
      next[source.name] = Math.max(next[source.name] ?? 0, page.scannedThrough);
    else hasMore = true;
    if (page.scannedThrough < page.head) hasMore = true;
  }
  return { endCursor: encodeCursor(next), hasMore };
}

/** One page of the merged feed as parsed events (GraphQL `changes`, webhooks). */
export async function readChanges(
  sources: readonly OutboxSource[],
  positions: Positions,
  first: number,
  filter: ReadFilter,
): Promise<ChangePage> {
  const pages = await Promise.all(sources.map((source) => source.read(positions[source.name] ?? 0, first, filter)));
  const events: ChangeEvent[] = [];
  const { endCursor, hasMore } = mergePages(
    sources,
    positions,
    pages.map((page) => page && { ...page, items: page.events }),
    first,
    (source, event, cursor) => events.push({ ...event, source, cursor }),
  );
  // The last event's cursor is the end cursor: a client resuming from either gets the same next page.
  const last = events.at(-1);
  if (last) last.cursor = endCursor;
  return { events, endCursor, hasMore };
}

/**
 * One page of the merged feed as text for `/feed`: each event's JSON, as its outbox serialised
 * it, with `"source"` and `"cursor"` appended by string concatenation — no parse or stringify per
 * event. Same merge, cursors and end cursor as `readChanges`.
 */
export async function readChangeLines(
  sources: readonly OutboxSource[],
  positions: Positions,
  first: number,
  filter: ReadFilter,
  format: 'ndjson' | 'sse',
): Promise<ChangeLinesPage> {
  const pages = await Promise.all(sources.map((source) => readLinesOf(source, positions[source.name] ?? 0, first, filter)));
  const taken: { source: string; line: FeedLine; cursor: string }[] = [];
  const { endCursor, hasMore } = mergePages(
    sources,
    positions,
    pages.map((page) => page && { ...page, items: page.lines }),
    first,
    (source, line, cursor) => taken.push({ source, line, cursor }),
  );
  const last = taken.at(-1);
  if (last) last.cursor = endCursor;
  let text = '';
  let sourceName = '';
  let sourceJson = '';
  for (const { source, line, cursor } of taken) {
    if (source !== sourceName) {
      sourceName = source;
      sourceJson = JSON.stringify(source);
    }
    const json = `${line.json.slice(0, -1)},"source":${sourceJson},"cursor":"${cursor}"}`;
    text += format === 'sse' ? `id: ${cursor}\nevent: ${line.kind}\ndata: ${json}\n\n` : `${json}\n`;
  }
  return { count: taken.length, text, endCursor, hasMore };
}
