import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { RejectedRow } from './validate.ts';

/**
 * 退回数据: the rejected rows as a workbook the department can correct and upload again — the
 * original row as it was (same headers, same cells), its row number in the uploaded file, and
 * each reason (field, rule, explanation). Streamed, so a file of rejects of any size is fine.
 */
export async function writeRejectsWorkbook(
  path: string,
  headers: readonly string[],
  rows: AsyncIterable<RejectedRow> | Iterable<RejectedRow>,
) {
  const file = createWriteStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('退回数据');
  const header = sheet.addRow(['行号', '字段', '规则', '原因', ...headers]);
  header.font = { bold: true };
  header.commit();
  let count = 0;
  for await (const row of rows) {
    const fields = row.problems.map((problem) => problem.field).join('\n');
    const rules = row.problems.map((problem) => problem.rule).join('\n');
    const reasons = row.problems.map((problem) => problem.message).join('\n');
    sheet.addRow([row.rowNumber, fields, rules, reasons, ...row.cells]).commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  await finished(file);
  return { rows: count };
}
