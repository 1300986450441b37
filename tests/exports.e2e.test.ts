import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@credit-hub/db';
import {
  type FeedEvent,
  foldPenaltyEvents,
  nationalRowProblems,
  openTable,
  PENALTY_COLUMNS,
  penaltyExportRecord,
  runExport,
} from '@credit-hub/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const TODAY = '2026-12-01';
const USCC = '91350100M000100Y43';
const CHANGES =
  'query($after: String) { changes(after: $after, first: 1000, kinds: ["penalty.published", "penalty.updated", "penalty.withdrawn"]) { events { id kind uscc occurredAt effectiveOn payload cursor } endCursor hasMore } }';
const RECORD = 'mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { id } }';
const REVOKE = 'mutation($id: ID!, $decision: ChangeDecisionInput!) { revokePenalty(id: $id, decision: $decision) { id } }';

const penalty = (serial: number) => ({
  uscc: USCC,
  decisionNumber: `榕市监处罚〔2026〕${serial}号`,
  decidedOn: '2026-11-20',
  authority: '福州市市场监督管理局',
  violationType: '未经许可从事特种设备生产',
  factsSummary: '经查，当事人未取得许可从事压力容器制造。',
  legalBasis: '《中华人民共和国特种设备安全法》第七十四条',
  penaltyTypes: ['FINE'],
  fineAmount: '60000.00',
  caseDomain: 'SPECIAL_EQUIPMENT',
});

describe.each(testDatabaseKinds())('双公示 export from the change feed (%s)', (kind) => {
  let stack: Stack;
  let platform: string;
  let regulator: string;

  beforeAll(async () => {
    stack = await startStack({ kind, today: () => TODAY });
    await stack.registerEnterprise(USCC);
    platform = await stack.token({ role: 'platform' });
    regulator = await stack.token({ role: 'regulator', region: '350000', dept: 'ZFJC' });
    // Starting six services takes over two minutes on a loaded 2-core machine.
  }, 600_000);
  afterAll(() => stack?.stop());

  async function feed(after: string | null, count: number): Promise<{ events: FeedEvent[]; endCursor: string }> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await stack.query<{ changes: { events: (Omit<FeedEvent, 'payload'> & { payload: string })[]; endCursor: string } }>(
        CHANGES,
        { after },
        { token: platform },
      );
      expect(response.errors).toBeUndefined();
      const page = response.data?.changes;
      if (page && (page.events.length >= count || attempt > 50)) {
        return { events: page.events.map((event) => ({ ...event, payload: JSON.parse(event.payload) })), endCursor: page.endCursor };
      }
      // The sequencer numbers events just after commit.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('a revoked penalty is on the withdrawal list and not in the snapshot; the delta since a cursor equals the feed after it', async () => {
    const ids: string[] = [];
    for (const serial of [1, 2]) {
      const recorded = await stack.query<{ recordPenalty: { id: string } }>(RECORD, { input: penalty(serial) }, { token: regulator });
      expect(recorded.errors).toBeUndefined();
      ids.push(recorded.data?.recordPenalty.id as string);
    }
    const first = await feed(null, 2);
    expect(first.events.map((event) => event.kind)).toEqual(['penalty.published', 'penalty.published']);

    const revoked = await stack.query(
      REVOKE,
      { id: ids[0], decision: { reason: '复议撤销', decisionReference: '榕市监复〔2026〕1号' } },
      { token: regulator },
    );
    expect(revoked.errors).toBeUndefined();
    await stack.query(RECORD, { input: penalty(3) }, { token: regulator });

    const delta = await feed(first.endCursor, 2);
    expect(delta.events.map((event) => event.kind).sort()).toEqual(['penalty.published', 'penalty.withdrawn']);
    const folded = foldPenaltyEvents(delta.events);
    expect([...folded.published.keys()]).toEqual(['榕市监处罚〔2026〕3号']);
    expect([...folded.withdrawn.keys()]).toEqual(['榕市监处罚〔2026〕1号']);

    const snapshot = foldPenaltyEvents((await feed(null, 4)).events);
    expect([...snapshot.published.keys()].sort()).toEqual(['榕市监处罚〔2026〕2号', '榕市监处罚〔2026〕3号']);
    expect([...snapshot.withdrawn.keys()]).toEqual(['榕市监处罚〔2026〕1号']);

    const directory = await mkdtemp(join(tmpdir(), 'export-e2e-'));
    const source = {
      sourceName: '福建省市场监督管理局',
      sourceCode: '11350000MB1957483K',
      authorityCodes: { 福州市市场监督管理局: '11350100MB1957483K' },
    };
    async function* records() {
      for (const { penalty: item } of snapshot.published.values())
        yield penaltyExportRecord(item, { name: '福州测试有限公司', legalRepresentative: '张三' }, source);
    }
    async function* withdrawals() {
      yield* snapshot.withdrawn.values();
    }
    const manifest = await runExport({
      directory,
      kind: 'penalties',
      formats: ['csv'],
      mode: 'snapshot',
      since: null,
      cursor: () => null,
      records: records(),
      withdrawals: withdrawals(),
    });
    expect(manifest.counts).toEqual({ 'CF.csv': 2, 'CF_CXXF.csv': 1 });
    const opened = await openTable(join(directory, 'CF.csv'));
    const rows: string[][] = [];
    for await (const row of opened.rows) rows.push(row.cells);
    const [codes, ...data] = rows;
    for (const cells of data) {
      const row = Object.fromEntries((codes ?? []).map((code, index) => [code, cells[index] ?? '']));
      expect(nationalRowProblems(row, PENALTY_COLUMNS)).toEqual({ missing: [], invalid: [] });
      expect(row.CF_NR_FK).toBe('6.000000');
    }
    expect(await readFile(join(directory, 'CF_CXXF.csv'), 'utf8')).toContain('榕市监处罚〔2026〕1号');
  });
});
