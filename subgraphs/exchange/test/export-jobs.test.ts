import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExportJobRecord, ExportJobStore, INTERRUPTED, MAX_RESTARTS } from '../src/data/export-jobs.ts';

const request = {
  kind: 'penalties',
  mode: 'snapshot',
  since: null,
  format: 'csv',
  requestedBy: 'platform-fj',
  requesterRole: 'platform',
} as const;

describe('export job state', () => {
  it('survives a restart; a job left running is queued again from its parameters, finished ones are kept as they were', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'export-jobs-'));
    const store = new ExportJobStore(directory);
    const running = await store.create(request);
    await store.save({ ...running, status: 'RUNNING', rowsWritten: 20_000 });
    const done = await store.create(request);
    await store.save({ ...done, status: 'SUCCEEDED', rowsWritten: 3 });

    const restarted = new ExportJobStore(directory);
    expect((await restarted.requeueUnfinished()).map((job) => job.id)).toEqual([running.id]);
    expect(await restarted.get(running.id)).toMatchObject({ ...request, status: 'QUEUED', error: null, rowsWritten: 0, restarts: 1 });
    expect(await restarted.get(done.id)).toMatchObject({ status: 'SUCCEEDED', rowsWritten: 3 });
    expect((await restarted.list()).map((job) => job.id).sort()).toEqual([running.id, done.id].sort());
  });

  it(`fails a job instead of running it a ${MAX_RESTARTS + 1}th time`, async () => {
    const store = new ExportJobStore(await mkdtemp(join(tmpdir(), 'export-jobs-')));
    const job = await store.create(request);
    for (let restart = 1; restart <= MAX_RESTARTS; restart += 1) {
      await store.save({ ...((await store.get(job.id)) as ExportJobRecord), status: 'RUNNING' });
      expect(await store.requeueUnfinished()).toHaveLength(1);
    }
    await store.save({ ...((await store.get(job.id)) as ExportJobRecord), status: 'RUNNING' });
    expect(await store.requeueUnfinished()).toEqual([]);
    expect(await store.get(job.id)).toMatchObject({ status: 'FAILED', error: INTERRUPTED, restarts: MAX_RESTARTS });
  });

  it('never builds a path from anything but a job id', async () => {
    const store = new ExportJobStore(await mkdtemp(join(tmpdir(), 'export-jobs-')));
    expect(await store.get('../../etc')).toBeNull();
    expect(() => store.jobDirectory('../x')).toThrow();
  });
});
