import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DateStyle } from './format.ts';
import type { NationalColumn } from './national-columns.ts';

/** csv: UTF-8 with BOM (Excel opens it right); csv-gbk: what older provincial tools expect. */
export type TableFormat = 'csv' | 'csv-gbk' | 'xlsx' | 'ndjson';
export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'csv-gbk', 'xlsx', 'ndjson'];

/** JSON exchanges use yyyy-MM-dd; tables YYYY/MM/DD (DOMAIN.md). */
export const dateStyleOf = (format: TableFormat): DateStyle => (format === 'ndjson' ? 'json' : 'table');
export const extensionOf = (format: TableFormat) => (format === 'xlsx' ? 'xlsx' : format === 'ndjson' ? 'ndjson' : 'csv');

export interface WrittenFile {
  name: string;
  format: TableFormat;
  encoding: 'UTF-8' | 'GBK' | null;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface TableWriter {
  /**
   * Values in column order. Returns a promise only when the caller must wait (a batch went to a
   * disk that has fallen behind: flat memory); otherwise nothing, so a million rows do not cost a
   * million promises.
   */
  write(values: readonly string[]): Promise<void> | undefined;
  close(): Promise<WrittenFile>;
}

/** An Excel sheet holds 1 048 576 rows; a bigger export continues on the next sheet. */
const ROWS_PER_SHEET = 1_000_000;
/**
 * One CSV record as RFC 4180 has it: a value is quoted only when it holds a comma, a quote or a
 * line break; quotes doubled; CRLF. The same bytes as csv-stringify (the header still goes through
 * it; the golden files pin both), except that a lone CR or LF is quoted too, which csv-stringify
 * with a CRLF delimiter leaves bare and a reader would split. Done here because csv-stringify's
 * per-record transform was a fifth of a million-row export's CPU (--cpu-prof).
 */
const NEEDS_QUOTES = /[",\r\n]/;
const quote = (value: string) => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const QUOTE_OR_BREAK = /["\r\n]/;
export function csvRecord(values: readonly string[]): string {
  // Most records need no quoting: one join, then one scan of the line. No value held a comma
  // exactly when the line has one comma per separator.
  const line = values.join(',');
  let commas = 0;
  for (let at = line.indexOf(','); at !== -1; at = line.indexOf(',', at + 1)) commas += 1;
  if (commas === values.length - 1 && !QUOTE_OR_BREAK.test(line)) return `${line}\r\n`;
  return `${values.map(quote).join(',')}\r\n`;
}

/** Rows buffered before one encode and one write: amortises the per-call cost. */
const CSV_BATCH = 2048;

/** Counts and hashes exactly the bytes that reach the file. */
function hashingSink(path: string) {
  const hash = createHash('sha256');
  let bytes = 0;
  const file = createWriteStream(path, { highWaterMark: 1 << 20 });
  // CSV and NDJSON chunks are hashed as they are written; the XLSX zip writes through `tap`.
  const direct = {
    async write(chunk: Buffer) {
      hash.update(chunk);
      bytes += chunk.length;
      if (!file.write(chunk)) await new Promise<void>((resolve) => file.once('drain', resolve));
    },
    async end() {
      file.end();
      await finished(file);
      return { bytes, sha256: hash.digest('hex') };
    },
  };
  return {
    ...direct,
    tap: () =>
      zipTap(
        file,
        hash,
        (n) => (bytes += n),
        () => ({ bytes, sha256: hash.digest('hex') }),
      ),
  };
}

function zipTap(
  file: ReturnType<typeof createWriteStream>,
  hash: ReturnType<typeof createHash>,
  count: (n: number) => void,
  sums: () => { bytes: number; sha256: string },
) {
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      count(chunk.length);
      callback(null, chunk);
    },
  });
  tap.pipe(file);
  return {
    stream: tap,
    /** The XLSX zip ends the stream itself when the workbook commits. */
    async end() {
      if (!tap.writableEnded) tap.end();
      await finished(file);
      return sums();
    },
  };
}

export async function openTableWriter(path: string, format: TableFormat, columns: readonly NationalColumn[]): Promise<TableWriter> {
  const codes = columns.map((column) => column.code);
  const sink = hashingSink(path);
  const encoding = format === 'csv' || format === 'ndjson' ? 'UTF-8' : format === 'csv-gbk' ? 'GBK' : null;
  let rows = 0;
  const done = (sums: { bytes: number; sha256: string }): WrittenFile => ({ name: basename(path), format, encoding, rows, ...sums });

  if (format === 'xlsx') {
    const zip = sink.tap();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip.stream, useSharedStrings: false, useStyles: false });
    let sheet: ExcelJS.Worksheet | null = null;
    const nextSheet = () => {
      sheet?.commit();
      sheet = workbook.addWorksheet(rows === 0 ? 'data' : `data${Math.floor(rows / ROWS_PER_SHEET) + 1}`);
      sheet.addRow(codes).commit();
    };
    nextSheet();
    return {
      write(values) {
        if (rows > 0 && rows % ROWS_PER_SHEET === 0) nextSheet();
        (sheet as unknown as ExcelJS.Worksheet).addRow(values as string[]).commit();
        rows += 1;
        // The zip stream buffers what the file has not taken yet: let it drain now and then.
        if (rows % 1024 === 0 && zip.stream.writableNeedDrain) return new Promise<void>((resolve) => zip.stream.once('drain', resolve));
        return undefined;
      },
      async close() {
        (sheet as unknown as ExcelJS.Worksheet).commit();
        await workbook.commit();
        return done(await zip.end());
      },
    };
  }

  const encode = (text: string) => (format === 'csv-gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  let pending: string[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const textChunk = pending.join('');
    pending = [];
    await sink.write(encode(textChunk));
  };
  if (format === 'csv') await sink.write(Buffer.from([0xef, 0xbb, 0xbf]));
  if (format !== 'ndjson') await sink.write(encode(stringify([codes], { record_delimiter: '\r\n' })));
  return {
    write(values) {
      if (format === 'ndjson') {
        const ordered: Record<string, string | null> = {};
        for (let index = 0; index < codes.length; index += 1) ordered[codes[index] as string] = values[index] || null;
        pending.push(`${JSON.stringify(ordered)}\n`);
      } else pending.push(csvRecord(values));
      rows += 1;
      return pending.length >= CSV_BATCH ? flush() : undefined;
    },
    async close() {
      await flush();
      return done(await sink.end());
    },
  };
}
