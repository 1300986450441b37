import { guessKind, type HeaderMapping, mapHeader, scoreHeader, type TableKind } from './aliases.ts';
import { openTable, type RawRow, type SourceEncoding, type SourceFormat } from './readers.ts';
import { type AcceptedRow, type RejectedRow, type RowProblem, RowValidator, type ValidationOptions } from './validate.ts';

/**
 * What the owning subgraph answered for one row of a batch: stored now (`created`), already there
 * as this very record (`unchanged`), refused by a rule or the policy (`rejected`, with reasons), or
 * not known to be stored (`failed`: retryable; the batch is not committed and a resume sends it again).
 */
export type WriteOutcome =
  | { status: 'created' }
  | { status: 'unchanged' }
  | { status: 'rejected'; problems: RowProblem[] }
  | { status: 'failed'; reason: string };

/** A batch had rows whose outcome is not known: nothing after the last committed batch counts; resume later. */
export class ImportInterruptedError extends Error {
  constructor(
    readonly rowNumbers: number[],
    readonly reason: string,
    readonly progress: ImportProgress,
  ) {
    super(
      `rows ${rowNumbers.slice(0, 5).join(', ')}${rowNumbers.length > 5 ? ', …' : ''} could not be written (${reason}); resume to continue after row ${progress.committedRow}`,
    );
  }
}

/**
 * Where good rows go: the owning subgraph's mutations, in batches, with the uploading user's
 * authority. Must be idempotent by natural key: a row written before a crash and written again
 * on resume answers `unchanged`.
 */
export interface ImportSink {
  write(kind: TableKind, rows: readonly AcceptedRow[]): Promise<WriteOutcome[]>;
}

export interface ImportProgress {
  total: number | null;
  /** Rows read and decided (accepted and written, or rejected). */
  done: number;
  created: number;
  unchanged: number;
  rejected: number;
  /** Last data row number whose batch is committed: a resumed job starts after it. */
  committedRow: number;
}

export interface ImportOptions extends ValidationOptions {
  path: string;
  kind?: TableKind | undefined;
  sink: ImportSink;
  batchSize?: number;
  /**
   * Batches written at the same time (default 2): while the owning subgraph stores one batch, the
   * next is validated and sent, so neither the database nor this process waits for the other.
   * Batches are still counted and committed strictly in file order.
   */
  inFlight?: number;
  /** Resume: rows up to this row number were committed by an earlier run. */
  resumeAfterRow?: number;
  /** Called after every committed batch, before the next one starts: persist it to resume. */
  onBatch?(progress: ImportProgress, batch: { raw: RawRow[]; rejected: RejectedRow[] }): Promise<void> | void;
  onRejected?(row: RejectedRow): Promise<void> | void;
  /** Known row count (from a first pass), for progress bars. */
  total?: number | null;
}

export interface ImportResult extends ImportProgress {
  kind: TableKind;
  format: SourceFormat;
  encoding: SourceEncoding | null;
  headerRow: number;
  headers: string[];
  ignoredHeaders: string[];
}

export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly rule: string,
  ) {
    super(message);
  }
}

/** Title and note lines sit above the header in provincial templates; the header is within the first few. */
const HEADER_SEARCH_ROWS = 5;

/**
 * Reads the header: the first rows are searched for the line that maps the most fields; the
 * kind is taken from the caller or guessed from that line.
 */
export async function readHeader(path: string, kind?: TableKind) {
  const opened = await openTable(path);
  const leading: RawRow[] = [];
  for await (const row of opened.rows) {
    leading.push(row);
    if (leading.length >= HEADER_SEARCH_ROWS) break;
  }
  let best: { row: RawRow; kind: TableKind; score: number } | null = null;
  for (const row of leading) {
    const rowKind = kind ?? guessKind(row.cells);
    if (!rowKind) continue;
    const score = scoreHeader(rowKind, row.cells);
    if (!best || score > best.score) best = { row, kind: rowKind, score };
  }
  if (!best) throw new ImportFileError('no header row names the required columns of any known table (表头无法识别)', 'HEADER_NOT_FOUND');
  const mapping = mapHeader(best.kind, best.row.cells);
  if (mapping.missing.length > 0) {
    throw new ImportFileError(
      `required columns missing: ${mapping.missing.map((field) => field.label).join(', ')} (缺少必填列)`,
      'REQUIRED_COLUMN_MISSING',
    );
  }
  return { format: opened.format, encoding: opened.encoding, headerRow: best.row.rowNumber, headers: best.row.cells, mapping };
}

/** Counts data rows (a cheap streaming pass) so that progress has a total. */
export async function countRows(path: string, headerRow: number): Promise<number> {
  const opened = await openTable(path, { skipRows: headerRow });
  let total = 0;
  for await (const _ of opened.rows) total += 1;
  return total;
}

