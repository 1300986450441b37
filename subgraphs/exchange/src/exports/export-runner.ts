import type { Logger } from '@credit-hub/subgraph-kit';
import { type ExportKind, runExport, type TableFormat } from '@credit-hub/tables';
import type { ExportJobRecord, ExportJobStore } from '../data/export-jobs.ts';
import { deltaInput, type ExportReaders, snapshotInput } from './export-sources.ts';

export interface ExportRequest {
  kind: ExportKind;
  since: string | null;
  format: TableFormat;
  requestedBy: string;
  requesterRole: string;
}

/**
 * Runs export jobs one after another (an export reads whole tables: two at once would only share
 * the same disk and subgraphs) and keeps each job's state in the store as it goes.
 */
export class ExportRunner {
  #queue: Promise<unknown> = Promise.resolve();
  #stopped = false;

  constructor(
    readonly store: ExportJobStore,
    private readonly readers: ExportReaders,
    private readonly logger: Logger,
  ) {}

  async start(request: ExportRequest): Promise<ExportJobRecord> {
    const job = await this.store.create({
      kind: request.kind,
      mode: request.since ? 'delta' : 'snapshot',
      since: request.since,
      format: request.format,
      requestedBy: request.requestedBy,
      requesterRole: request.requesterRole,
    });
    this.#enqueue(job);
    return job;
  }

  /**
   * At start-up: runs again every job the last process left unfinished (ExportJobStore.requeueUnfinished).
   * A snapshot re-run is a new snapshot, as of its new start: the feed's head is read again before
   * the bulk pages, so its files and cursor agree with each other exactly as a first run's do. A
   * delta re-run reads the feed from the same `since` to the feed's end now. Rows are never kept
   * from the attempt before: continuing a half-written file would mix two reads under one
   * cursor, and an XLSX (a zip) cannot be appended to at all.
   */
  async resumeUnfinished(): Promise<ExportJobRecord[]> {
    const jobs = await this.store.requeueUnfinished();
    for (const job of jobs) this.#enqueue(job);
    return jobs;
  }

  #enqueue(job: ExportJobRecord): void {
    this.#queue = this.#queue.then(() => this.#run(job)).catch(() => {});
  }

  /** Resolves once the jobs queued so far are done (tests, shutdown). */
  async idle(): Promise<void> {
    await this.#queue;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#queue;
  }

  async #run(queued: ExportJobRecord): Promise<void> {
    let job: ExportJobRecord = { ...queued, status: 'RUNNING' };
    // A job queued behind a shutdown stays QUEUED and runs at the next start.
    if (this.#stopped) return;
    await this.store.save(job);
    try {
      // A re-run starts from an empty directory: nothing of the interrupted attempt is offered.
      if (job.restarts) await this.store.clearFiles(job.id);
      const input = job.since ? await deltaInput(job.kind, job.since, this.readers) : await snapshotInput(job.kind, this.readers);
      let saving: Promise<void> = Promise.resolve();
      const manifest = await runExport({
        directory: this.store.jobDirectory(job.id),
        kind: job.kind,
        formats: [job.format],
        mode: job.mode,
        since: job.since,
        cursor: input.cursor,
        records: input.records as AsyncIterable<never>,
        withdrawals: input.withdrawals,
        onProgress: (rows) => {
          job = { ...job, rowsWritten: rows };
          // Progress is saved in the background; the last save wins before the final one below.
          saving = saving.then(() => this.store.save(job)).catch(() => {});
        },
      });
      await saving;
      const rowsWritten = manifest.files.reduce((sum, file) => sum + file.rows, 0);
      job = {
        ...job,
        status: 'SUCCEEDED',
        files: manifest.files,
        cursor: manifest.cursor,
        rowsWritten,
        finishedAt: new Date().toISOString(),
      };
    } catch (error) {
      const coded = error as { message?: string; extensions?: { code?: string } };
      // Coded errors (bad cursor, a subgraph down) are for the requester; anything else only for the log.
      const message = coded.extensions?.code ? (coded.message ?? 'export failed') : 'export failed (导出失败); see the exchange log';
      this.logger.warn({ err: error, job: job.id }, 'export job failed');
      job = { ...job, status: 'FAILED', error: message, finishedAt: new Date().toISOString() };
    }
    await this.store.save(job);
  }
}
