import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Job ids are uuids: anything else in a path is refused before it reaches the file system. */
export const isJobId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id);

const JOB_FILE = 'job.json';

/**
 * Jobs kept as one directory each, `<directory>/<id>/job.json` beside the job's own files (an
 * export's output, an import's upload and rejects), not in the database: files and state live and
 * go together, and the exchange needs no migration for them. Export and import stores share this.
 */
export class JobDirectoryStore<T extends { id: string; status: string; createdAt: string }> {
  constructor(
    readonly directory: string,
    private readonly what: string,
  ) {}

  jobDirectory(id: string): string {
    if (!isJobId(id)) throw new Error(`not ${this.what} id`);
    return join(this.directory, id);
  }

  /** Written to a temporary file and renamed: a crash mid-write leaves the previous state. */
  async save(job: T): Promise<void> {
    const path = join(this.jobDirectory(job.id), JOB_FILE);
    await writeFile(`${path}.tmp`, `${JSON.stringify(job, null, 2)}\n`);
    await rename(`${path}.tmp`, path);
  }

  async get(id: string): Promise<T | null> {
    if (!isJobId(id)) return null;
    try {
      return JSON.parse(await readFile(join(this.jobDirectory(id), JOB_FILE), 'utf8')) as T;
    } catch {
      return null;
    }
  }

  /** Every job, newest first. */
  async list(): Promise<T[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch {
      return [];
    }
    const jobs: (T | null)[] = await Promise.all(names.filter(isJobId).map((name) => this.get(name)));
    return jobs.filter((job): job is T => job !== null).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  }

  /** At start-up: rewrites every job a stopped process left queued or running; returns them as rewritten, oldest first. */
  protected async rewriteUnfinished(change: (job: T) => T): Promise<T[]> {
    const rewritten: T[] = [];
    for (const job of (await this.list()).reverse()) {
      if (job.status !== 'QUEUED' && job.status !== 'RUNNING') continue;
      const changed = change(job);
      await this.save(changed);
      rewritten.push(changed);
    }
    return rewritten;
  }

  /** Removes every file of a job but its state (a re-run's leftovers from the attempt before). */
  async clearFiles(id: string): Promise<void> {
    const directory = this.jobDirectory(id);
    for (const name of await readdir(directory)) {
      if (name !== JOB_FILE) await rm(join(directory, name), { recursive: true, force: true });
    }
  }
}
