import { testDatabaseKinds } from '@credit-hub/db';
import {
  appendEvent,
  appendEvents,
  pruneOutbox,
  readOutbox,
  readOutboxLines,
  sequenceAll,
  sequenceOutbox,
  sequenceUpTo,
} from '@credit-hub/subgraph-kit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSanctionsTestDatabase, type SanctionsTestDatabase } from '../src/db/client.ts';

const event = (n: number) => ({
  kind: 'penalty.published',
  uscc: '91140100MA0TEST00X',
  region: '140100',
  audience: 'public' as const,
  payload: { n },
});
const everything = { audiences: ['public', 'regulator', 'risk'] as const, first: 1000 };

describe.each(testDatabaseKinds())('outbox sequencer (%s)', (kind) => {
  let database: SanctionsTestDatabase;
  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('numbers only committed rows, densely, and a late commit gets a later position', async () => {
    await database.db.transaction((tx) => appendEvent(tx, event(1)));
    expect(await sequenceOutbox(database.db)).toBe(1);
    const first = await readOutbox(database.db, { ...everything, after: 0 });
    expect(first.events.map((e) => e.payload)).toEqual([{ n: 1 }]);
    expect(first.scannedThrough).toBe(1);
  });

  it.runIf(kind === 'postgres')('never lets a reader skip a transaction that committed out of order', async () => {
    // T1 appends first (smaller uuidv7) but commits last; T2 commits in between and is sequenced.
    let releaseT1: () => void = () => {};
    const t1Holds = new Promise<void>((resolve) => {
      releaseT1 = resolve;
    });
    let t1Appended: () => void = () => {};
    const t1Ready = new Promise<void>((resolve) => {
      t1Appended = resolve;
    });
    const t1 = database.db.transaction(async (tx) => {
      await appendEvent(tx, event(2));
      t1Appended();
      await t1Holds;
    });
    await t1Ready;
    await database.db.transaction((tx) => appendEvent(tx, event(3)));
    await sequenceOutbox(database.db);
    const reader = await readOutbox(database.db, { ...everything, after: 1 });
    expect(reader.events.map((e) => e.payload)).toEqual([{ n: 3 }]);
    releaseT1();
    await t1;
    await sequenceOutbox(database.db);
    // The reader resumes where it stopped and still gets T1's event.
    const resumed = await readOutbox(database.db, { ...everything, after: reader.scannedThrough });
    expect(resumed.events.map((e) => e.payload)).toEqual([{ n: 2 }]);
    expect(resumed.events[0]?.position).toBe(reader.scannedThrough + 1);
  });

  it('adds a date-driven event once per record and date', async () => {
    const keyed = { ...event(9), dedupeKey: 'penalty.publication_ended:1:2025-03-01' };
    expect(await database.db.transaction((tx) => appendEvent(tx, keyed))).toHaveLength(1);
    expect(await database.db.transaction((tx) => appendEvent(tx, keyed))).toHaveLength(0);
  });

  it('filters by audience, kind and region, and scans past what it filtered', async () => {
    await database.db.transaction((tx) => appendEvent(tx, { ...event(10), audience: 'regulator', region: '430100' }));
    await sequenceOutbox(database.db);
    const head = (await readOutbox(database.db, { ...everything, after: 0 })).head;
    const publicOnly = await readOutbox(database.db, { audiences: ['public'], first: 1000, after: head - 1 });
    expect(publicOnly.events).toEqual([]);
    expect(publicOnly.scannedThrough).toBe(head);
    const otherRegion = await readOutbox(database.db, { ...everything, after: head - 1, restrictedRegionPrefix: '14' });
    expect(otherRegion.events).toEqual([]);
  });

  it('serves the same events as text lines (the /feed fast path), payload text passed through', async () => {
    const tricky = { ...event(11), effectiveOn: '2026-03-01', payload: { text: '引号"\\ 和\n换行', nested: { n: [1, 2.5, null] } } };
    await database.db.transaction((tx) => appendEvent(tx, tricky));
    await sequenceOutbox(database.db);
    const parsed = await readOutbox(database.db, { ...everything, after: 0 });
    const lines = await readOutboxLines(database.db, { ...everything, after: 0 });
    expect(lines.lines.map((line) => JSON.parse(line.json))).toEqual(parsed.events);
    expect(lines.lines.map(({ position, occurredAt, kind }) => ({ position, occurredAt, kind }))).toEqual(
      parsed.events.map(({ position, occurredAt, kind }) => ({ position, occurredAt, kind })),
    );
    expect({ ...lines, lines: undefined }).toEqual({ ...parsed, events: undefined });
    for (const line of lines.lines) expect(line.json).not.toContain('\n');
  });

  it('stores each payload of a batch exactly, whatever characters its strings hold', async () => {
    // Payloads travel joined by U+001E: one inside a string must stay inside it (JSON escapes it).
    const awkward = ['\u001e', '\u001e\u001e{"x":1}', '{"a",NULL}', 'back\\slash "quoted"', '', 'NULL', '\u0000\u001f\u007f', '𠮷 and é'];
    const batch = awkward.map((text, index) => ({ ...event(20 + index), payload: { text, index, list: [text, null] } }));
    const before = (await readOutbox(database.db, { ...everything, after: 0, first: 1000 })).head;
    await database.db.transaction((tx) =>
      appendEvents(tx, [...batch, { ...event(40), payload: 'a bare string' }, { ...event(41), payload: null }]),
    );
    await sequenceOutbox(database.db);
    const read = await readOutbox(database.db, { ...everything, after: before, first: 1000 });
    expect(read.events.map((stored) => stored.payload)).toEqual([...batch.map((sent) => sent.payload), 'a bare string', null]);
  });

  it('keeps order and content when the payloads of a batch travel in several pieces', async () => {
    // ~1 100 characters a payload, 300 events: over ten pieces of at most 30 000 characters.
    const batch = Array.from({ length: 300 }, (_, index) => ({
      ...event(100 + index),
      payload: { index, text: `第${index}条`.padEnd(1100, '经查当事人') },
    }));
    const before = (await readOutbox(database.db, { ...everything, after: 0 })).head;
    const ids = await database.db.transaction((tx) => appendEvents(tx, batch));
    expect(ids).toHaveLength(300);
    await sequenceOutbox(database.db);
    const read = await readOutbox(database.db, { ...everything, after: before, first: 1000 });
    expect(read.events.map((stored) => stored.payload)).toEqual(batch.map((sent) => sent.payload));
    expect(read.events.map((stored) => stored.id)).toEqual(ids);
  });

  it('prunes a prefix older than the retention window and remembers how far', async () => {
    await database.db.execute(sql`update outbox set sequenced_at = now() - interval '40 days' where position <= 2`);
    expect(await pruneOutbox(database.db, 30)).toBe(2);
    const page = await readOutbox(database.db, { ...everything, after: 0 });
    expect(page.prunedThrough).toBe(2);
    expect(page.events[0]?.position).toBe(3);
  });

  it('numbers a burst larger than one batch up to the page a reader asks for, then the rest', async () => {
    // One sequencer batch is 5 000 rows: a reader asking for 10 000 must not get a head that trails
    // the burst (a follow=false read would stop there), nor pay for more than it asked.
    for (let start = 0; start < 12_000; start += 4_000) {
      // 4 000 rows per statement: under the 65 535 bind parameters of one statement.
      await database.db.transaction((tx) =>
        appendEvents(
          tx,
          Array.from({ length: 4_000 }, (_, i) => event(1000 + start + i)),
        ),
      );
    }
    expect(await sequenceUpTo(database.db, 10_000)).toBe(10_000);
    expect(await sequenceAll(database.db)).toBe(2_000);
    expect(await sequenceAll(database.db)).toBe(0);
  });
});
