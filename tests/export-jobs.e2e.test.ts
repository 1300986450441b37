import { createHash } from 'node:crypto';
import { testDatabaseKinds } from '@credit-hub/db';
import {
  type ExportManifest,
  type FeedEvent,
  foldPenaltyEvents,
  LICENSE_COLUMNS,
  nationalRowProblems,
  PENALTY_COLUMNS,
  WITHDRAWAL_COLUMNS,
} from '@credit-hub/tables';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, type Stack, startStack } from './support/stack.ts';

const USCC = '91350100M000100Y43';
const RECORD = 'mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { id } }';
const FILE_REPAIR =
  'mutation($id: ID!) { fileCreditRepair(input: { targetKind: PENALTY, targetId: $id, statement: "已更正并缴清罚款", obligationsFulfilled: true }) { id status } }';
const DECIDE_REPAIR =
  'mutation($id: ID!) { decideCreditRepair(id: $id, decision: APPROVED, reason: "符合修复条件", decisionReference: "榕信修〔2026〕1号") { id status } }';
const GRANT = 'mutation($input: GrantLicenseInput!) { grantLicense(input: $input) { number } }';
const PUBLISH = 'mutation($n: String!) { publishLicense(number: $n) { number } }';
const REVOKE_LICENCE = 'mutation($input: ChangeLicenseStatusInput!) { changeLicenseStatus(input: $input) { number status } }';
const CHANGES =
  'query($after: String) { changes(after: $after, first: 1000, kinds: ["penalty.published", "penalty.updated", "penalty.withdrawn"]) { events { id kind uscc occurredAt effectiveOn payload cursor } endCursor hasMore } }';
const START =
  'mutation($kind: ExportKind!, $since: String, $format: ExportFormat, $encoding: ExportEncoding) { startExport(kind: $kind, since: $since, format: $format, encoding: $encoding) { id status mode } }';
const JOB = 'query($id: ID!) { exportJob(id: $id) { id status mode rowsWritten cursor error manifestUrl files { name rows sha256 url } } }';

interface Job {
  id: string;
  status: string;
  mode: string;
  rowsWritten: number;
  cursor: string | null;
  error: string | null;
  manifestUrl: string | null;
  files: { name: string; rows: number; sha256: string; url: string }[];
}

const penalty = (serial: number, decidedOn: string) => ({
  uscc: USCC,
  decisionNumber: `榕市监处罚〔${decidedOn.slice(0, 4)}〕${serial}号`,
  decidedOn,
  authority: '福州市市场监督管理局',
  violationType: '未经许可从事特种设备生产',
  factsSummary: '经查，当事人未取得许可从事压力容器制造。',
  legalBasis: '《中华人民共和国特种设备安全法》第七十四条',
  penaltyTypes: ['FINE'],
  fineAmount: '60000.00',
  caseDomain: 'SPECIAL_EQUIPMENT',
});
const licence = (number: string) => ({
  number,
  kind: 'FOOD_PRODUCTION',
  holderUscc: USCC,
  items: [{ category: '粮食加工品', categoryCode: '101' }],
  authority: { name: '福州市市场监督管理局', code: '11350100MB1957483K', regionCode: '350100' },
  decisionReference: '榕市监许〔2026〕8号',
});

