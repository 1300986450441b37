import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { SampleTable } from './sample-tables.ts';

/** Writes a sample table as its file name says: .xlsx, -gbk.csv (GBK, no BOM) or .csv (UTF-8 with BOM). */
export async function writeSampleTable(directory: string, table: SampleTable, file = table.file): Promise<string> {
  const path = join(directory, file);
  const lines = [...(table.title ? [[table.title]] : []), table.headers, ...table.rows];
  if (file.endsWith('.xlsx')) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
    const sheet = workbook.addWorksheet('Sheet1');
    for (const line of lines) sheet.addRow(line).commit();
    sheet.commit();
    await workbook.commit();
    return path;
  }
  const text = stringify(lines, { record_delimiter: '\r\n' });
  await writeFile(
    path,
    file.includes('gbk') ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  );
  return path;
}
