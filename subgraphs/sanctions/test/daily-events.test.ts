import { testDatabaseKinds } from '@credit-hub/db';
import { readOutbox, sequenceAll } from '@credit-hub/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDailyEvents } from '../src/data/daily-events.ts';
import { appendSeriousEvents } from '../src/data/outbox-events.ts';
import { openSanctionsTestDatabase, type SanctionsTestDatabase } from '../src/db/client.ts';
import { type SeriousViolationRow, seriousViolations } from '../src/db/schema.ts';
import { DEFAULT_RULE_BOOK as rules, seriousPublication, seriousPublicUntil } from '../src/rules/index.ts';

let serial = 0;
/** Each fixture listing its own 列入决定书文号: (enterprise, reference) is a listing's natural key. */
const listing = (listedOn: string, extra: Partial<typeof seriousViolations.$inferInsert> = {}) => ({
  uscc: '91140100MA0DAILY0X',
  regionCode: '140100',
  department: '太原市市场监督管理局',
  recordedBy: 'test',
  domain: 'FOOD' as const,
  reason: '食品安全严重违法',
  listedOn,
  authority: '太原市市场监督管理局',
  decisionReference: `并市监严列〔${listedOn.slice(0, 4)}〕${++serial}号`,
  ...extra,
});

describe.each(testDatabaseKinds())('daily job: serious listings (%s)', (kind) => {
  let database: SanctionsTestDatabase;
  let ended: SeriousViolationRow;
  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
  });
  afterAll(() => database?.close());

  const events = async () => {
    await sequenceAll(database.db);
    return (await readOutbox(database.db, { after: 0, first: 1000, audiences: ['public', 'regulator', 'risk'] })).events;
  };

  it('ends a serious listing 3-year publication (第十六条) once: listing.removed, PERIOD_ENDED, then no longer public', async () => {
    [ended] = (await database.db
      .insert(seriousViolations)
      .values([
        listing('2023-03-10'),
        listing('2023-03-10', { revokedOn: '2023-05-01' }),
        listing('2023-06-01', { repairedOn: '2024-07-01' }),
      ])
      .returning()) as [SeriousViolationRow];
    const lastDay = seriousPublicUntil('2023-03-10', rules);
    expect(lastDay).toBe('2026-03-10');
    expect(await appendDailyEvents(database.db, lastDay, rules)).toBe(0);
    expect(seriousPublication(ended, lastDay, rules).visibleToPublic).toBe(true);
    expect(await appendDailyEvents(database.db, '2026-03-11', rules)).toBe(1);
    // Again the same day, the next day (a restart, a second replica): nothing more.
    expect(await appendDailyEvents(database.db, '2026-03-11', rules)).toBe(0);
    expect(await appendDailyEvents(database.db, '2026-03-12', rules)).toBe(0);
    const [removed, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(removed).toMatchObject({
      kind: 'listing.removed',
      audience: 'public',
      uscc: '91140100MA0DAILY0X',
      effectiveOn: '2026-03-11',
      payload: { id: ended.id, reason: 'PERIOD_ENDED' },
    });
    expect(seriousPublication(ended, '2026-03-11', rules)).toMatchObject({ visibleToPublic: false, reasonHidden: 'PERIOD_ENDED' });
  });

  it('publishes a listing that starts on a later day once, whether the write or the daily job gets there first', async () => {
    const [future] = (await database.db.insert(seriousViolations).values(listing('2026-04-01')).returning()) as [SeriousViolationRow];
    const before = (await events()).length;
    // Recorded before its listing day: the write sends nothing public yet.
    expect(await database.db.transaction((tx) => appendSeriousEvents(tx, null, future, { today: '2026-03-20', rules }))).toEqual([]);
    expect(await appendDailyEvents(database.db, '2026-04-01', rules)).toBe(1);
    // The same listing seen by a write on its listing day adds nothing (same dedupe key).
    expect(await database.db.transaction((tx) => appendSeriousEvents(tx, null, future, { today: '2026-04-01', rules }))).toEqual([]);
    const added = (await events()).slice(before);
    expect(added.map((event) => [event.kind, event.effectiveOn])).toEqual([['listing.added', '2026-04-01']]);
  });
});
