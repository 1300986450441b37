import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { conflict } from '@credit-hub/subgraph-kit';
import { desc, eq } from 'drizzle-orm';
import type { InspectionsDb } from '../db/client.ts';
import { type AdmonitionTalkRow, admonitionTalks } from '../db/schema.ts';

/** The state changes of a talk, one function per transition (held, outcome recorded). */
export async function insertTalk(db: InspectionsDb, row: typeof admonitionTalks.$inferInsert): Promise<AdmonitionTalkRow> {
  const [inserted] = await db.insert(admonitionTalks).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

/** PENDING → RECTIFIED or NOT_RECTIFIED, once. */
export async function recordTalkOutcome(
  db: InspectionsDb,
  id: number,
  outcome: 'RECTIFIED' | 'NOT_RECTIFIED',
  outcomeOn: string,
): Promise<AdmonitionTalkRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(admonitionTalks).where(eq(admonitionTalks.id, id)).for('update');
    if (!current) throw new Error(`talk ${id} vanished`);
    if (current.outcome !== 'PENDING') throw conflict(`talk ${id} already has its outcome (${current.outcome})`, { reason: 'DECIDED' });
    const [updated] = await tx.update(admonitionTalks).set({ outcome, outcomeOn }).where(eq(admonitionTalks.id, id)).returning();
    if (!updated) throw new Error(`talk ${id} vanished`);
    return updated;
  });
}

export async function getTalk(db: InspectionsDb, id: number): Promise<AdmonitionTalkRow | null> {
  return (await db.select().from(admonitionTalks).where(eq(admonitionTalks.id, id)))[0] ?? null;
}

const byUsccStatement = preparedPerDatabase((db: InspectionsDb) =>
  db
    .select()
    .from(admonitionTalks)
    .where(anyOfKeys(admonitionTalks.uscc))
    .orderBy(desc(admonitionTalks.heldOn), desc(admonitionTalks.id))
    .prepare('talks_by_uscc'),
);
export const getTalksByUscc = (db: InspectionsDb, usccs: readonly string[]) => byUsccStatement(db).execute({ keys: usccs });
