import { asc, inArray } from 'drizzle-orm';
import type { EnterprisesDb } from '../db/client.ts';
import { type CreditCommitmentRow, creditCommitments } from '../db/schema.ts';

export function getCreditCommitmentsByUscc(db: EnterprisesDb, usccs: readonly string[]): Promise<CreditCommitmentRow[]> {
  return db
    .select()
    .from(creditCommitments)
    .where(inArray(creditCommitments.uscc, [...usccs]))
    .orderBy(asc(creditCommitments.uscc), asc(creditCommitments.committedOn));
}

export async function insertCreditCommitment(
  db: EnterprisesDb,
  commitment: typeof creditCommitments.$inferInsert,
): Promise<CreditCommitmentRow> {
  const [row] = await db.insert(creditCommitments).values(commitment).returning();
  if (!row) throw new Error('credit commitment insert returned no row');
  return row;
}
