import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { asc, eq } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type ObjectionRow, objections } from '../db/schema.ts';

export type NewObjection = typeof objections.$inferInsert;

const getObjectionsByUsccStatement = preparedPerDatabase((db: SanctionsDb) =>
  db
    .select()
    .from(objections)
    .where(anyOfKeys(objections.uscc))
    .orderBy(asc(objections.uscc), asc(objections.filedOn), asc(objections.id))
    .prepare('get_objections_by_uscc'),
);

export function getObjectionsByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<ObjectionRow[]> {
  return getObjectionsByUsccStatement(db).execute({ keys: [...usccs] });
}

export async function getObjectionById(db: SanctionsDb, id: number): Promise<ObjectionRow | null> {
  const [row] = await db.select().from(objections).where(eq(objections.id, id));
  return row ?? null;
}

/** Null when an objection to the same record is still pending. */
export async function insertObjection(executor: SanctionsExecutor, row: NewObjection): Promise<ObjectionRow | null> {
  const [inserted] = await executor.insert(objections).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function lockObjection(executor: SanctionsExecutor, id: number): Promise<ObjectionRow | null> {
  const [row] = await executor.select().from(objections).where(eq(objections.id, id)).for('update');
  return row ?? null;
}

export async function saveObjection(executor: SanctionsExecutor, id: number, patch: Partial<NewObjection>): Promise<ObjectionRow> {
  const [row] = await executor
    .update(objections)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(objections.id, id))
    .returning();
  if (!row) throw new Error(`objection ${id} vanished inside its transaction`);
  return row;
}
