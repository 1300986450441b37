import ExcelJS from 'exceljs';

/** Bounds of one upload: a colleague's spreadsheet, not a data dump. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_ROWS = 10_000;

export class UploadError extends Error {}

const HEADER = /代码|名称|uscc|code|name/i;
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * The first column of a CSV or XLSX file (told apart by the ZIP signature, not the file name):
 * one code or name per row; a header row naming the column is skipped, blank rows dropped.
 */
export async function readUpload(body: Buffer): Promise<string[]> {
  const cells = XLSX_MAGIC.every((byte, i) => body[i] === byte) ? await firstColumnOfWorkbook(body) : firstColumnOfCsv(body);
  const values = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (values[0] && HEADER.test(values[0]) && !/\d{6}/.test(values[0])) values.shift();
  if (values.length === 0) throw new UploadError('the file has no codes or names in its first column (第一列为空)');
  if (values.length > MAX_ROWS) throw new UploadError(`at most ${MAX_ROWS} rows per file, this one has ${values.length} (超过行数上限)`);
  return values;
}

async function firstColumnOfWorkbook(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's Buffer type predates Node 20's generic Buffer.
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new UploadError('the file is not a readable XLSX workbook (无法读取工作簿)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > MAX_ROWS + 1)
    throw new UploadError(`at most ${MAX_ROWS} rows per file, this one has ${sheet.rowCount} (超过行数上限)`);
  const values: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cell = row.getCell(1);
    values.push(cell.text ?? '');
  });
  return values;
}

/** First field of each line; quotes as RFC 4180 writes them; a BOM (Excel's UTF-8 CSV) is dropped. */
function firstColumnOfCsv(body: Buffer): string[] {
  const text = body.toString('utf8').replace(/^\uFEFF/, '');
  return text.split(/\r?\n/).map((line) => {
    if (line.startsWith('"')) {
      const end = line.indexOf('"', 1);
      return end > 0 ? line.slice(1, end) : line.slice(1);
    }
    return line.split(/[,;\t]/)[0] ?? '';
  });
}
