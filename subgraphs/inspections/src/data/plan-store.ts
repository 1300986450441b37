import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { and, asc, eq, like } from 'drizzle-orm';
import type { InspectionsDb } from '../db/client.ts';
import { type PlanRow, plans, type TaskRow, tasks } from '../db/schema.ts';

export async function insertPlan(db: InspectionsDb, row: typeof plans.$inferInsert): Promise<PlanRow> {
  const [inserted] = await db.insert(plans).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

export async function insertTask(db: InspectionsDb, row: typeof tasks.$inferInsert): Promise<TaskRow> {
  const [inserted] = await db.insert(tasks).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

export async function getPlan(db: InspectionsDb, id: number): Promise<PlanRow | null> {
  return (await db.select().from(plans).where(eq(plans.id, id)))[0] ?? null;
}

export async function getTask(db: InspectionsDb, id: number): Promise<TaskRow | null> {
  return (await db.select().from(tasks).where(eq(tasks.id, id)))[0] ?? null;
}

/** Plans of a year inside a region prefix, by id. */
export function listPlans(db: InspectionsDb, year: number, regionPrefix: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.year, year), like(plans.regionCode, `${regionPrefix}%`)))
    .orderBy(asc(plans.id))
    .limit(500);
}

const tasksByPlanStatement = preparedPerDatabase((db: InspectionsDb) =>
  db.select().from(tasks).where(anyOfKeys(tasks.planId)).orderBy(asc(tasks.id)).prepare('tasks_by_plan'),
);
export const getTasksByPlan = (db: InspectionsDb, planIds: readonly number[]) => tasksByPlanStatement(db).execute({ keys: planIds });
