import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableKind } from '@credit-hub/tables';

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

const JOB_FILE = 'job.json';
/** Job ids are uuids: anything else in a path is refused before it reaches the file system. */
export const isImportJobId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

export type NewImportJob = Pick<ImportJobRecord, 'filename' | 'uploadedBy' | 'uploaderRole' | 'department'>;

/**
 * Import jobs kept as one JSON file per job beside the uploaded table and its rejects, as the
 * export jobs are: the raw file and the last committed row are all a resume needs, and no
 * exchange migration is needed for them.
 */
export class ImportJobStore {
  constructor(readonly directory: string) {}

  jobDirectory(id: string): string {
    if (!isImportJobId(id)) throw new Error('not an import job id');
    return join(this.directory, id);
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

  /** Written to a temporary file and renamed: a crash mid-write leaves the previous state. */
  async save(job: ImportJobRecord): Promise<void> {
    const path = join(this.jobDirectory(job.id), JOB_FILE);
    await writeFile(`${path}.tmp`, `${JSON.stringify(job, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
  }

  async get(id: string): Promise<ImportJobRecord | null> {
    if (!isImportJobId(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.jobDirectory(id), JOB_FILE), 'utf8')) as ImportJobRecord;
    } catch {
      return null;
    }
  }

  /** Every job, newest first. */
  async list(): Promise<ImportJobRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return [];
    }
    const jobs = await Promise.all(names.filter(isImportJobId).map((name) => this.get(name)));
    return jobs.filter((job): job is ImportJobRecord => job !== null).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /**
   * At start-up: a job left queued or running by a stopped process waits for its uploader. The
   * token it ran with was never stored (it may have expired anyway), so nothing resumes by itself.
   */
  async interruptUnfinished(): Promise<number> {
    let count = 0;
    for (const job of await this.list()) {
      if (job.status !== 'QUEUED' && job.status !== 'RUNNING') continue;
      await this.save({ ...job, status: 'INTERRUPTED', error: INTERRUPTED_BY_RESTART });
      count += 1;
    }
    return count;
  }
}
