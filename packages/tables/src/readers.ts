import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One row as the file holds it: 1-based row number in the file (header = 1) and cell texts. */
export interface RawRow {
  rowNumber: number;
  cells: string[];
}

export type SourceEncoding = 'UTF-8' | 'GB18030';

/** Bytes sampled for detection: enough Chinese text for a confident guess, cheap to read. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * UTF-8 or a GB encoding. A BOM or valid UTF-8 wins; chardet decides the rest. GBK and GB2312
 * are decoded as GB18030, their superset, so a rare character in a name never turns into '?'.
 */
export function detectEncoding(sample: Buffer): SourceEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'UTF-8';
  // A truncated multi-byte character at the sample's end must not make valid UTF-8 look invalid.
  const cut = sample.length === SAMPLE_BYTES ? sample.subarray(0, sample.length - 4) : sample;
  const guess = chardet.detect(cut);
  if (guess === 'UTF-8' || guess === 'ASCII' || (guess === 'ISO-8859-1' && isUtf8(cut))) return 'UTF-8';
  if (guess && /^(GB|BIG5|EUC)/i.test(guess)) return 'GB18030';
  return isUtf8(cut) ? 'UTF-8' : 'GB18030';
}

function isUtf8(buffer: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

export type SourceFormat = 'csv' | 'xlsx';

export function formatOfPath(path: string): SourceFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.csv' || extension === '.txt') return 'csv';
  throw new Error(`unsupported file type ${extension || '(none)'}: upload .xlsx or .csv (old .xls: save as .xlsx first)`);
}

async function sampleOf(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export interface OpenedTable {
  format: SourceFormat;
  encoding: SourceEncoding | null;
  rows: AsyncIterable<RawRow>;
}

/** Streams a provincial table row by row; memory stays flat whatever the file's size. */
export async function openTable(path: string, options: { skipRows?: number } = {}): Promise<OpenedTable> {
  const format = formatOfPath(path);
  const skip = options.skipRows ?? 0;
  if (format === 'xlsx') return { format, encoding: null, rows: xlsxRows(path, skip) };
  const encoding = detectEncoding(await sampleOf(path));
  return { format, encoding, rows: csvRows(path, encoding, skip) };
}

async function* csvRows(path: string, encoding: SourceEncoding, skip: number): AsyncIterable<RawRow> {
  const decoded = createReadStream(path).pipe(iconv.decodeStream(encoding === 'UTF-8' ? 'utf8' : 'gb18030', { stripBOM: true }));
  const parser = decoded.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, from_line: skip + 1, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { rowNumber: info.lines, cells: record };
  }
}

/** A cell as text: dates as ISO days, numbers as written, rich text and formulas by their value. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** Decodes UTF-8 across chunk boundaries: a character split between two chunks stays whole. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncIterable<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
};

/**
 * exceljs 4.4.0's streaming reader decodes each zip chunk on its own, so a Chinese character
 * split between two chunks turns into '��' (about one row in two thousand; exceljs issues
 * #2063, #2084, #2316, fix PR #1665 unmerged). The sheet and shared-string streams are handed
 * over as text decoded across chunk boundaries instead.
 */
function utf8SafeReader(path: string, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, options);
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Text(iterator), sheetNo);
  internals._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return parseSharedStrings(entry);
  };
  return reader;
}

async function* xlsxRows(path: string, skip: number): AsyncIterable<RawRow> {
  const reader = utf8SafeReader(path, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  // Only the first sheet: provinces keep instructions and code lists on the others.
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if (row.number <= skip) continue;
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      if (values.every((value) => value === '')) continue;
      yield { rowNumber: row.number, cells: values };
    }
    break;
  }
}
