import { anyOfKeys, containsPattern, insertRows, preparedPerDatabase } from '@credit-hub/db';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type PenaltyRow, penalties } from '../db/schema.ts';
import type { PenaltyState, SanctionDomain } from '../rules/index.ts';
import { inRegion } from './region-filter.ts';
import { type Audience, audienceCondition, publicPenalty } from './visibility-filter.ts';

export type NewPenalty = typeof penalties.$inferInsert;

export interface PenaltyFilter {
  region?: string | undefined;
  authorityContains?: string | undefined;
  decidedFrom?: string | undefined;
  decidedTo?: string | undefined;
  states?: readonly PenaltyState[] | undefined;
  caseDomains?: readonly SanctionDomain[] | undefined;
}

const getPenaltiesByUsccStatement = preparedPerDatabase((db: SanctionsDb) =>
  db
    .select()
    .from(penalties)
    .where(anyOfKeys(penalties.uscc))
    .orderBy(asc(penalties.uscc), desc(penalties.decidedOn), desc(penalties.id))
    .prepare('get_penalties_by_uscc'),
);

export function getPenaltiesByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<PenaltyRow[]> {
  return getPenaltiesByUsccStatement(db).execute({ keys: [...usccs] });
}

const getPenaltiesByIdStatement = preparedPerDatabase((db: SanctionsDb) =>
  db.select().from(penalties).where(anyOfKeys(penalties.id)).prepare('get_penalties_by_id'),
);

export function getPenaltiesById(db: SanctionsDb, ids: readonly number[]): Promise<PenaltyRow[]> {
  return getPenaltiesByIdStatement(db).execute({ keys: [...ids] });
}

export async function getPenaltyByDecisionNumber(db: SanctionsExecutor, decisionNumber: string): Promise<PenaltyRow | null> {
  const [row] = await db.select().from(penalties).where(eq(penalties.decisionNumber, decisionNumber)).limit(1);
  return row ?? null;
}

function filterConditions(filter: PenaltyFilter, audience: Audience, today: string): SQL[] {
  const conditions: SQL[] = [];
  const visible = audienceCondition(audience, penalties.regionCode, publicPenalty(today));
  if (visible) conditions.push(visible);
  if (filter.region) conditions.push(inRegion(penalties.regionCode, filter.region));
  if (filter.authorityContains) conditions.push(ilike(penalties.authority, containsPattern(filter.authorityContains)));
  if (filter.decidedFrom) conditions.push(gte(penalties.decidedOn, filter.decidedFrom));
  if (filter.decidedTo) conditions.push(lte(penalties.decidedOn, filter.decidedTo));
  if (filter.states?.length) conditions.push(inArray(penalties.state, [...filter.states]));
  if (filter.caseDomains?.length) conditions.push(inArray(penalties.caseDomain, [...filter.caseDomains]));
  return conditions;
}

/** One keyset page, newest decision first: `limit` rows after the (decidedOn, id) cursor. */
export function searchPenalties(
  db: SanctionsDb,
  filter: PenaltyFilter,
  audience: Audience,
  options: { today: string; limit: number; after?: { decidedOn: string; id: number } | undefined },
): Promise<PenaltyRow[]> {
  const conditions = filterConditions(filter, audience, options.today);
  if (options.after) {
    const { decidedOn, id } = options.after;
    conditions.push(or(lt(penalties.decidedOn, decidedOn), and(eq(penalties.decidedOn, decidedOn), lt(penalties.id, id))) as SQL);
  }
  return db
    .select()
    .from(penalties)
    .where(and(...conditions))
    .orderBy(desc(penalties.decidedOn), desc(penalties.id))
    .limit(options.limit);
}

export async function countPenalties(db: SanctionsDb, filter: PenaltyFilter, audience: Audience, today: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(penalties)
    .where(and(...filterConditions(filter, audience, today)));
  return row?.total ?? 0;
}

export async function insertPenalty(executor: SanctionsExecutor, row: NewPenalty): Promise<PenaltyRow | null> {
  const [inserted] = await executor.insert(penalties).values(row).onConflictDoNothing({ target: penalties.decisionNumber }).returning();
  return inserted ?? null;
}

/** Many penalties in one statement; a decision number already stored (or twice in `rows`) is skipped. */
export async function insertPenalties(executor: SanctionsExecutor, rows: NewPenalty[]): Promise<PenaltyRow[]> {
  // One statement for the whole batch (a bulk import sends 500): drizzle's VALUES builder cost ~0.25 ms a row.
  return insertRows(executor, penalties, rows, { onConflictDoNothing: [penalties.decisionNumber] });
}

/** Who holds a decision number: what an import tells UNCHANGED (this very record) from KEY_TAKEN by. */
export type PenaltyHolder = Pick<PenaltyRow, 'decisionNumber' | 'uscc' | 'department'>;

const getPenaltyHoldersStatement = preparedPerDatabase((db: SanctionsDb) =>
  db
    .select({ decisionNumber: penalties.decisionNumber, uscc: penalties.uscc, department: penalties.department })
    .from(penalties)
    .where(anyOfKeys(penalties.decisionNumber))
    .prepare('get_penalty_holders_by_decision_number'),
);

/**
 * The holders of these decision numbers, three columns each: a re-run of a file asks about every
 * row of every batch, and whole rows (decoded field by field) were most of what it cost.
 */
export async function getPenaltyHoldersByDecisionNumbers(db: SanctionsDb, decisionNumbers: readonly string[]): Promise<PenaltyHolder[]> {
  if (decisionNumbers.length === 0) return [];
  return getPenaltyHoldersStatement(db).execute({ keys: [...decisionNumbers] });
}

export async function lockPenalty(executor: SanctionsExecutor, id: number): Promise<PenaltyRow | null> {
  const [row] = await executor.select().from(penalties).where(eq(penalties.id, id)).for('update');
  return row ?? null;
}

export async function savePenalty(executor: SanctionsExecutor, id: number, patch: Partial<NewPenalty>): Promise<PenaltyRow> {
  const [row] = await executor
    .update(penalties)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(penalties.id, id))
    .returning();
  if (!row) throw new Error(`penalty ${id} vanished inside its transaction`);
  return row;
}
