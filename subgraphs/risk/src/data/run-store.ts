import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { RiskDb, RiskExecutor } from '../db/client.ts';
import { currentRuns, type RunRow, results, runs } from '../db/schema.ts';
import type { RiskClass, RunSource } from '../rules/model.ts';
import { appendClassChanges } from './outbox-events.ts';

export async function createRun(
  db: RiskExecutor,
  run: { month: string; source: RunSource; modelVersion: string | null; startedBy: string; note?: string | null },
): Promise<RunRow> {
  const [row] = await db
    .insert(runs)
    .values({ ...run, note: run.note ?? null, status: 'RUNNING' })
    .returning();
  if (!row) throw new Error('run not created');
  return row;
}

export type ClassCounts = Record<RiskClass, number>;

/**
 * Completes a run and makes it the month's current one for its source, in one transaction: until
 * it commits, readers see the previous run's results in full; after, this run's in full. A
 * half-written month is never visible. Returns the run it replaced, whose results may then go.
 */
export async function completeRun(db: RiskDb, runId: number, counts: ClassCounts, durationMs: number): Promise<number | null> {
  return db.transaction(async (tx) => {
    const [run] = await tx
      .update(runs)
      .set({
        status: 'COMPLETED',
        finishedAt: new Date(),
        durationMs,
        total: counts.A + counts.B + counts.C + counts.D,
        countA: counts.A,
        countB: counts.B,
        countC: counts.C,
        countD: counts.D,
      })
      .where(eq(runs.id, runId))
      .returning();
    if (!run) throw new Error(`run ${runId} vanished`);
    const [previous] = await tx
      .select({ runId: currentRuns.runId })
      .from(currentRuns)
      .where(and(eq(currentRuns.month, run.month), eq(currentRuns.source, run.source)))
      .for('update');
    // Class changes go to the outbox in this transaction: they are in the feed exactly when the run is current.
    await appendClassChanges(tx, run, previous?.runId ?? null);
    await tx
      .insert(currentRuns)
      .values({ month: run.month, source: run.source, runId })
      .onConflictDoUpdate({ target: [currentRuns.month, currentRuns.source], set: { runId, switchedAt: new Date() } });
    return previous?.runId ?? null;
  });
}

/** A failed run never becomes current; its partial results are dropped. */
export async function failRun(db: RiskDb, runId: number, note: string): Promise<void> {
  await db
    .update(runs)
    .set({ status: 'FAILED', finishedAt: new Date(), note: note.slice(0, 500) })
    .where(eq(runs.id, runId));
  await deleteRunResults(db, runId);
}

/** Results of a run no month points at any more (the run row and its counts stay). */
export async function deleteRunResults(db: RiskExecutor, runId: number): Promise<void> {
  await db.delete(results).where(eq(results.runId, runId));
}

export interface RunView extends RunRow {
  current: boolean;
}

export async function listRuns(
  db: RiskExecutor,
  filter: { month?: string | undefined; limit: number; before?: number | undefined },
): Promise<RunView[]> {
  const rows = await db
    .select({ run: runs, currentRunId: currentRuns.runId })
    .from(runs)
    .leftJoin(currentRuns, eq(currentRuns.runId, runs.id))
    .where(and(filter.month ? eq(runs.month, filter.month) : undefined, filter.before ? lt(runs.id, filter.before) : undefined))
    .orderBy(desc(runs.id))
    .limit(filter.limit);
  return rows.map(({ run, currentRunId }) => ({ ...run, current: currentRunId !== null }));
}

export async function getRunsById(db: RiskExecutor, ids: readonly number[]): Promise<RunRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(runs)
    .where(inArray(runs.id, [...ids]));
}

/** Months with a current run, newest first (for "latest month" defaults). */
export async function latestClassifiedMonth(db: RiskExecutor): Promise<string | null> {
  const [row] = await db.select({ month: sql<string>`max(${currentRuns.month})` }).from(currentRuns);
  return row?.month ?? null;
}
