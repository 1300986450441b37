import { asc, eq, inArray } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type CreditCommitmentRow, creditCommitments } from '../db/schema.ts';

export type NewCreditCommitment = typeof creditCommitments.$inferInsert;

export function getCommitmentsByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<CreditCommitmentRow[]> {
  return db
    .select()
    .from(creditCommitments)
    .where(inArray(creditCommitments.uscc, [...usccs]))
    .orderBy(asc(creditCommitments.uscc), asc(creditCommitments.madeOn), asc(creditCommitments.id));
}

export async function getCommitmentById(db: SanctionsDb, id: number): Promise<CreditCommitmentRow | null> {
  const [row] = await db.select().from(creditCommitments).where(eq(creditCommitments.id, id));
  return row ?? null;
}

export async function insertCommitment(executor: SanctionsExecutor, row: NewCreditCommitment): Promise<CreditCommitmentRow> {
  const [inserted] = await executor.insert(creditCommitments).values(row).returning();
  if (!inserted) throw new Error('credit commitment insert returned nothing');
  return inserted;
}

export async function lockCommitment(executor: SanctionsExecutor, id: number): Promise<CreditCommitmentRow | null> {
  const [row] = await executor.select().from(creditCommitments).where(eq(creditCommitments.id, id)).for('update');
  return row ?? null;
}

export async function saveCommitment(
  executor: SanctionsExecutor,
  id: number,
  patch: Partial<NewCreditCommitment>,
): Promise<CreditCommitmentRow> {
  const [row] = await executor
    .update(creditCommitments)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(creditCommitments.id, id))
    .returning();
  if (!row) throw new Error(`credit commitment ${id} vanished inside its transaction`);
  return row;
}
