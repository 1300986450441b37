import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type LicenseExportRecord,
  licenseRow,
  type PenaltyExportRecord,
  penaltyRow,
  type WithdrawalRecord,
  withdrawalRow,
} from './export-rows.ts';
import type { DateStyle } from './format.ts';
import { buildManifest, type ExportManifest } from './manifest.ts';
import { LICENSE_COLUMNS, type NationalColumn, PENALTY_COLUMNS, WITHDRAWAL_COLUMNS } from './national-columns.ts';
import { dateStyleOf, extensionOf, openTableWriter, type TableFormat, type TableWriter } from './writers.ts';

export type ExportKind = 'licenses' | 'penalties';

type ExportRecord<Kind extends ExportKind> = Kind extends 'licenses' ? LicenseExportRecord : PenaltyExportRecord;

const COLUMNS: Record<ExportKind, readonly NationalColumn[]> = { licenses: LICENSE_COLUMNS, penalties: PENALTY_COLUMNS };
const ROW: Record<ExportKind, (record: never, style: DateStyle) => readonly string[]> = { licenses: licenseRow, penalties: penaltyRow };
/** File names the platform's batch import knows: XK (行政许可) and CF (行政处罚). */
const FILE_PREFIX: Record<ExportKind, string> = { licenses: 'XK', penalties: 'CF' };

export interface ExportOptions<Kind extends ExportKind> {
  directory: string;
  kind: Kind;
  formats: readonly TableFormat[];
  mode: 'snapshot' | 'delta';
  since: string | null;
  /** The cursor after the last event the export covers (from the feed). */
  cursor: () => string | null;
  records: AsyncIterable<ExportRecord<Kind>>;
  withdrawals: AsyncIterable<WithdrawalRecord>;
  now?: Date;
  onProgress?(rows: number): void;
}

/**
 * One pass over the records writes every requested format at once (each writer awaits its own
 * disk), then the withdrawal list, then manifest.json: memory does not grow with the export.
 */
export async function runExport<Kind extends ExportKind>(options: ExportOptions<Kind>): Promise<ExportManifest> {
  await mkdir(options.directory, { recursive: true });
  const prefix = FILE_PREFIX[options.kind];
  const open = (name: string, columns: readonly NationalColumn[]) =>
    Promise.all(
      options.formats.map(async (format) => ({
        format,
        style: dateStyleOf(format),
        writer: await openTableWriter(
          join(options.directory, `${name}${format === 'csv-gbk' ? '-gbk' : ''}.${extensionOf(format)}`),
          format,
          columns,
        ),
      })),
    );
  /** Returns a promise only when a writer asks the caller to wait for its disk. */
  const writeAll = (writers: { style: DateStyle; writer: TableWriter }[], toRow: (style: DateStyle) => readonly string[]) => {
    // Rows differ only by date style: build each style once (one row, most often one writer).
    let table: readonly string[] | undefined;
    let json: readonly string[] | undefined;
    let waits: Promise<void>[] | undefined;
    for (const { style, writer } of writers) {
      if (style === 'table' && !table) table = toRow(style);
      if (style === 'json' && !json) json = toRow(style);
      const wait = writer.write((style === 'table' ? table : json) as readonly string[]);
      if (!wait) continue;
      waits = waits ?? [];
      waits.push(wait);
    }
    return waits && Promise.all(waits);
  };

  const dataWriters = await open(prefix, COLUMNS[options.kind]);
  const toRow = ROW[options.kind] as (record: ExportRecord<Kind>, style: DateStyle) => readonly string[];
  let rows = 0;
  for await (const record of options.records) {
    const wait = writeAll(dataWriters, (style) => toRow(record, style));
    if (wait) await wait;
    rows += 1;
    if (rows % 10_000 === 0) options.onProgress?.(rows);
  }
  options.onProgress?.(rows);
  const files = await Promise.all(dataWriters.map(({ writer }) => writer.close()));

  const withdrawalWriters = await open(`${prefix}_CXXF`, WITHDRAWAL_COLUMNS);
  for await (const withdrawal of options.withdrawals) {
    const wait = writeAll(withdrawalWriters, (style) => withdrawalRow(withdrawal, style));
    if (wait) await wait;
  }
  files.push(...(await Promise.all(withdrawalWriters.map(({ writer }) => writer.close()))));

  const manifest = buildManifest({
    kind: options.kind,
    mode: options.mode,
    since: options.since,
    cursor: options.cursor(),
    generatedAt: (options.now ?? new Date()).toISOString(),
    files,
  });
  await writeFile(join(options.directory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
