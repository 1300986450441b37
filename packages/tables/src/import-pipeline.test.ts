import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ImportSink, runImport, type WriteOutcome } from './import-pipeline.ts';
import { openTable } from './readers.ts';
import { writeRejectsWorkbook } from './rejects.ts';
import { writeSampleTable } from './sample-files.ts';
import { penaltyTable } from './sample-tables.ts';
import type { RejectedRow } from './validate.ts';

const samples = join(import.meta.dirname, '..', 'samples');
const expected: Record<string, Record<string, string[]>> = JSON.parse(await readFile(join(samples, 'expected-rejects.json'), 'utf8'));

/** An idempotent store by natural key: what the owning subgraph's batch write promises. */
function memorySink(): ImportSink & { keys: Map<string, unknown> } {
  const keys = new Map<string, unknown>();
  return {
    keys,
    async write(_kind, rows) {
      return rows.map((row): WriteOutcome => {
        if (keys.has(row.key)) return { status: 'unchanged' };
        keys.set(row.key, row.input);
        return { status: 'created' };
      });
    },
  };
}

describe('sample tables', () => {
  for (const [file, rejects] of Object.entries(expected)) {
    it(`${file} imports with exactly the expected rejects, and a second run changes nothing`, async () => {
      const sink = memorySink();
      const rejected: RejectedRow[] = [];
      const options = { path: join(samples, file), sink, today: '2026-12-01', defaultDomain: 'SPECIAL_EQUIPMENT', batchSize: 4 };
      const first = await runImport({ ...options, onRejected: (row) => void rejected.push(row) });
      const actual = Object.fromEntries(rejected.map((row) => [String(row.rowNumber), row.problems.map((problem) => problem.rule)]));
      expect(actual).toEqual(rejects);
      expect(first.created).toBe(first.done - first.rejected);
      const second = await runImport(options);
      expect(second.created).toBe(0);
      expect(second.unchanged).toBe(first.created);
    });
  }

  it('reads the GBK file correctly (encoding detected, Chinese intact)', async () => {
    const opened = await openTable(join(samples, 'penalties-gbk.csv'));
    expect(opened.encoding).toBe('GB18030');
    const rows = [];
    for await (const row of opened.rows) rows.push(row);
    expect(rows[0]?.cells[0]).toBe('CF_XDR_MC');
    expect(rows[1]?.cells[1]).toBe('法人及非法人组织');
    expect(rows[1]?.cells[4]).toBe('运市监处罚〔2024〕1号');
  });

  it('keeps at most inFlight batches outstanding, commits them in file order, and refuses a bad inFlight', async () => {
    const path = join(samples, 'licenses.xlsx');
    const store = memorySink();
    let outstanding = 0;
    let most = 0;
    const slow: ImportSink = {
      async write(kind, rows) {
        most = Math.max(most, ++outstanding);
        // Later batches answer sooner: counting must still follow the file.
        await new Promise((resolve) => setTimeout(resolve, 40 - (rows[0]?.rowNumber ?? 0)));
        outstanding -= 1;
        return store.write(kind, rows);
      },
    };
    const committed: number[] = [];
    const result = await runImport({
      path,
      sink: slow,
      today: '2026-12-01',
      batchSize: 3,
      inFlight: 3,
      onBatch: (progress) => void committed.push(progress.committedRow),
    });
    expect(result.done).toBe(20);
    expect(most).toBe(3);
    expect(committed).toEqual([...committed].sort((a, b) => a - b));
    for (const inFlight of [0, Number.NaN, 1.5]) {
      await expect(runImport({ path, sink: store, today: '2026-12-01', inFlight })).rejects.toThrow(RangeError);
    }
  });

  it('resumes after the last committed batch and ends with the same data as one run', async () => {
    const path = join(samples, 'licenses.xlsx');
    const whole = memorySink();
    await runImport({ path, sink: whole, today: '2026-12-01', batchSize: 5 });

    const crashed = memorySink();
    let committed = 0;
    const crash = new Error('killed');
    await expect(
      runImport({
        path,
        sink: crashed,
        today: '2026-12-01',
        batchSize: 5,
        onBatch: (progress) => {
          committed = progress.committedRow;
          if (progress.done >= 10) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const resumed = await runImport({ path, sink: crashed, today: '2026-12-01', batchSize: 5, resumeAfterRow: committed });
    expect(resumed.done).toBe(20);
    expect([...crashed.keys.entries()]).toEqual([...whole.keys.entries()]);
  });

  it('returns rejected rows as a workbook: row number, field, rule, reason and the original cells', async () => {
    const rejected: RejectedRow[] = [];
    const result = await runImport({
      path: join(samples, 'penalties-gbk.csv'),
      sink: memorySink(),
      today: '2026-12-01',
      onRejected: (row) => void rejected.push(row),
    });
    const out = join(await mkdtemp(join(tmpdir(), 'rejects-')), 'rejects.xlsx');
    await writeRejectsWorkbook(out, result.headers, rejected);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('行号');
    expect(sheet?.getRow(1).getCell(5).value).toBe('CF_XDR_MC');
    expect(sheet?.getRow(2).getCell(1).value).toBe(3);
    expect(sheet?.getRow(2).getCell(2).value).toBe('行政处罚决定书文号');
    expect(sheet?.getRow(2).getCell(3).value).toBe('DECISION_NUMBER_YEAR');
    expect(sheet?.getRow(2).getCell(9).value).toBe('运市监处罚〔2023〕2号');
    expect(sheet?.rowCount).toBe(5);
  });

  it('reads Chinese text whole in a large XLSX (exceljs splits characters between zip chunks unless decoded across them)', async () => {
    const table = penaltyTable(20_000);
    const path = await writeSampleTable(await mkdtemp(join(tmpdir(), 'large-')), table, 'penalties.xlsx');
    const rejected: number[] = [];
    await runImport({ path, sink: memorySink(), today: '2026-12-01', onRejected: (row) => void rejected.push(row.rowNumber) });
    expect(rejected).toEqual(Object.keys(table.expectedRejects).map(Number));
  }, 120_000);
});
