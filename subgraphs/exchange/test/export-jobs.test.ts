import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportJobStore, INTERRUPTED } from '../src/data/export-jobs.ts';

const request = {
  kind: 'penalties',
  mode: 'snapshot',
  since: null,
  format: 'csv',
  requestedBy: 'platform-fj',
  requesterRole: 'platform',
} as const;

describe('export job state', () => {
  it('survives a restart; a job left running is marked failed, finished ones are kept as they were', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'export-jobs-'));
    const store = new ExportJobStore(directory);
    const running = await store.create(request);
    await store.save({ ...running, status: 'RUNNING', rowsWritten: 20_000 });
    const done = await store.create(request);
    await store.save({ ...done, status: 'SUCCEEDED', rowsWritten: 3 });

    const restarted = new ExportJobStore(directory);
    expect(await restarted.failUnfinished()).toBe(1);
    expect(await restarted.get(running.id)).toMatchObject({ status: 'FAILED', error: INTERRUPTED, rowsWritten: 20_000 });
    expect(await restarted.get(done.id)).toMatchObject({ status: 'SUCCEEDED', rowsWritten: 3 });
    expect((await restarted.list()).map((job) => job.id).sort()).toEqual([running.id, done.id].sort());
  });

  it('never builds a path from anything but a job id', async () => {
    const store = new ExportJobStore(await mkdtemp(join(tmpdir(), 'export-jobs-')));
    expect(await store.get('../../etc')).toBeNull();
    expect(() => store.jobDirectory('../x')).toThrow();
  });
});
