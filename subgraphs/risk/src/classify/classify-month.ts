import { markModelVersionUsed, registerModelVersions } from '../data/model-store.ts';
import { insertResults, type NewResult } from '../data/result-store.ts';
import { type ClassCounts, completeRun, createRun, deleteRunResults, failRun } from '../data/run-store.ts';
import type { RiskDb } from '../db/client.ts';
import { classifyEnterprise, referenceDateOf } from '../rules/classify.ts';
import type { RiskModelVersion } from '../rules/model.ts';
import { versionForMonth } from '../rules/model-file.ts';
import type { HubReader } from './hub-reader.ts';

export interface ClassifyOptions {
  db: RiskDb;
  reader: HubReader;
  /** All versions of the model file; the month uses the one in effect. */
  versions: readonly RiskModelVersion[];
  month: string;
  today: string;
  startedBy: string;
  batchSize?: number;
  /** Called after each batch with enterprises done and total (the CLI draws a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Called with each batch's size and duration (the benchmark counts statements per batch). */
  onBatch?: (size: number, milliseconds: number) => void;
}

export interface ClassifyOutcome {
  runId: number;
  month: string;
  modelVersion: string;
  counts: ClassCounts;
  durationMs: number;
  batches: number;
}

/** Batches read ahead while the previous one is classified and written. */
const READ_AHEAD = 2;

/**
 * Classifies every enterprise for `month`: results go under a new run id batch by batch; only
 * when all are written does one transaction make the run the month's current one (the previous
 * run's results stay visible until then, and are dropped after). A failure leaves the month as it
 * was.
 */
export async function classifyMonth(options: ClassifyOptions): Promise<ClassifyOutcome> {
  const { db, reader, month } = options;
  const batchSize = Math.min(options.batchSize ?? 500, 500);
  await registerModelVersions(db, options.versions);
  const version = versionForMonth(options.versions, month);
  if (!version)
    throw new Error(`no risk model version is in effect for ${month} (the earliest starts ${options.versions[0]?.effectiveMonth})`);
  const referenceDate = referenceDateOf(month, options.today);
  const started = Date.now();
  await markModelVersionUsed(db, version.id);
  const run = await createRun(db, { month, source: 'LOCAL', modelVersion: version.id, startedBy: options.startedBy });
  const counts: ClassCounts = { A: 0, B: 0, C: 0, D: 0 };
  let done = 0;
  let batches = 0;
  try {
    const total = await reader.countEnterprises();
    options.onProgress?.(0, total);
    const pending: Promise<NewResult[]>[] = [];
    const flush = async () => {
      const next = pending.shift();
      if (!next) return;
      const batchStarted = Date.now();
      const rows = await next;
      await insertResults(db, run.id, rows);
      for (const row of rows) counts[row.riskClass]++;
      done += rows.length;
      batches++;
      options.onBatch?.(rows.length, Date.now() - batchStarted);
      options.onProgress?.(done, Math.max(total, done));
    };
    const classifyBatch = async (usccs: string[]): Promise<NewResult[]> =>
      (await reader.readFacts(usccs)).map((facts) => {
        const classification = classifyEnterprise(facts, version, referenceDate);
        return { uscc: facts.uscc, regionCode: facts.regionCode, keyDomains: facts.keyDomains, ...classification };
      });
    let buffer: string[] = [];
    for await (const page of reader.enterpriseCodes()) {
      buffer.push(...page);
      while (buffer.length >= batchSize) {
        pending.push(classifyBatch(buffer.slice(0, batchSize)));
        // A rejected read must not go unobserved while it waits its turn; flush() rethrows it.
        pending.at(-1)?.catch(() => {});
        buffer = buffer.slice(batchSize);
        if (pending.length > READ_AHEAD) await flush();
      }
    }
    if (buffer.length) pending.push(classifyBatch(buffer));
    while (pending.length) await flush();
    const durationMs = Date.now() - started;
    const replaced = await completeRun(db, run.id, counts, durationMs);
    if (replaced !== null && replaced !== run.id) await deleteRunResults(db, replaced);
    return { runId: run.id, month, modelVersion: version.id, counts, durationMs, batches };
  } catch (error) {
    await failRun(db, run.id, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
