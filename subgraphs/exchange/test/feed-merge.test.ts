import type { FeedEvent, OutboxPage } from '@credit-hub/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { CursorWriter, decodeCursor, encodeCursor } from '../src/feed/cursor.ts';
import { readChangeLines, readChanges, readScope } from '../src/feed/merge.ts';
import { type OutboxSource, parseOutboxLine } from '../src/feed/sources.ts';

const everyone = { audiences: ['public'] as const, restrictedRegionPrefix: null, kinds: null, regionPrefix: null };

function memorySource(name: string, events: FeedEvent[]): OutboxSource {
  return {
    name,
    async read(after, first): Promise<OutboxPage> {
      const page = events.filter((event) => event.position > after).slice(0, first);
      const head = events.at(-1)?.position ?? 0;
      return { events: page, scannedThrough: page.length === first ? (page.at(-1)?.position ?? after) : head, head, prunedThrough: 0 };
    },
  };
}

const at = (position: number, second: number): FeedEvent => ({
  id: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
  position,
  kind: 'penalty.published',
  uscc: '91140100MA0TEST00X',
  region: '140100',
  audience: 'public',
  occurredAt: `2026-12-01T00:00:${String(second).padStart(2, '0')}.000000Z`,
  effectiveOn: null,
  payload: { position },
});

/** Follows the feed from the start in pages of `first`, resuming from a random event's cursor each time. */
async function followAll(sources: OutboxSource[], first: number) {
  const seen: string[] = [];
  let cursor = '';
  for (let round = 0; round < 100; round++) {
    const page = await readChanges(sources, decodeCursor(cursor), first, everyone);
    if (page.events.length === 0) break;
    // Stop part-way through the page, as a dropped connection would.
    const stop = Math.max(1, Math.ceil(page.events.length / 2));
    for (const event of page.events.slice(0, stop)) seen.push(`${event.source}:${event.position}`);
    cursor = (page.events[stop - 1] as { cursor: string }).cursor;
  }
  return seen;
}

describe('merged feed', () => {
  it('keeps each outbox in position order even when a late commit carries an earlier timestamp', async () => {
    // Position 2 committed late: its occurredAt is before position 1's.
    const sanctions = memorySource('sanctions', [at(1, 5), at(2, 1), at(3, 6)]);
    const licenses = memorySource('licenses', [at(1, 2), at(2, 7)]);
    const seen = await followAll([licenses, sanctions], 2);
    expect(seen.sort()).toEqual(['licenses:1', 'licenses:2', 'sanctions:1', 'sanctions:2', 'sanctions:3']);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('writes /feed lines equal to the parsed events, cursors included', async () => {
    const sources = [memorySource('licenses', [at(1, 2), at(2, 7)]), memorySource('sanctions', [at(1, 5), at(2, 1), at(3, 6)])];
    const parsed = await readChanges(sources, {}, 4, everyone);
    const lines = await readChangeLines(sources, {}, 4, everyone, 'ndjson');
    expect(lines.count).toBe(4);
    expect(lines.endCursor).toBe(parsed.endCursor);
    expect(lines.hasMore).toBe(true);
    const events = lines.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(events.map((event) => decodeCursor(event.cursor))).toEqual(parsed.events.map((event) => decodeCursor(event.cursor)));
    expect(events.map(({ cursor: _, ...event }) => event)).toEqual(parsed.events.map(({ cursor: _, ...event }) => event));
    const sse = await readChangeLines(sources, {}, 4, everyone, 'sse');
    expect(sse.text.split('\n\n')[0]).toMatch(/^id: [A-Za-z0-9_-]+\nevent: penalty\.published\ndata: \{/);
  });

  it('encodes cursors with a cached prefix that decode like any other', () => {
    const writer = new CursorWriter({ enterprises: 7, licenses: 12345 });
    for (const [source, position] of [
      ['sanctions', 1],
      ['sanctions', 22],
      ['licenses', 12346],
      ['sanctions', 333],
      ['risk', 4],
    ] as const) {
      const cursor = writer.move(source, position);
      expect(decodeCursor(cursor)).toEqual({ ...writer.positions });
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(decodeCursor(encodeCursor(writer.positions))).toEqual(writer.positions);
  });

  it('never gives the platform or the public the risk audience (risk.* events)', () => {
    expect(readScope({ role: 'platform' } as never).audiences).toEqual(['public']);
    expect(readScope({ role: 'department', region: '140100' } as never).audiences).toEqual(['public']);
    expect(readScope({ role: 'regulator', region: '140100' } as never)).toEqual({
      audiences: ['public', 'regulator', 'risk'],
      restrictedRegionPrefix: '1401',
    });
  });

  it('reads a kit outbox line by slicing', () => {
    const json = JSON.stringify(at(9, 3));
    expect(parseOutboxLine(`[9,"2026-12-01T00:00:03.000000Z","penalty.published",${json}]`)).toEqual({
      position: 9,
      occurredAt: '2026-12-01T00:00:03.000000Z',
      kind: 'penalty.published',
      json,
    });
  });
});
