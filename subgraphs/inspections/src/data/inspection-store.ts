import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { conflict } from '@credit-hub/subgraph-kit';
import { asc, desc, eq } from 'drizzle-orm';
import type { InspectionsDb } from '../db/client.ts';
import { type InspectionRow, inspections } from '../db/schema.ts';
import { appendInspectionEvents, inspectionEvent } from './outbox-events.ts';

/**
 * The state changes of an inspection result, one function per transition (recorded, published),
 * each appending its change-feed event in the same transaction.
 */
/**
 * `beforeCommit` runs inside the transaction with the new row: a write elsewhere that needs the
 * inspection's id (a credit commitment's verification); when it throws, nothing is recorded here.
 */
export async function insertInspection(
  db: InspectionsDb,
  row: typeof inspections.$inferInsert,
  beforeCommit?: (inserted: InspectionRow) => Promise<void>,
): Promise<InspectionRow> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(inspections).values(row).returning();
    if (!inserted) throw new Error('insert returned no row');
    await appendInspectionEvents(tx, [inspectionEvent('inspection.recorded', inserted)]);
    if (beforeCommit) await beforeCommit(inserted);
    return inserted;
  });
}

/** Unpublished → published on `publishedOn`, once. */
export async function publishInspection(db: InspectionsDb, id: number, publishedOn: string): Promise<InspectionRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
    if (!current) throw new Error(`inspection ${id} vanished`);
    if (current.publishedOn)
      throw conflict(`inspection ${id} was already published on ${current.publishedOn}`, { reason: 'ALREADY_PUBLISHED' });
    const [updated] = await tx.update(inspections).set({ publishedOn }).where(eq(inspections.id, id)).returning();
    if (!updated) throw new Error(`inspection ${id} vanished`);
    await appendInspectionEvents(tx, [inspectionEvent('inspection.published', updated)]);
    return updated;
  });
}

const byIdStatement = preparedPerDatabase((db: InspectionsDb) =>
  db.select().from(inspections).where(anyOfKeys(inspections.id)).prepare('inspections_by_id'),
);
export const getInspectionsById = (db: InspectionsDb, ids: readonly number[]) => byIdStatement(db).execute({ keys: ids });

const byUsccStatement = preparedPerDatabase((db: InspectionsDb) =>
  db
    .select()
    .from(inspections)
    .where(anyOfKeys(inspections.uscc))
    .orderBy(desc(inspections.inspectedOn), desc(inspections.id))
    .prepare('inspections_by_uscc'),
);
export const getInspectionsByUscc = (db: InspectionsDb, usccs: readonly string[]) => byUsccStatement(db).execute({ keys: usccs });

const byTaskStatement = preparedPerDatabase((db: InspectionsDb) =>
  db.select().from(inspections).where(anyOfKeys(inspections.taskId)).orderBy(asc(inspections.id)).prepare('inspections_by_task'),
);
export const getInspectionsByTask = (db: InspectionsDb, taskIds: readonly number[]) => byTaskStatement(db).execute({ keys: taskIds });
