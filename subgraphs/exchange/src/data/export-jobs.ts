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
}

/** Why a job found unfinished at start-up failed: its read was as of a moment that has passed. */
export const INTERRUPTED = 'interrupted by a restart of the exchange; start the export again (服务重启中断，请重新导出)';

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
    };
    await mkdir(this.jobDirectory(job.id), { recursive: true });
    await this.save(job);
    return job;
  }

  /** At start-up: a job left queued or running by a stopped process is marked failed, never resumed. */
  async failUnfinished(): Promise<number> {
    return this.rewriteUnfinished((job) => ({ ...job, status: 'FAILED', error: INTERRUPTED, finishedAt: new Date().toISOString() }));
  }
}
