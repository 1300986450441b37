import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkRowsOf, createLogger } from '@credit-hub/subgraph-kit';
import type { ExportManifest, PublicPenalty } from '@credit-hub/tables';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportJobRecord, ExportJobStore } from '../src/data/export-jobs.ts';
import { ExportRunner } from '../src/exports/export-runner.ts';
import type { ExportReaders } from '../src/exports/export-sources.ts';

/** Enough rows that the first run is stopped well inside the data file (progress is saved every 10 000 rows). */
const ROWS = 25_000;
const PAGE = 1_000;
const penaltyRow = (id: number): PublicPenalty => ({
  id,
  decisionNumber: `榕市监处罚〔2026〕${id}号`,
  uscc: '91350100M000100Y43',
  violationType: '未经许可从事特种设备生产',
  factsSummary: '经查，当事人未取得许可从事压力容器制造。',
  legalBasis: '《中华人民共和国特种设备安全法》第七十四条',
  penaltyTypes: ['FINE'],
  fineAmountYuan: '60000.00',
  confiscationAmountYuan: null,
  partyType: 'ORGANISATION',
  partyIdNumber: null,
  restrictionMonths: null,
  decidedOn: '2026-03-02',
  authority: '福州市市场监督管理局',
  publishedOn: '2026-03-03',
  publicUntil: '2029-03-03',
});
const PENALTY_COLUMNS = Object.keys(penaltyRow(0)) as (keyof PublicPenalty)[];
const WITHDRAWALS = [{ reference: '榕市监处罚〔2025〕7号', uscc: '91350100M000100Y43', reason: 'REPAIRED', on: '2026-02-01' }];

/** The sanctions subgraph's two bulk routes, served from memory in key order. */
function bulkServer(): Server {
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit'));
    const send = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/bulk/penalties') {
      const rows = Array.from({ length: Math.max(0, Math.min(limit, ROWS - after)) }, (_, index) => penaltyRow(after + index + 1));
      const last = rows.at(-1)?.id ?? ROWS;
      return send({ ...bulkRowsOf(PENALTY_COLUMNS, rows), next: last < ROWS ? String(last) : null });
    }
    if (url.pathname === '/bulk/penalty-withdrawals')
      return send({ ...bulkRowsOf(['reference', 'uscc', 'reason', 'on'], WITHDRAWALS), next: null });
    response.writeHead(404).end();
  });
}

describe('an export job interrupted by a restart of the exchange', () => {
  let server: Server;
  let readers: (token: () => Promise<string>) => ExportReaders;
  beforeAll(async () => {
    server = bulkServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const graphqlUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    readers = (token) => ({
      sources: [],
      urls: { licenses: graphqlUrl, sanctions: graphqlUrl },
      token,
      parties: async () => new Map(),
      source: { sourceName: '福建省市场监督管理局', sourceCode: null },
      pageSize: PAGE,
      timeoutMs: 10_000,
      today: () => '2026-03-03',
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('runs again at the next start and ends with complete files whose SHA-256 sums match the manifest', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'export-resume-'));
    const logger = createLogger({ level: 'silent' });
    // The first process stops answering after 15 pages, as if killed: it never writes again.
    let pagesRead = 0;
    const dying = new ExportRunner(
      new ExportJobStore(directory),
      readers(() => (++pagesRead <= 15 ? Promise.resolve('token') : new Promise<string>(() => {}))),
      logger,
    );
    const started = await dying.start({
      kind: 'penalties',
      since: null,
      format: 'csv',
      requestedBy: 'platform-fj',
      requesterRole: 'platform',
    });
    let seen: ExportJobRecord | null = null;
    for (let attempt = 0; attempt < 200 && !(seen && seen.rowsWritten >= 10_000); attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      seen = await dying.store.get(started.id);
    }
    expect(seen).toMatchObject({ status: 'RUNNING', rowsWritten: 10_000 });
    const partial = await readFile(join(directory, started.id, 'CF.csv'));
    expect(partial.length).toBeGreaterThan(0);

    // The next process, on the same EXPORT_DIR.
    const restarted = new ExportRunner(
      new ExportJobStore(directory),
      readers(async () => 'token'),
      logger,
    );
    expect((await restarted.resumeUnfinished()).map((job) => job.id)).toEqual([started.id]);
    await restarted.idle();
    const job = (await restarted.store.get(started.id)) as ExportJobRecord;
    expect(job).toMatchObject({ status: 'SUCCEEDED', restarts: 1, error: null, rowsWritten: ROWS + WITHDRAWALS.length });

    const jobDirectory = join(directory, job.id);
    expect((await readdir(jobDirectory)).sort()).toEqual(['CF.csv', 'CF_CXXF.csv', 'job.json', 'manifest.json']);
    const manifest = JSON.parse(await readFile(join(jobDirectory, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(manifest.files).toEqual(job.files);
    for (const file of manifest.files) {
      const bytes = await readFile(join(jobDirectory, file.name));
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
      expect(bytes.length, file.name).toBe(file.bytes);
      expect((parse(bytes, { bom: true }) as string[][]).length, file.name).toBe(file.rows + 1);
    }
    expect(manifest.files.map((file) => [file.name, file.rows])).toEqual([
      ['CF.csv', ROWS],
      ['CF_CXXF.csv', WITHDRAWALS.length],
    ]);
    // Every decision once, in key order: nothing of the interrupted attempt was kept or repeated.
    const table = parse(await readFile(join(jobDirectory, 'CF.csv')), { bom: true }) as string[][];
    const column = table[0]?.indexOf('CF_WSH') ?? -1;
    expect(column).toBeGreaterThanOrEqual(0);
    expect(table.slice(1).map((row) => row[column])).toEqual(
      Array.from({ length: ROWS }, (_, index) => penaltyRow(index + 1).decisionNumber),
    );
  });
});
