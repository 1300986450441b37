import { readdirSync } from 'node:fs';
import { mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import unzipper from 'unzipper';
import { describe, expect, it } from 'vitest';
import { openTable, type RawRow } from './readers.ts';
import { writeSampleTable } from './sample-files.ts';
import { penaltyTable } from './sample-tables.ts';

const samples = join(import.meta.dirname, '..', 'samples');

async function leadingRows(path: string, count: number): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of (await openTable(path)).rows) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

describe('XLSX reader', () => {
  it('reads the shared strings on every read of a small workbook whose sheet is stored before them', async () => {
    const path = join(samples, 'serious.xlsx');
    // The order Excel and exceljs write, and the one that lost the shared strings about one read in 250.
    const names = (await unzipper.Open.file(path)).files.map((file) => file.path);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    const expected = await leadingRows(path, 3);
    expect(expected[1]?.cells.slice(0, 3)).toEqual(['序号', '单位名称', '统一社会信用代码']);
    for (let round = 0; round < 250; round += 1) {
      const reads = await Promise.all(Array.from({ length: 4 }, () => leadingRows(path, 3)));
      for (const rows of reads) expect(rows).toEqual(expected);
    }
  }, 60_000);

  it('says a file that is not a workbook is not one', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'not-xlsx-')), 'table.xlsx');
    await writeFile(path, '单位名称,统一社会信用代码\n');
    await expect(leadingRows(path, 1)).rejects.toThrow(/not an Excel workbook \(\.xlsx\)/);
  });

  it('closes the file when the reading stops early (as the header search does)', async () => {
    // Large enough that the sheet is still being read when the rows are abandoned.
    const path = await writeSampleTable(await mkdtemp(join(tmpdir(), 'early-')), penaltyTable(20_000), 'penalties.xlsx');
    const descriptors = () => readdirSync('/proc/self/fd').length;
    const before = descriptors();
    for (let read = 0; read < 20; read += 1) await leadingRows(path, 3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(descriptors()).toBeLessThan(before + 5);
  });
});

describe('CSV reader', () => {
  it('detects the encoding of a file written again at the same path anew', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'rewritten-'));
    const table = penaltyTable(3);
    const path = await writeSampleTable(directory, table, 'table-gbk.csv');
    expect((await openTable(path)).encoding).toBe('GB18030');
    expect((await openTable(path)).encoding).toBe('GB18030');
    // The same name, now UTF-8 with a BOM (writeSampleTable encodes by the file name).
    await rename(await writeSampleTable(directory, table, 'table.csv'), path);
    const opened = await openTable(path);
    expect(opened.encoding).toBe('UTF-8');
    const rows: RawRow[] = [];
    for await (const row of opened.rows) rows.push(row);
    expect(rows[1]?.cells[1]).toBe('法人及非法人组织');
  });
});