/**
 * Validates every row and writes the good ones in batches. Rows before `resumeAfterRow` are
 * validated again (so that duplicates within the file are still caught) but not written again.
 */
export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const header = await readHeader(options.path, options.kind);
  const mapping: HeaderMapping = header.mapping;
  const validator = new RowValidator(mapping, options);
  const batchSize = options.batchSize ?? 500;
  const resumeAfter = options.resumeAfterRow ?? 0;
  const progress: ImportProgress = {
    total: options.total ?? null,
    done: 0,
    created: 0,
    unchanged: 0,
    rejected: 0,
    committedRow: resumeAfter,
  };
  const inFlight = options.inFlight ?? 2;
  // NaN or 0 would never wait for an answer: every batch of the file would be in flight at once.
  if (!Number.isInteger(inFlight) || inFlight < 1) throw new RangeError(`inFlight must be a whole number ≥ 1, got ${inFlight}`);
  let raw: RawRow[] = [];
  let accepted: AcceptedRow[] = [];
  let invalid: RejectedRow[] = [];
  /** Batches sent and not yet counted, oldest first. */
  const pending: { raw: RawRow[]; accepted: AcceptedRow[]; invalid: RejectedRow[]; outcomes: Promise<WriteOutcome[]> }[] = [];

  /** Counts the oldest batch once its answer is in: rejects go out in file order, then it is committed. */
  const settleOldest = async () => {
    const batch = pending.shift();
    if (!batch) return;
    const outcomes = await batch.outcomes;
    if (outcomes.length !== batch.accepted.length) {
      throw new Error(`the sink answered ${outcomes.length} outcomes for ${batch.accepted.length} rows`);
    }
    const failed = outcomes.flatMap((outcome, index) => (outcome.status === 'failed' ? [{ index, reason: outcome.reason }] : []));
    if (failed.length > 0) {
      // Later batches may be stored as well; they are not committed, and a resume finds them UNCHANGED.
      await Promise.allSettled(pending.map((later) => later.outcomes));
      throw new ImportInterruptedError(
        failed.map(({ index }) => (batch.accepted[index] as AcceptedRow).rowNumber),
        failed[0]?.reason ?? 'unknown',
        { ...progress },
      );
    }
    const rejected: RejectedRow[] = [];
    const reject = async (row: RejectedRow) => {
      rejected.push(row);
      progress.rejected += 1;
      await options.onRejected?.(row);
    };
    const byNumber = new Map(batch.raw.map((row) => [row.rowNumber, row]));
    const answered = new Map<number, RejectedRow>();
    for (const [index, outcome] of outcomes.entries()) {
      const row = batch.accepted[index] as AcceptedRow;
      if (outcome.status === 'created') progress.created += 1;
      else if (outcome.status === 'unchanged') progress.unchanged += 1;
      else if (outcome.status === 'rejected') {
        answered.set(row.rowNumber, {
          rowNumber: row.rowNumber,
          cells: byNumber.get(row.rowNumber)?.cells ?? [],
          problems: outcome.problems,
        });
      }
    }
    // File order: a row refused by validation and one refused by the subgraph come back as they stood.
    const invalidByNumber = new Map(batch.invalid.map((row) => [row.rowNumber, row]));
    for (const row of batch.raw) {
      const refused = invalidByNumber.get(row.rowNumber) ?? answered.get(row.rowNumber);
      if (refused) await reject(refused);
    }
    progress.done += batch.raw.length;
    progress.committedRow = batch.raw.at(-1)?.rowNumber ?? progress.committedRow;
    await options.onBatch?.({ ...progress }, { raw: batch.raw, rejected });
  };

  const send = async () => {
    if (raw.length === 0) return;
    const rows = accepted;
    const outcomes = rows.length > 0 ? options.sink.write(mapping.kind, rows) : Promise.resolve([]);
    // Settled when counted; a rejection before that is not "unhandled".
    outcomes.catch(() => undefined);
    pending.push({ raw, accepted: rows, invalid, outcomes });
    raw = [];
    accepted = [];
    invalid = [];
    while (pending.length >= inFlight) await settleOldest();
  };

  const opened = await openTable(options.path, { skipRows: header.headerRow, encoding: header.encoding });
  for await (const row of opened.rows) {
    const outcome = validator.validate(row);
    if (row.rowNumber <= resumeAfter) {
      progress.done += 1;
      continue;
    }
    raw.push(row);
    if (outcome.ok) accepted.push(outcome.row);
    else invalid.push(outcome.row);
    if (raw.length >= batchSize) await send();
  }
  await send();
  while (pending.length > 0) await settleOldest();
  return {
    ...progress,
    kind: mapping.kind,
    format: header.format,
    encoding: header.encoding,
    headerRow: header.headerRow,
    headers: header.headers,
    ignoredHeaders: mapping.ignored,
  };
}
