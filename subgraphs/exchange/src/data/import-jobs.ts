import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import type { TableKind } from '@credit-hub/tables';
import { JobDirectoryStore } from './job-directory.ts';

/**
 * QUEUED → RUNNING → SUCCEEDED; RUNNING → INTERRUPTED (the exchange stopped, or the gateway did
 * not answer) → RUNNING again on `resumeImport`; FAILED when the file itself cannot be read.
 */
export type ImportJobStatus = 'QUEUED' | 'RUNNING' | 'INTERRUPTED' | 'SUCCEEDED' | 'FAILED';

/** One import job as stored in `<IMPORT_DIR>/<id>/job.json`, beside the uploaded file and its rejects. */
export interface ImportJobRecord {
  id: string;
  kind: TableKind;
  /** The name the uploader gave (shown only; the file is stored as `source.<ext>`). */
  filename: string;
  sourceFile: string;
  status: ImportJobStatus;
  /** The uploader's token subject, role and department: who may see the job, and whose token resumes it. */
  uploadedBy: string;
  uploaderRole: string;
  department: string | null;
  total: number;
  done: number;
  created: number;
  unchanged: number;
  rejected: number;
  /** Rows of the last batch whose outcome was not known when the job was interrupted (sent again on resume). */
  failed: number;
  /** Last row number whose batch is committed: a resumed job starts after it. */
  committedRow: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export const INTERRUPTED_BY_RESTART =
  'interrupted by a restart of the exchange; the uploader resumes it with resumeImport (服务重启中断，请上传人继续导入)';

export type NewImportJob = Pick<ImportJobRecord, 'filename' | 'uploadedBy' | 'uploaderRole' | 'department'>;

/**
 * Import jobs kept as one JSON file per job beside the uploaded table and its rejects, as the
 * export jobs are: the raw file and the last committed row are all a resume needs, and no
 * exchange migration is needed for them.
 */
export class ImportJobStore extends JobDirectoryStore<ImportJobRecord> {
  constructor(directory: string) {
    super(directory, 'an import job');
  }

  /** A directory for an upload being received; the job file is written once the table is known. */
  async reserve(): Promise<string> {
    const id = randomUUID();
    await mkdir(this.jobDirectory(id), { recursive: true });
    return id;
  }

  async discard(id: string): Promise<void> {
    await rm(this.jobDirectory(id), { recursive: true, force: true });
  }

  async create(id: string, fields: NewImportJob & Pick<ImportJobRecord, 'kind' | 'sourceFile' | 'total'>): Promise<ImportJobRecord> {
    const job: ImportJobRecord = {
      ...fields,
      id,
      status: 'QUEUED',
      done: 0,
      created: 0,
      unchanged: 0,
      rejected: 0,
      failed: 0,
      committedRow: 0,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      error: null,
    };
    await this.save(job);
    return job;
  }

  /**
   * At start-up: a job left queued or running by a stopped process waits for its uploader. The
   * token it ran with was never stored (it may have expired anyway), so nothing resumes by itself.
   */
  async interruptUnfinished(): Promise<number> {
    return (await this.rewriteUnfinished((job) => ({ ...job, status: 'INTERRUPTED', error: INTERRUPTED_BY_RESTART }))).length;
  }
}
