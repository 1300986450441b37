import { anyOfKeys, containsPattern, insertRows, preparedPerDatabase } from '@credit-hub/db';
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, lte, or, type SQL } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type SeriousViolationRow, seriousViolations } from '../db/schema.ts';
import type { ListingCursor, ListingFilter } from './abnormal-operation-store.ts';
import { inRegion } from './region-filter.ts';
import { type Audience, audienceCondition, publicSerious } from './visibility-filter.ts';

export type NewSeriousViolation = typeof seriousViolations.$inferInsert;

const getSeriousViolationsByUsccStatement = preparedPerDatabase((db: SanctionsDb) =>
  db
    .select()
    .from(seriousViolations)
    .where(anyOfKeys(seriousViolations.uscc))
    .orderBy(asc(seriousViolations.uscc), desc(seriousViolations.listedOn), desc(seriousViolations.id))
    .prepare('get_serious_violations_by_uscc'),
);

export function getSeriousViolationsByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<SeriousViolationRow[]> {
  return getSeriousViolationsByUsccStatement(db).execute({ keys: [...usccs] });
}

const getSeriousViolationsByIdStatement = preparedPerDatabase((db: SanctionsDb) =>
  db.select().from(seriousViolations).where(anyOfKeys(seriousViolations.id)).prepare('get_serious_violations_by_id'),
);

export function getSeriousViolationsById(db: SanctionsDb, ids: readonly number[]): Promise<SeriousViolationRow[]> {
  return getSeriousViolationsByIdStatement(db).execute({ keys: [...ids] });
}

/**
 * `currentListedFrom`: the earliest listed-on day whose 3-year period still includes today, so
 * "currently listed" and "still public" are plain range conditions on listed_on.
 */
function filterConditions(filter: ListingFilter, audience: Audience, today: string, currentListedFrom: string): SQL[] {
  const conditions: SQL[] = [];
  const visible = audienceCondition(audience, seriousViolations.regionCode, publicSerious(today, currentListedFrom));
  if (visible) conditions.push(visible);
  if (filter.region) conditions.push(inRegion(seriousViolations.regionCode, filter.region));
  if (filter.authorityContains) conditions.push(ilike(seriousViolations.authority, containsPattern(filter.authorityContains)));
  if (filter.listedFrom) conditions.push(gte(seriousViolations.listedOn, filter.listedFrom));
  if (filter.listedTo) conditions.push(lte(seriousViolations.listedOn, filter.listedTo));
  if (filter.currentOnly) {
    conditions.push(
      isNull(seriousViolations.removedOn),
      isNull(seriousViolations.revokedOn),
      gte(seriousViolations.listedOn, currentListedFrom),
      lte(seriousViolations.listedOn, today),
    );
  }
  return conditions;
}

export function searchSeriousViolations(
  db: SanctionsDb,
  filter: ListingFilter,
  audience: Audience,
  options: { today: string; currentListedFrom: string; limit: number; after?: ListingCursor | undefined },
): Promise<SeriousViolationRow[]> {
  const { after } = options;
  const cursor = after
    ? [
        or(
          lt(seriousViolations.listedOn, after.listedOn),
          and(eq(seriousViolations.listedOn, after.listedOn), lt(seriousViolations.id, after.id)),
        ) as SQL,
      ]
    : [];
  return db
    .select()
    .from(seriousViolations)
    .where(and(...filterConditions(filter, audience, options.today, options.currentListedFrom), ...cursor))
    .orderBy(desc(seriousViolations.listedOn), desc(seriousViolations.id))
    .limit(options.limit);
}

export async function countSeriousViolations(
  db: SanctionsDb,
  filter: ListingFilter,
  audience: Audience,
  options: { today: string; currentListedFrom: string },
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(seriousViolations)
    .where(and(...filterConditions(filter, audience, options.today, options.currentListedFrom)));
  return row?.total ?? 0;
}

/**
 * Inserts listings in one statement (one from the form, a batch from an import), skipping those a
 * unique index refuses (enterprise and decision reference taken, the penalty already grounds a
 * standing listing, the abnormal listing already escalated — by a stored row or an earlier row of
 * the batch). Answers the rows inserted. A concurrent identical insert waits for the first one's
 * commit and is refused after it.
 */
export function insertSeriousViolations(executor: SanctionsExecutor, rows: NewSeriousViolation[]): Promise<SeriousViolationRow[]> {
  return insertRows(executor, seriousViolations, rows, { onConflictDoNothing: true });
}

export async function lockSeriousViolation(executor: SanctionsExecutor, id: number): Promise<SeriousViolationRow | null> {
  const [row] = await executor.select().from(seriousViolations).where(eq(seriousViolations.id, id)).for('update');
  return row ?? null;
}

export async function saveSeriousViolation(
  executor: SanctionsExecutor,
  id: number,
  patch: Partial<NewSeriousViolation>,
): Promise<SeriousViolationRow> {
  const [row] = await executor
    .update(seriousViolations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(seriousViolations.id, id))
    .returning();
  if (!row) throw new Error(`serious violation ${id} vanished inside its transaction`);
  return row;
}

/** Listings a penalty triggered and that are still standing: revoking the penalty voids them. */
export function lockSeriousViolationsTriggeredBy(executor: SanctionsExecutor, penaltyId: number): Promise<SeriousViolationRow[]> {
  return executor
    .select()
    .from(seriousViolations)
    .where(and(eq(seriousViolations.triggeringPenaltyId, penaltyId), isNull(seriousViolations.revokedOn)))
    .for('update');
}

/** Whether a listing that still counts (not revoked) rests on this penalty (one listing per decision). */
export async function hasListingForPenalty(executor: SanctionsExecutor, penaltyId: number): Promise<boolean> {
  const [row] = await executor
    .select({ id: seriousViolations.id })
    .from(seriousViolations)
    .where(and(eq(seriousViolations.triggeringPenaltyId, penaltyId), isNull(seriousViolations.revokedOn)))
    .limit(1);
  return row !== undefined;
}

export async function hasEscalation(executor: SanctionsExecutor, abnormalId: number): Promise<boolean> {
  const [row] = await executor
    .select({ id: seriousViolations.id })
    .from(seriousViolations)
    .where(eq(seriousViolations.escalatedFromAbnormalId, abnormalId))
    .limit(1);
  return row !== undefined;
}

/** The listing recorded under this decision reference for this enterprise (the natural key of an imported row). */
export async function getSeriousViolationByDecision(
  executor: SanctionsExecutor,
  uscc: string,
  decisionReference: string,
): Promise<SeriousViolationRow | null> {
  const [row] = await executor
    .select()
    .from(seriousViolations)
    .where(and(eq(seriousViolations.uscc, uscc), eq(seriousViolations.decisionReference, decisionReference)))
    .limit(1);
  return row ?? null;
}
