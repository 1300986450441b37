import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { penaltyTable } from '@credit-hub/tables';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const TODAY = '2026-12-01';
const SAMPLE = join(import.meta.dirname, '..', 'packages', 'tables', 'samples', 'penalties-gbk.csv');
const JOB_FIELDS =
  'id kind status total done created unchanged rejected failed rejectsUrl startedAt finishedAt error uploadedBy department';

interface Job {
  id: string;
  kind: string;
  status: string;
  total: number;
  done: number;
  created: number;
  unchanged: number;
  rejected: number;
  failed: number;
  rejectsUrl: string | null;
  error: string | null;
}

describe('import jobs in the exchange: upload through the gateway, poll, rejects workbook', () => {
  let stack: Stack;
  let importDir: string;
  const table = penaltyTable(15);
  const gateway = () => stack.gatewayUrl.replace(/\/graphql$/, '');

  const upload = async (token: string | null, body: Buffer, filename = 'penalties-gbk.csv') =>
    fetch(`${gateway()}/imports?${new URLSearchParams({ kind: 'penalties', filename })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      // A plain Uint8Array: a Buffer is not a BodyInit once the DOM lib is in the program.
      body: new Uint8Array(body),
    });
  const job = async (id: string, token: string) =>
    (await stack.query<{ importJob: Job | null }>(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id }, { token })).data
      ?.importJob ?? null;
  const finished = async (id: string, token: string): Promise<Job> => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const current = await job(id, token);
      if (current && current.status !== 'RUNNING' && current.status !== 'QUEUED') return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`import job ${id} did not finish`);
  };

  beforeAll(async () => {
    importDir = await mkdtemp(join(tmpdir(), 'import-jobs-'));
    stack = await startStack({ today: () => TODAY, env: { IMPORT_DIR: importDir } });
    for (const row of table.rows) if (row[2]?.length === 18) await stack.registerEnterprise(row[2]);
  });
  afterAll(() => stack?.stop());

  it('imports the penalties sample as the uploader, counts every row, hands back the rejects, and a second upload is unchanged', async () => {
    const token = await stack.token({ role: 'regulator', region: '140000', dept: 'ZFJC', sub: 'job-uploader' });
    const file = await readFile(SAMPLE);
    const answer = await upload(token, file);
    expect(answer.status).toBe(202);
    const started = (await answer.json()) as { id: string; total: number; kind: string };
    expect(started).toMatchObject({ kind: 'penalties', total: 15 });

    // Rows about Fujian enterprises (350100) are outside a Shanxi regulator's region: rejected by the policy.
    const outside = table.rows.flatMap((row, index) =>
      row[2]?.slice(2, 4) === '35' && !table.expectedRejects[index + 2] ? [index + 2] : [],
    );
    const expectedRejected = [...Object.keys(table.expectedRejects).map(Number), ...outside].sort((a, b) => a - b);
    const done = await finished(started.id, token);
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      total: 15,
      done: 15,
      created: 15 - expectedRejected.length,
      unchanged: 0,
      rejected: expectedRejected.length,
      failed: 0,
      error: null,
    });

    const download = await fetch(`${gateway()}${done.rejectsUrl}`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('行号');
    const rows: { rowNumber: number; rule: string }[] = [];
    sheet?.eachRow((row, index) => {
      if (index > 1) rows.push({ rowNumber: Number(row.getCell(1).value), rule: String(row.getCell(3).value) });
    });
    expect(rows.map((row) => row.rowNumber).sort((a, b) => a - b)).toEqual(expectedRejected);
    for (const [rowNumber, rules] of Object.entries(table.expectedRejects))
      expect(rows.find((row) => row.rowNumber === Number(rowNumber))?.rule).toBe(rules.join('\n'));
    for (const rowNumber of outside) expect(rows.find((row) => row.rowNumber === rowNumber)?.rule).toMatch(/OUTSIDE_REGION|FORBIDDEN/);

    const again = (await (await upload(token, file)).json()) as { id: string };
    expect(await finished(again.id, token)).toMatchObject({
      status: 'SUCCEEDED',
      created: 0,
      unchanged: done.created,
      rejected: done.rejected,
    });

    // The uploader's department sees both jobs; another department's regulator sees neither, nor the workbook.
    const colleague = await stack.token({ role: 'regulator', region: '140000', dept: 'ZFJC', sub: 'colleague' });
    const listed = await stack.query<{ importJobs: { id: string }[] }>('{ importJobs { id } }', {}, { token: colleague });
    expect(listed.data?.importJobs.map((item) => item.id).sort()).toEqual([started.id, again.id].sort());
    const stranger = await stack.token({ role: 'regulator', region: '140000', dept: 'TSSB', sub: 'stranger' });
    expect(await job(started.id, stranger)).toBeNull();
    const theirs = await stack.query<{ importJobs: { id: string }[] }>('{ importJobs { id } }', {}, { token: stranger });
    expect(theirs.data?.importJobs).toEqual([]);
    const refused = await fetch(`${gateway()}${done.rejectsUrl}`, { headers: { authorization: `Bearer ${stranger}` } });
    expect(refused.status).toBe(404);

    // An interrupted job (as a restart leaves it: state on disk, no token) waits for its uploader.
    const path = join(importDir, again.id, 'job.json');
    const state = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const rejectedBefore = expectedRejected.filter((rowNumber) => rowNumber <= 6).length;
    await writeFile(
      path,
      JSON.stringify({
        ...state,
        status: 'INTERRUPTED',
        committedRow: 6,
        done: 5,
        unchanged: 5 - rejectedBefore,
        rejected: rejectedBefore,
      }),
    );
    const resume = 'mutation($id: ID!) { resumeImport(id: $id) { id status } }';
    const notTheirs = await stack.query(resume, { id: again.id }, { token: colleague });
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const resumed = await stack.query<{ resumeImport: { status: string } }>(resume, { id: again.id }, { token });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data?.resumeImport.status).toBe('RUNNING');
    expect(await finished(again.id, token)).toMatchObject({
      status: 'SUCCEEDED',
      done: 15,
      created: 0,
      unchanged: done.created,
      rejected: done.rejected,
    });
  });

  it('refuses anonymous uploads, read-only roles, unknown file types and tables without a known header; nothing is kept', async () => {
    const file = await readFile(SAMPLE);
    expect((await upload(null, file)).status).toBe(401);
    const analyst = await stack.token({ role: 'analyst', sub: 'analyst' });
    expect((await upload(analyst, file)).status).toBe(403);
    const token = await stack.token({ role: 'regulator', region: '140000', dept: 'SPSC', sub: 'careless' });
    expect((await upload(token, file, 'penalties.pdf')).status).toBe(400);
    const unknown = await upload(token, Buffer.from('a,b,c\n1,2,3\n'), 'other.csv');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toBeTruthy();
    const listed = await stack.query<{ importJobs: unknown[] }>('{ importJobs { id } }', {}, { token });
    expect(listed.data?.importJobs).toEqual([]);
  });
});
