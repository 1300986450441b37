import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import chardet from 'chardet';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import unzipper from 'unzipper';

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

/**
 * Encodings detected lately, by the file's identity and last change. An upload is opened for its
 * header, its row count, its import (header search and data) and its rejects workbook, and each
 * detection runs every chardet recogniser over 64 KB (about 20 ms, 2–3 µs a row of a 10 000-row
 * table). A file written again has a new change time, and is detected again.
 */
const detectedEncodings = new Map<string, SourceEncoding>();
const DETECTED_ENCODINGS_KEPT = 64;

async function detectFileEncoding(path: string): Promise<SourceEncoding> {
  const handle = await open(path, 'r');
  try {
    const { dev, ino, size, mtimeNs, ctimeNs } = await handle.stat({ bigint: true });
    const identity = `${dev}:${ino}:${size}:${mtimeNs}:${ctimeNs}:${path}`;
    const known = detectedEncodings.get(identity);
    if (known) return known;
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const encoding = detectEncoding(buffer.subarray(0, bytesRead));
    if (detectedEncodings.size >= DETECTED_ENCODINGS_KEPT) detectedEncodings.clear();
    detectedEncodings.set(identity, encoding);
    return encoding;
  } finally {
    await handle.close();
  }
}

export interface OpenedTable {
  format: SourceFormat;
  encoding: SourceEncoding | null;
  rows: AsyncIterable<RawRow>;
}

/**
 * Streams a provincial table row by row; memory stays flat whatever the file's size. `encoding`:
 * what an earlier opening of the same file detected.
 */
export async function openTable(path: string, options: { skipRows?: number; encoding?: SourceEncoding | null } = {}): Promise<OpenedTable> {
  const format = formatOfPath(path);
  const skip = options.skipRows ?? 0;
  if (format === 'xlsx') return { format, encoding: null, rows: xlsxRows(path, skip) };
  const encoding = options.encoding ?? (await detectFileEncoding(path));
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

type ReaderInternals = {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; rId: string; name: string }[] };
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
};

/**
 * The first worksheet of an .xlsx file, streamed row by row.
 *
 * exceljs 4.4.0's own streaming reader is not used to walk the zip, for two bugs:
 * - it walks the zip front to back with unzipper's `Parse`, which signals its end as soon as the
 *   whole file has been read in, before every entry is handed out. Excel (and exceljs) write the
 *   sheets before `sharedStrings.xml`, so on a small file the shared strings were sometimes never
 *   read and every text cell came out as `{ sharedString: n }` (about one read in 250 here; the
 *   header was then not found). unzipper 0.12.5 still does this.
 * - it decodes each zip chunk on its own, so a Chinese character split between two chunks turns
 *   into '��' (about one row in two thousand; exceljs issues #2063, #2084, #2316, fix PR #1665
 *   unmerged).
 * Instead the zip's central directory is read (unzipper `Open.file`), and exceljs's own parsers
 * are fed in the order they need: relationships, workbook, shared strings, styles, then the
 * workbook's first sheet, each as text decoded across chunk boundaries. The sheet streams straight
 * from the file; nothing is copied to a temporary file.
 */
async function* xlsxRows(path: string, skip: number): AsyncIterable<RawRow> {
  // Every file stream the zip reader opens, closed when the rows are done or abandoned (the header
  // search stops after a few rows: an open stream per upload would hold a descriptor until GC).
  const opened: ReadStream[] = [];
  const source = {
    size: async () => (await stat(path)).size,
    stream: (start: number, length: number) => {
      const stream = createReadStream(path, { start, end: length ? start + length : undefined });
      opened.push(stream);
      return stream;
    },
  };
  try {
    const directory = await unzipper.Open.custom(source).catch((error: Error) => {
      throw new Error(
        `not an Excel workbook (.xlsx): its zip directory cannot be read (${error.message}); an old .xls file must be saved as .xlsx first`,
      );
    });
    const text = (name: string) => {
      const stream = directory.files.find((file) => file.path === name)?.stream();
      stream?.setEncoding('utf8');
      return stream;
    };
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
    });
    const internals = reader as unknown as ReaderInternals;
    const rels = text('xl/_rels/workbook.xml.rels');
    const workbook = text('xl/workbook.xml');
    if (!rels || !workbook) throw new Error('not an Excel workbook: xl/workbook.xml is missing');
    await internals._parseRels(rels);
    await internals._parseWorkbook(workbook);
    const sharedStrings = text('xl/sharedStrings.xml');
    // In 'cache' mode the generator yields nothing; running it fills the reader's string table.
    if (sharedStrings) for await (const _ of internals._parseSharedStrings(sharedStrings));
    const styles = text('xl/styles.xml');
    if (styles) await internals._parseStyles(styles);
    // Only the first sheet in the workbook's own order: provinces keep instructions and code lists on the others.
    const first = internals.model?.sheets?.[0];
    const target = internals.workbookRels?.find((rel) => rel.Id === first?.rId)?.Target;
    // Targets are relative to xl/ (worksheets/sheet1.xml) or absolute in the package (/xl/worksheets/sheet1.xml).
    const sheet = target ? text(target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
    if (!target || !sheet) throw new Error('not an Excel workbook: its first worksheet is missing');
    const sheetNo = /sheet(\d+)\.xml$/i.exec(target)?.[1] ?? '1';
    for (const { eventType, value } of internals._parseWorksheet(sheet as AsyncIterable<string>, sheetNo)) {
      if (eventType !== 'worksheet') continue;
      for await (const row of value as AsyncIterable<ExcelJS.Row>) {
        if (row.number <= skip) continue;
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (values.every((value) => value === '')) continue;
        yield { rowNumber: row.number, cells: values };
      }
    }
  } finally {
    for (const stream of opened) stream.destroy();
  }
}