describe.each(testDatabaseKinds())('双公示 export jobs through the gateway (%s)', { timeout: 120_000 }, (kind) => {
  let stack: Stack;
  let today = '2026-03-03';
  let platform: string;
  let admin: string;
  let regulator: string;
  let licensing: string;
  let cursorBeforeRepair = '';

  const as = <T>(response: GraphQLResponse<T>): T => {
    expect(response.errors).toBeUndefined();
    if (!response.data) throw new Error('no data');
    return response.data;
  };
  const download = (url: string, token?: string) =>
    fetch(new URL(url, stack.gatewayUrl), token ? { headers: { authorization: `Bearer ${token}` } } : {});
  async function runJob(variables: Record<string, unknown>, token = platform): Promise<Job> {
    const { startExport } = as(await stack.query<{ startExport: Job }>(START, variables, { token }));
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const { exportJob } = as(await stack.query<{ exportJob: Job }>(JOB, { id: startExport.id }, { token }));
      if (exportJob.status === 'SUCCEEDED' || exportJob.status === 'FAILED') return exportJob;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('export job did not finish');
  }
  /** Every listed file downloads with the requester's token and hashes to what the manifest says. */
  async function filesOf(job: Job, token = platform): Promise<Record<string, string[][]>> {
    expect(job).toMatchObject({ status: 'SUCCEEDED', error: null });
    const manifest = (await (await download(job.manifestUrl as string, token)).json()) as ExportManifest;
    const tables: Record<string, string[][]> = {};
    for (const file of job.files) {
      const response = await download(file.url, token);
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(sha256).toBe(file.sha256);
      expect(manifest.files.find((listed) => listed.name === file.name)?.sha256).toBe(sha256);
      tables[file.name] = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
      expect(tables[file.name]?.length).toBe(file.rows + 1);
    }
    expect(manifest.cursor).toBe(job.cursor);
    return tables;
  }
  async function feedAfter(after: string | null): Promise<FeedEvent[]> {
    const { changes } = as(
      await stack.query<{ changes: { events: (Omit<FeedEvent, 'payload'> & { payload: string })[] } }>(
        CHANGES,
        { after },
        { token: platform },
      ),
    );
    return changes.events.map((event) => ({ ...event, payload: JSON.parse(event.payload) }));
  }

  beforeAll(async () => {
    stack = await startStack({
      kind,
      today: () => today,
      env: {
        EXPORT_SOURCE_NAME: '福建省市场监督管理局',
        EXPORT_SOURCE_CODE: '11350000MB1957483K',
        EXPORT_AUTHORITY_CODES: JSON.stringify({ 福州市市场监督管理局: '11350100MB1957483K' }),
        // Two records a page: the snapshot must follow `next` across pages.
        EXPORT_PAGE_SIZE: '2',
      },
    });
    await stack.registerEnterprise(USCC);
    platform = await stack.token({ role: 'platform', sub: 'platform-fj' });
    admin = await stack.token({ role: 'admin' });
    regulator = await stack.token({ role: 'regulator', region: '350000', dept: 'ZFJC' });
    licensing = await stack.token({ role: 'regulator', region: '350000', dept: 'SPSC' });

    const ids: string[] = [];
    for (const serial of [1, 2, 3])
      ids.push(
        as(await stack.query<{ recordPenalty: { id: string } }>(RECORD, { input: penalty(serial, '2026-03-02') }, { token: regulator }))
          .recordPenalty.id,
      );
    for (const number of ['SC10135010090011', 'SC10135010090022']) {
      as(await stack.query(GRANT, { input: licence(number) }, { token: licensing }));
      as(await stack.query(PUBLISH, { n: number }, { token: licensing }));
    }
    as(
      await stack.query(
        REVOKE_LICENCE,
        { input: { number: 'SC10135010090022', action: 'REVOKE', reason: '以欺骗手段取得许可', decisionReference: '榕市监撤〔2026〕1号' } },
        { token: licensing },
      ),
    );
    // Where the platform stood before the repair: the delta from here must hold it.
    for (let attempt = 0; ; attempt += 1) {
      const events = await feedAfter(null);
      if (events.length >= 3 || attempt > 50) {
        cursorBeforeRepair = events.at(-1)?.cursor ?? '';
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A year later penalty 1 is repaired (信用修复) and penalty 4 is decided.
    today = '2027-03-10';
    const repair = as(await stack.query<{ fileCreditRepair: { id: string } }>(FILE_REPAIR, { id: ids[0] }, { token: regulator }));
    as(await stack.query(DECIDE_REPAIR, { id: repair.fileCreditRepair.id }, { token: regulator }));
    as(await stack.query(RECORD, { input: penalty(4, '2027-03-09') }, { token: regulator }));
  }, 600_000);
  afterAll(() => stack?.stop());

  it('a penalty snapshot read from the bulk pages: the repaired penalty is on the withdrawal list, not in the data', async () => {
    const job = await runJob({ kind: 'PENALTIES' });
    expect(job.mode).toBe('snapshot');
    const tables = await filesOf(job);
    const [header, ...rows] = tables['CF.csv'] ?? [];
    expect(header).toEqual(PENALTY_COLUMNS.map((column) => column.code));
    expect(rows.map((row) => row[13])).toEqual(['榕市监处罚〔2026〕2号', '榕市监处罚〔2026〕3号', '榕市监处罚〔2027〕4号']);
    for (const row of rows) {
      const values = Object.fromEntries(PENALTY_COLUMNS.map((column, index) => [column.code, row[index] ?? '']));
      expect(nationalRowProblems(values, PENALTY_COLUMNS)).toEqual({ missing: [], invalid: [] });
      expect(values).toMatchObject({ CF_XDR_SHXYM: USCC, CF_NR_FK: '6.000000', CF_SJLY: '福建省市场监督管理局' });
    }
    const [withdrawalHeader, ...withdrawals] = tables['CF_CXXF.csv'] ?? [];
    expect(withdrawalHeader).toEqual(WITHDRAWAL_COLUMNS.map((column) => column.code));
    expect(withdrawals).toEqual([['CF', '榕市监处罚〔2026〕1号', USCC, '修复', '2027/03/10', 'REPAIRED']]);
    expect(job.rowsWritten).toBe(4);
  });

  it('the delta since a cursor equals the feed’s events after it', async () => {
    const job = await runJob({ kind: 'PENALTIES', since: cursorBeforeRepair });
    expect(job.mode).toBe('delta');
    const tables = await filesOf(job);
    const folded = foldPenaltyEvents(await feedAfter(cursorBeforeRepair));
    expect((tables['CF.csv'] ?? []).slice(1).map((row) => row[13])).toEqual([...folded.published.keys()]);
    expect((tables['CF_CXXF.csv'] ?? []).slice(1).map((row) => row[1])).toEqual([...folded.withdrawn.keys()]);
    expect([...folded.published.keys()]).toEqual(['榕市监处罚〔2027〕4号']);
    expect([...folded.withdrawn.keys()]).toEqual(['榕市监处罚〔2026〕1号']);
    // Nothing happened since: the next delta from the job's cursor is empty.
    const next = await filesOf(await runJob({ kind: 'PENALTIES', since: job.cursor }));
    expect(next['CF.csv']?.length).toBe(1);
  });

  it('a licence snapshot in the 28 columns, GBK on request; the revoked licence only on the withdrawal list', async () => {
    const job = await runJob({ kind: 'LICENSES', format: 'CSV', encoding: 'GBK' });
    expect(job.files.map((file) => file.name)).toEqual(['XK-gbk.csv', 'XK_CXXF-gbk.csv']);
    const response = await download(job.files[0]?.url as string, platform);
    const { default: iconv } = await import('iconv-lite');
    const [header, ...rows] = parse(iconv.decode(Buffer.from(await response.arrayBuffer()), 'gbk')) as string[][];
    expect(header).toEqual(LICENSE_COLUMNS.map((column) => column.code));
    expect(rows).toHaveLength(1);
    const values = Object.fromEntries(LICENSE_COLUMNS.map((column, index) => [column.code, rows[0]?.[index] ?? '']));
    expect(nationalRowProblems(values, LICENSE_COLUMNS)).toEqual({ missing: [], invalid: [] });
    expect(values).toMatchObject({ XK_XKBH: 'SC10135010090011', XK_WSH: '榕市监许〔2026〕8号', XK_XKWS: '食品生产许可决定书', XK_ZT: '1' });
    expect(job.files[1]?.rows).toBe(1);
  });

  it('refuses exports and downloads to anyone but the requester, admins aside', async () => {
    const job = await runJob({ kind: 'PENALTIES', format: 'NDJSON' });
    const url = job.files[0]?.url as string;
    expect((await download(url, platform)).status).toBe(200);
    expect((await download(url, admin)).status).toBe(200);
    expect((await download(url, regulator)).status).toBe(403);
    expect((await download(url)).status).toBe(403);
    expect((await download(url, await stack.token({ role: 'platform', sub: 'platform-other' }))).status).toBe(404);
    expect((await download(url.replace(/file=[^&]+/, 'file=..%2Fjob.json'), platform)).status).toBe(404);
    // The bulk pages behind a snapshot answer hub services only, never a caller's token.
    for (const [subgraph, route] of [
      ['sanctions', 'penalties'],
      ['licenses', 'licenses'],
    ] as const) {
      const bulk = `${stack.subgraphUrls[subgraph]?.replace(/\/graphql$/, '')}/bulk/${route}?limit=10`;
      expect((await fetch(bulk)).status).toBe(401);
      expect((await fetch(bulk, { headers: { authorization: `Bearer ${platform}` } })).status).toBe(403);
      expect((await fetch(bulk, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(403);
    }
    const refused = await stack.query(START, { kind: 'PENALTIES' }, { token: regulator });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_EXCHANGE_PARTNER' });
    const other = await stack.query<{ exportJob: Job | null }>(
      JOB,
      { id: job.id },
      { token: await stack.token({ role: 'platform', sub: 'platform-other' }) },
    );
    expect(other.data?.exportJob).toBeNull();
    const badCursor = await stack.query(START, { kind: 'PENALTIES', since: 'not-a-cursor' }, { token: platform });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });
});
