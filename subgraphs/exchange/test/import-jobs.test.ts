import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportJobStore, INTERRUPTED_BY_RESTART } from '../src/data/import-jobs.ts';

const uploader = { filename: 'p.csv', uploadedBy: 'alice', uploaderRole: 'regulator', department: 'ZFJC' };

describe('import job state on disk', () => {
  it('after a restart, unfinished jobs wait for their uploader (INTERRUPTED, progress kept); finished ones stay', async () => {
    const store = new ImportJobStore(await mkdtemp(join(tmpdir(), 'import-state-')));
    const running = await store.create(await store.reserve(), { ...uploader, kind: 'penalties', sourceFile: 'source.csv', total: 10 });
    await store.save({ ...running, status: 'RUNNING', committedRow: 5, done: 4, created: 3, rejected: 1 });
    const done = await store.create(await store.reserve(), { ...uploader, kind: 'penalties', sourceFile: 'source.csv', total: 10 });
    await store.save({ ...done, status: 'SUCCEEDED', done: 10 });

    expect(await store.interruptUnfinished()).toBe(1);
    expect(await store.get(running.id)).toMatchObject({
      status: 'INTERRUPTED',
      error: INTERRUPTED_BY_RESTART,
      committedRow: 5,
      done: 4,
      created: 3,
      rejected: 1,
    });
    expect((await store.get(done.id))?.status).toBe('SUCCEEDED');
    expect(await store.list()).toHaveLength(2);
  });

  it('refuses anything but a job id before it reaches the file system', async () => {
    const store = new ImportJobStore(await mkdtemp(join(tmpdir(), 'import-state-')));
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(() => store.jobDirectory('../x')).toThrow();
  });
});
