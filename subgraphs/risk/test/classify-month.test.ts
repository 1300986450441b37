import { testDatabaseKinds } from '@credit-hub/db';
import { readOutbox, sequenceAll } from '@credit-hub/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyMonth } from '../src/classify/classify-month.ts';
import type { HubReader } from '../src/classify/hub-reader.ts';
import { getCurrentResultsByUscc, getDistribution } from '../src/data/result-store.ts';
import { listRuns } from '../src/data/run-store.ts';
import { openRiskTestDatabase, type RiskDatabase } from '../src/db/client.ts';
import type { EnterpriseRiskFacts } from '../src/rules/facts.ts';
import { EXAMPLE_MODEL_FILE, loadModelFile } from '../src/rules/model-file.ts';

const versions = loadModelFile(EXAMPLE_MODEL_FILE);
const codes = Array.from({ length: 7 }, (_, index) => `91140802MA0RK00${index}XX`.slice(0, 18));
const factsOf = (uscc: string, serious: boolean): EnterpriseRiskFacts => ({
  uscc,
  regionCode: '140802',
  status: 'ACTIVE',
  establishedOn: '2015-01-01',
  keyDomains: [],
  missingAnnualReports: 0,
  lateAnnualReports: 0,
  expiredLicences: 0,
  suspendedOrRevokedLicences: 0,
  licenceRevocations: [],
  penalties: [],
  currentlyAbnormal: false,
  currentlySerious: serious,
  failedInspections: 0,
  refusedInspections: 0,
});

/** A hub that answers every code, marks all serious when asked, and can fail on a given batch. */
function fakeHub(options: { serious: boolean; failOnBatch?: number }): HubReader & { reads: number } {
  const hub = {
    reads: 0,
    countEnterprises: async () => codes.length,
    async *enterpriseCodes() {
      for (let start = 0; start < codes.length; start += 3) yield codes.slice(start, start + 3);
    },
    async readFacts(usccs: readonly string[]) {
      hub.reads++;
      if (hub.reads === options.failOnBatch) throw new Error('sanctions subgraph unavailable');
      return usccs.map((uscc) => factsOf(uscc, options.serious));
    },
  };
  return hub;
}

describe.each(testDatabaseKinds())('classifying a month (%s)', (kind) => {
  let database: RiskDatabase;
  beforeAll(async () => {
    database = await openRiskTestDatabase(kind);
  });
  afterAll(() => database?.close());

  const run = (reader: HubReader) =>
    classifyMonth({ db: database.db, reader, versions, month: '2026-11', today: '2026-11-30', startedBy: 'test', batchSize: 2 });

  it('classifies every enterprise in batches and records counts, version and duration', async () => {
    const progress: number[] = [];
    const outcome = await classifyMonth({
      db: database.db,
      reader: fakeHub({ serious: false }),
      versions,
      month: '2026-11',
      today: '2026-11-30',
      startedBy: 'test',
      batchSize: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(outcome).toMatchObject({ counts: { A: 7, B: 0, C: 0, D: 0 }, modelVersion: 'example-2026.1', batches: 4 });
    expect(progress.at(-1)).toBe(7);
    expect(await getDistribution(database.db, { month: '2026-11' })).toEqual({ A: 7, B: 0, C: 0, D: 0 });
  });

  it('keeps the month exactly as it was when a re-run fails half-way', async () => {
    await expect(run(fakeHub({ serious: true, failOnBatch: 3 }))).rejects.toThrow(/unavailable/);
    expect(await getDistribution(database.db, { month: '2026-11' })).toEqual({ A: 7, B: 0, C: 0, D: 0 });
    const [failed] = await listRuns(database.db, { limit: 1 });
    expect(failed).toMatchObject({ status: 'FAILED', current: false });
    expect(await getCurrentResultsByUscc(database.db, codes)).toHaveLength(7);
  });

  it('replaces the month in one switch and drops the superseded results', async () => {
    const outcome = await run(fakeHub({ serious: true }));
    expect(await getDistribution(database.db, { month: '2026-11' })).toEqual({ A: 0, B: 0, C: 0, D: 7 });
    const current = await getCurrentResultsByUscc(database.db, codes);
    expect(current.map((row) => row.runId)).toEqual(codes.map(() => outcome.runId));
    const runs = await listRuns(database.db, { month: '2026-11', limit: 10 });
    expect(runs.filter((r) => r.current).map((r) => r.id)).toEqual([outcome.runId]);
  });
});

describe.each(testDatabaseKinds())('risk events in the outbox (%s)', (kind) => {
  let database: RiskDatabase;
  beforeAll(async () => {
    database = await openRiskTestDatabase(kind);
  });
  afterAll(() => database?.close());

  const run = (month: string, serious: boolean, failOnBatch?: number) =>
    classifyMonth({
      db: database.db,
      reader: fakeHub({ serious, ...(failOnBatch ? { failOnBatch } : {}) }),
      versions,
      month,
      today: `${month}-28`,
      startedBy: 'test',
      batchSize: 2,
    });
  const events = async () => {
    await sequenceAll(database.db);
    return (await readOutbox(database.db, { after: 0, first: 1000, audiences: ['public', 'regulator', 'risk'] })).events;
  };

  it('appends risk.classified for each first class and risk.class_changed only for changes, to the risk audience only', async () => {
    await run('2026-10', false);
    const first = await events();
    expect(first.map((event) => event.kind)).toEqual(codes.map(() => 'risk.classified'));
    expect(first[0]).toMatchObject({
      audience: 'risk',
      region: '140802',
      effectiveOn: '2026-10-01',
      payload: { riskClass: 'A', previousClass: null, month: '2026-10', source: 'LOCAL' },
    });
    // Next month, same classes: nothing new. A failed run adds nothing either.
    await run('2026-11', false);
    await expect(run('2026-11', true, 3)).rejects.toThrow(/unavailable/);
    expect(await events()).toHaveLength(7);
    // A re-run that changes every class: one change each, against the class it replaces.
    await run('2026-11', true);
    const changed = (await events()).slice(7);
    expect(changed.map((event) => [event.kind, (event.payload as { previousClass: string }).previousClass])).toEqual(
      codes.map(() => ['risk.class_changed', 'A']),
    );
    expect(changed.every((event) => event.audience === 'risk' && (event.payload as { riskClass: string }).riskClass === 'D')).toBe(true);
    const publicView = await readOutbox(database.db, { after: 0, first: 1000, audiences: ['public', 'regulator'] });
    expect(publicView.events).toEqual([]);
  });
});
