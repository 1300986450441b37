import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { ExportKind, TableFormat, WrittenFile } from '@credit-hub/tables';
import { JobDirectoryStore } from './job-directory.ts';

export type ExportJobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** One export job as stored in `<EXPORT_DIR>/<id>/job.json`, beside the files it wrote. */
export interface ExportJobRecord {
  id: string;
  kind: ExportKind;
  mode: 'snapshot' | 'delta';
  since: string | null;
  format: TableFormat;
  status: ExportJobStatus;
  /** The requester's token subject and role: only they (and admins) see the job and its files. */
  requestedBy: string;
  requesterRole: string;
  createdAt: string;
  finishedAt: string | null;
  rowsWritten: number;
  files: WrittenFile[];
  /** Feed cursor the next delta continues from (also in manifest.json). */
  cursor: string | null;
  error: string | null;
  /** Times a restart of the exchange re-queued it (absent in jobs stored before resuming existed). */
  restarts?: number;
}

/**
 * A job the exchange was running (or had queued) when it stopped is run again from its recorded
 * parameters at the next start, at most this many times: a job that takes the exchange down
 * each time it runs (out of memory, say) must not do so for ever.
 */
export const MAX_RESTARTS = 3;

/** Why a job found unfinished at start-up failed after all: it was re-run MAX_RESTARTS times already. */
export const INTERRUPTED = `interrupted by ${MAX_RESTARTS} restarts of the exchange; start the export again (服务多次重启中断，请重新导出)`;

type NewJob = Pick<ExportJobRecord, 'kind' | 'mode' | 'since' | 'format' | 'requestedBy' | 'requesterRole'>;

/**
 * Export jobs kept as one JSON file per job beside its output, not in the database: the files
 * and their state live and go together (one directory per job), and no exchange migration is
 * needed for them.
 */
export class ExportJobStore extends JobDirectoryStore<ExportJobRecord> {
  constructor(directory: string) {
    super(directory, 'an export job');
  }

  async create(fields: NewJob): Promise<ExportJobRecord> {
    const job: ExportJobRecord = {
      ...fields,
      id: randomUUID(),
      status: 'QUEUED',
      createdAt: new Date().toISOString(),
      finishedAt: null,
      rowsWritten: 0,
      files: [],
      cursor: null,
      error: null,
      restarts: 0,
    };
    await mkdir(this.jobDirectory(job.id), { recursive: true });
    await this.save(job);
    return job;
  }

  /**
   * At start-up: every job left queued or running by a stopped process, re-queued from its
   * recorded parameters (progress and files of the attempt before dropped), oldest first; one
   * restarted MAX_RESTARTS times already is marked failed instead. Answers the re-queued ones.
   */
  async requeueUnfinished(): Promise<ExportJobRecord[]> {
    const rewritten = await this.rewriteUnfinished((job): ExportJobRecord => {
      const restarts = (job.restarts ?? 0) + 1;
      if (restarts > MAX_RESTARTS) return { ...job, status: 'FAILED', error: INTERRUPTED, finishedAt: new Date().toISOString() };
      return { ...job, status: 'QUEUED', restarts, rowsWritten: 0, files: [], cursor: null, error: null };
    });
    return rewritten.filter((job) => job.status === 'QUEUED');
  }
}
