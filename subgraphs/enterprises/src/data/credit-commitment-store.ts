import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { asc } from 'drizzle-orm';
import type { EnterprisesDb } from '../db/client.ts';
import { type CreditCommitmentRow, creditCommitments } from '../db/schema.ts';

const getCreditCommitmentsByUsccStatement = preparedPerDatabase((db: EnterprisesDb) =>
  db
    .select()
    .from(creditCommitments)
    .where(anyOfKeys(creditCommitments.uscc))
    .orderBy(asc(creditCommitments.uscc), asc(creditCommitments.committedOn))
    .prepare('get_credit_commitments_by_uscc'),
);

export function getCreditCommitmentsByUscc(db: EnterprisesDb, usccs: readonly string[]): Promise<CreditCommitmentRow[]> {
  return getCreditCommitmentsByUsccStatement(db).execute({ keys: [...usccs] });
}

export async function insertCreditCommitment(
  db: EnterprisesDb,
  commitment: typeof creditCommitments.$inferInsert,
): Promise<CreditCommitmentRow> {
  const [row] = await db.insert(creditCommitments).values(commitment).returning();
  if (!row) throw new Error('credit commitment insert returned no row');
  return row;
}
