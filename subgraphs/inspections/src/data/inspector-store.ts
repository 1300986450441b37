import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { and, asc, eq, like } from 'drizzle-orm';
import type { InspectionsDb } from '../db/client.ts';
import { type InspectorRow, inspectors } from '../db/schema.ts';

export async function insertInspector(db: InspectionsDb, row: typeof inspectors.$inferInsert): Promise<InspectorRow> {
  const [inserted] = await db.insert(inspectors).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

/** Active inspectors of a department inside a region prefix, by id (the draw's inspector pool). */
export function listActiveInspectors(db: InspectionsDb, department: string, regionPrefix: string): Promise<InspectorRow[]> {
  return db
    .select()
    .from(inspectors)
    .where(and(eq(inspectors.department, department), eq(inspectors.active, true), like(inspectors.regionCode, `${regionPrefix}%`)))
    .orderBy(asc(inspectors.id));
}

const byIdStatement = preparedPerDatabase((db: InspectionsDb) =>
  db.select().from(inspectors).where(anyOfKeys(inspectors.id)).prepare('inspectors_by_id'),
);
export const getInspectorsById = (db: InspectionsDb, ids: readonly number[]) => byIdStatement(db).execute({ keys: ids });
