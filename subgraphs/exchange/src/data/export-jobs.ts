import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportKind, TableFormat, WrittenFile } from '@credit-hub/tables';

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

const JOB_FILE = 'job.json';
/** Job ids are uuids: anything else in a path is refused before it reaches the file system. */
export const isJobId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

type NewJob = Pick<ExportJobRecord, 'kind' | 'mode' | 'since' | 'format' | 'requestedBy' | 'requesterRole'>;

/**
 * Export jobs kept as one JSON file per job beside its output, not in the database: the files
 * and their state live and go together (one directory per job), and no exchange migration is
 * needed for them.
 */
export class ExportJobStore {
  constructor(readonly directory: string) {}

  jobDirectory(id: string): string {
    if (!isJobId(id)) throw new Error('not an export job id');
    return join(this.directory, id);
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

  /** Written to a temporary file and renamed: a crash mid-write leaves the previous state. */
  async save(job: ExportJobRecord): Promise<void> {
    const path = join(this.jobDirectory(job.id), JOB_FILE);
    await writeFile(`${path}.tmp`, `${JSON.stringify(job, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
  }

  async get(id: string): Promise<ExportJobRecord | null> {
    if (!isJobId(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.jobDirectory(id), JOB_FILE), 'utf8')) as ExportJobRecord;
    } catch {
      return null;
    }
  }

  /** Every job, newest first. */
  async list(): Promise<ExportJobRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return [];
    }
    const jobs = await Promise.all(names.filter(isJobId).map((name) => this.get(name)));
    return jobs.filter((job): job is ExportJobRecord => job !== null).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /** At start-up: a job left queued or running by a stopped process is marked failed, never resumed. */
  async failUnfinished(): Promise<number> {
    let failed = 0;
    for (const job of await this.list()) {
      if (job.status !== 'QUEUED' && job.status !== 'RUNNING') continue;
      await this.save({ ...job, status: 'FAILED', error: INTERRUPTED, finishedAt: new Date().toISOString() });
      failed += 1;
    }
    return failed;
  }
}
