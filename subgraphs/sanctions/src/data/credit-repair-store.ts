import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { and, asc, count, eq, gt, or, type SQL } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type CreditRepairRow, creditRepairs } from '../db/schema.ts';
import { inRegion } from './region-filter.ts';

export type NewCreditRepair = typeof creditRepairs.$inferInsert;

const getCreditRepairsByUsccStatement = preparedPerDatabase((db: SanctionsDb) =>
  db
    .select()
    .from(creditRepairs)
    .where(anyOfKeys(creditRepairs.uscc))
    .orderBy(asc(creditRepairs.uscc), asc(creditRepairs.appliedOn), asc(creditRepairs.id))
    .prepare('get_credit_repairs_by_uscc'),
);

export function getCreditRepairsByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<CreditRepairRow[]> {
  return getCreditRepairsByUsccStatement(db).execute({ keys: [...usccs] });
}

function pendingConditions(region: string | undefined): SQL[] {
  return [eq(creditRepairs.status, 'PENDING'), ...(region ? [inRegion(creditRepairs.regionCode, region)] : [])];
}

/** Applications awaiting a decision, oldest first (the ones closest to their deadline). */
export function getPendingCreditRepairs(
  db: SanctionsDb,
  options: { region?: string | undefined; limit: number; after?: { appliedOn: string; id: number } | undefined },
): Promise<CreditRepairRow[]> {
  const { after } = options;
  const cursor = after
    ? [
        or(
          gt(creditRepairs.appliedOn, after.appliedOn),
          and(eq(creditRepairs.appliedOn, after.appliedOn), gt(creditRepairs.id, after.id)),
        ) as SQL,
      ]
    : [];
  return db
    .select()
    .from(creditRepairs)
    .where(and(...pendingConditions(options.region), ...cursor))
    .orderBy(asc(creditRepairs.appliedOn), asc(creditRepairs.id))
    .limit(options.limit);
}

export async function countPendingCreditRepairs(db: SanctionsDb, region: string | undefined): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(creditRepairs)
    .where(and(...pendingConditions(region)));
  return row?.total ?? 0;
}

/** Null when another application for the same record is still pending (one at a time). */
export async function insertCreditRepair(executor: SanctionsExecutor, row: NewCreditRepair): Promise<CreditRepairRow | null> {
  const [inserted] = await executor.insert(creditRepairs).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function lockCreditRepair(executor: SanctionsExecutor, id: number): Promise<CreditRepairRow | null> {
  const [row] = await executor.select().from(creditRepairs).where(eq(creditRepairs.id, id)).for('update');
  return row ?? null;
}

export async function saveCreditRepair(executor: SanctionsExecutor, id: number, patch: Partial<NewCreditRepair>): Promise<CreditRepairRow> {
  const [row] = await executor
    .update(creditRepairs)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(creditRepairs.id, id))
    .returning();
  if (!row) throw new Error(`credit repair ${id} vanished inside its transaction`);
  return row;
}

export async function getCreditRepairById(db: SanctionsDb, id: number): Promise<CreditRepairRow | null> {
  const [row] = await db.select().from(creditRepairs).where(eq(creditRepairs.id, id));
  return row ?? null;
}
