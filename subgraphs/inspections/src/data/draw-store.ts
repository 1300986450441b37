import { anyOfKeys, insertInChunks, lockForTransaction, preparedPerDatabase } from '@credit-hub/db';
import { conflict } from '@credit-hub/subgraph-kit';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { InspectionsDb } from '../db/client.ts';
import { type DrawEntryRow, type DrawRow, drawEntries, draws, plans, tasks } from '../db/schema.ts';
import type { DrawOutcome, InspectorLoads } from '../rules/draw.ts';

/**
 * The state changes of a draw, one function per transition (a draft replaced, a draft confirmed),
 * each in its own transaction: the one place a change feed would append to.
 */

/** Stores a draft draw, replacing the task's previous draft; refused once a draw is confirmed. */
export async function storeDraftDraw(
  db: InspectionsDb,
  taskId: number,
  seed: number,
  outcome: DrawOutcome,
  drawnBy: string,
  inspectorLoads: InspectorLoads = {},
): Promise<DrawRow> {
  return db.transaction(async (tx) => {
    await lockForTransaction(tx, `inspections:draw:${taskId}`);
    const existing = await tx.select().from(draws).where(eq(draws.taskId, taskId));
    const confirmed = existing.find((draw) => draw.status === 'CONFIRMED');
    if (confirmed)
      throw conflict(`task ${taskId} has a confirmed draw (${confirmed.id}); a confirmed draw is fixed`, { reason: 'CONFIRMED' });
    for (const draft of existing) await tx.delete(draws).where(eq(draws.id, draft.id));
    const [draw] = await tx
      .insert(draws)
      .values({
        taskId,
        seed,
        status: 'DRAFT',
        poolSize: outcome.poolSize,
        poolDigest: outcome.poolDigest,
        poolCounts: outcome.poolCounts,
        drawnCounts: outcome.drawnCounts,
        keySupervisionCount: outcome.keySupervisionCount,
        inspectorLoads,
        drawnBy,
      })
      .returning();
    if (!draw) throw new Error('insert returned no row');
    await insertInChunks(
      tx,
      drawEntries,
      outcome.entries.map((entry) => ({ drawId: draw.id, ...entry })),
    );
    return draw;
  });
}

/** DRAFT → CONFIRMED, once. */
export async function confirmDraw(db: InspectionsDb, drawId: number, confirmedBy: string): Promise<DrawRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(draws).where(eq(draws.id, drawId)).for('update');
    if (!current) throw new Error(`draw ${drawId} vanished`);
    if (current.status === 'CONFIRMED') throw conflict(`draw ${drawId} was already confirmed`, { reason: 'CONFIRMED' });
    const [updated] = await tx
      .update(draws)
      .set({ status: 'CONFIRMED', confirmedBy, confirmedAt: new Date() })
      .where(eq(draws.id, drawId))
      .returning();
    if (!updated) throw new Error(`draw ${drawId} vanished`);
    return updated;
  });
}

export async function getDraw(db: InspectionsDb, id: number): Promise<DrawRow | null> {
  return (await db.select().from(draws).where(eq(draws.id, id)))[0] ?? null;
}

const drawsByTaskStatement = preparedPerDatabase((db: InspectionsDb) =>
  db.select().from(draws).where(anyOfKeys(draws.taskId)).orderBy(desc(draws.id)).prepare('draws_by_task'),
);
export const getDrawsByTask = (db: InspectionsDb, taskIds: readonly number[]) => drawsByTaskStatement(db).execute({ keys: taskIds });

const entriesByDrawStatement = preparedPerDatabase((db: InspectionsDb) =>
  db.select().from(drawEntries).where(anyOfKeys(drawEntries.drawId)).orderBy(asc(drawEntries.uscc)).prepare('entries_by_draw'),
);
export const getEntriesByDraw = (db: InspectionsDb, drawIds: readonly number[]): Promise<DrawEntryRow[]> =>
  entriesByDrawStatement(db).execute({ keys: drawIds });

/** The confirmed draw's entry for an enterprise in a task, if it was drawn. */
export async function getConfirmedEntry(db: InspectionsDb, taskId: number, uscc: string): Promise<DrawEntryRow | null> {
  const rows = await db
    .select({ entry: drawEntries })
    .from(drawEntries)
    .innerJoin(draws, eq(draws.id, drawEntries.drawId))
    .where(and(eq(draws.taskId, taskId), eq(draws.status, 'CONFIRMED'), eq(drawEntries.uscc, uscc)));
  return rows[0]?.entry ?? null;
}

/**
 * Workload of a department's inspectors in a plan year: their places in the confirmed draws of
 * the year's other tasks (a draft binds no one; the task being drawn replaces its own draft).
 */
export async function inspectorLoadsInYear(
  db: InspectionsDb,
  filter: { department: string; year: number; exceptTaskId: number },
): Promise<InspectorLoads> {
  const rows = await db.execute<{ inspector_id: number; load: string | number }>(sql`
    select inspector_id, count(*) as load
    from ${drawEntries} e
    join ${draws} d on d.id = e.draw_id
    join ${tasks} t on t.id = d.task_id
    join ${plans} p on p.id = t.plan_id
    cross join lateral unnest(e.inspector_ids) as inspector_id
    where d.status = 'CONFIRMED' and t.department = ${filter.department} and p.year = ${filter.year} and t.id <> ${filter.exceptTaskId}
    group by inspector_id`);
  // postgres.js answers an array, PGlite an object with `rows`.
  const list = (rows as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]);
  return Object.fromEntries(
    (list as { inspector_id: number; load: string | number }[]).map((row) => [Number(row.inspector_id), Number(row.load)]),
  );
}
