import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@credit-hub/subgraph-kit';
import {
  GRAPHQL_BATCH,
  graphqlSink,
  ImportInterruptedError,
  ImportRefusedError,
  type ImportSink,
  type RejectedRow,
  readHeader,
  runImport,
  writeRejectsWorkbook,
} from '@credit-hub/tables';
import type { ImportJobRecord, ImportJobStore } from '../data/import-jobs.ts';

export const REJECTS_LOG = 'rejects.ndjson';
export const REJECTS_WORKBOOK = 'rejects.xlsx';

export interface ImportRunnerOptions {
  /** The gateway's GraphQL URL: rows are written through it, as the CLI writes them. */
  gatewayUrl: () => string;
  today: () => string;
  batchSize?: number;
}

/**
 * Runs import jobs in the background with the uploader's token, held in memory only while the job
 * runs (never written to disk): the job's state file has the raw table and the last committed row,
 * which is everything a resume needs besides a fresh token from the same uploader.
 */
export class ImportRunner {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    readonly store: ImportJobStore,
    private readonly options: ImportRunnerOptions,
    private readonly logger: Logger,
  ) {}

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /**
   * Starts (or resumes) `job` with `token`: the job is saved RUNNING before this returns (so a poll
   * right after sees it running), then runs in the background.
   */
  async start(initial: ImportJobRecord, token: string): Promise<ImportJobRecord> {
    if (this.running.has(initial.id)) return initial;
    const job: ImportJobRecord = {
      ...initial,
      status: 'RUNNING',
      startedAt: initial.startedAt ?? new Date().toISOString(),
      failed: 0,
      error: null,
    };
    let release = () => {};
    // Claimed before the first await: two resumes at once start one run.
    this.running.set(job.id, new Promise<void>((resolve) => (release = resolve)));
    try {
      await this.store.save(job);
    } catch (error) {
      this.running.delete(job.id);
      release();
      throw error;
    }
    this.run(job, token)
      .catch((error) => this.logger.error({ err: error, job: job.id }, 'import job: state could not be saved'))
      .finally(() => {
        this.running.delete(job.id);
        release();
      });
    return job;
  }

  /** Waits for running jobs to stop after their current batch (they end INTERRUPTED, resumable). */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.values());
  }

  private async run(started: ImportJobRecord, token: string): Promise<void> {
    const directory = this.store.jobDirectory(started.id);
    const path = join(directory, started.sourceFile);
    const rejectsLog = join(directory, REJECTS_LOG);
    const before = { created: started.created, unchanged: started.unchanged, rejected: started.rejected };
    let job = started;
    // Rejects of a batch that was not committed are decided again now: keep only committed ones.
    const kept = await readFile(rejectsLog, 'utf8')
      .then((text) => text.split('\n').filter((line) => line && (JSON.parse(line) as RejectedRow).rowNumber <= job.committedRow))
      .catch(() => []);
    await writeFile(rejectsLog, kept.map((line) => `${line}\n`).join(''));
    const sink = graphqlSink({ url: this.options.gatewayUrl(), token });
    // A stopping exchange answers "not known" for the next batch: the job ends after its last committed one.
    const stoppable: ImportSink = {
      write: async (kind, rows) =>
        this.stopping ? rows.map(() => ({ status: 'failed' as const, reason: 'the exchange is stopping' })) : sink.write(kind, rows),
    };
    try {
      const result = await runImport({
        path,
        kind: job.kind,
        sink: stoppable,
        batchSize: this.options.batchSize ?? GRAPHQL_BATCH,
        today: this.options.today(),
        resumeAfterRow: job.committedRow,
        total: job.total,
        onBatch: async (progress, batch) => {
          if (batch.rejected.length) await appendFile(rejectsLog, batch.rejected.map((row) => `${JSON.stringify(row)}\n`).join(''));
          job = {
            ...job,
            committedRow: progress.committedRow,
            done: progress.done,
            created: before.created + progress.created,
            unchanged: before.unchanged + progress.unchanged,
            rejected: before.rejected + progress.rejected,
          };
          await this.store.save(job);
        },
      });
      const header = await readHeader(path, job.kind);
      const rejected = (await readFile(rejectsLog, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as RejectedRow);
      await writeRejectsWorkbook(join(directory, REJECTS_WORKBOOK), header.headers, rejected);
      job = { ...job, status: 'SUCCEEDED', done: result.done, finishedAt: new Date().toISOString() };
    } catch (error) {
      if (error instanceof ImportInterruptedError) {
        job = {
          ...job,
          status: 'INTERRUPTED',
          failed: error.rowNumbers.length,
          error: `${error.message}; the uploader continues it with resumeImport (上传人可继续导入)`,
        };
      } else if (error instanceof ImportRefusedError) {
        // Most often an expired token: the same uploader resumes with a fresh one.
        job = { ...job, status: 'INTERRUPTED', error: `${error.message}; resume with a fresh token (请使用新令牌继续)` };
      } else {
        this.logger.warn({ err: error, job: job.id }, 'import job failed');
        job = { ...job, status: 'FAILED', error: (error as Error).message, finishedAt: new Date().toISOString() };
      }
    }
    await this.store.save(job);
  }
}
