import { anyOfKeys, containsPattern, insertRows, preparedPerDatabase } from '@credit-hub/db';
import { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNull, lt, lte, notExists, or, type SQL } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type AbnormalOperationRow, abnormalOperations, seriousViolations } from '../db/schema.ts';
import { inRegion } from './region-filter.ts';
import { type Audience, audienceCondition, publicAbnormal } from './visibility-filter.ts';

export type NewAbnormalOperation = typeof abnormalOperations.$inferInsert;

export interface ListingFilter {
  region?: string | undefined;
  authorityContains?: string | undefined;
  listedFrom?: string | undefined;
  listedTo?: string | undefined;
  /** Only listings not removed (and not revoked). */
  currentOnly?: boolean | undefined;
}

export type ListingCursor = { listedOn: string; id: number };

const getAbnormalOperationsByUsccStatement = preparedPerDatabase((db: SanctionsDb) =>
  db
    .select()
    .from(abnormalOperations)
    .where(anyOfKeys(abnormalOperations.uscc))
    .orderBy(asc(abnormalOperations.uscc), desc(abnormalOperations.listedOn), desc(abnormalOperations.id))
    .prepare('get_abnormal_operations_by_uscc'),
);

export function getAbnormalOperationsByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<AbnormalOperationRow[]> {
  return getAbnormalOperationsByUsccStatement(db).execute({ keys: [...usccs] });
}

const getAbnormalOperationsByIdStatement = preparedPerDatabase((db: SanctionsDb) =>
  db.select().from(abnormalOperations).where(anyOfKeys(abnormalOperations.id)).prepare('get_abnormal_operations_by_id'),
);

export function getAbnormalOperationsById(db: SanctionsDb, ids: readonly number[]): Promise<AbnormalOperationRow[]> {
  return getAbnormalOperationsByIdStatement(db).execute({ keys: [...ids] });
}

function filterConditions(filter: ListingFilter, audience: Audience, today: string): SQL[] {
  const conditions: SQL[] = [];
  const visible = audienceCondition(audience, abnormalOperations.regionCode, publicAbnormal(today));
  if (visible) conditions.push(visible);
  if (filter.region) conditions.push(inRegion(abnormalOperations.regionCode, filter.region));
  if (filter.authorityContains) conditions.push(ilike(abnormalOperations.authority, containsPattern(filter.authorityContains)));
  if (filter.listedFrom) conditions.push(gte(abnormalOperations.listedOn, filter.listedFrom));
  if (filter.listedTo) conditions.push(lte(abnormalOperations.listedOn, filter.listedTo));
  if (filter.currentOnly) conditions.push(isNull(abnormalOperations.removedOn), isNull(abnormalOperations.revokedOn));
  return conditions;
}

const before = (after: ListingCursor | undefined): SQL[] =>
  after
    ? [
        or(
          lt(abnormalOperations.listedOn, after.listedOn),
          and(eq(abnormalOperations.listedOn, after.listedOn), lt(abnormalOperations.id, after.id)),
        ) as SQL,
      ]
    : [];

export function searchAbnormalOperations(
  db: SanctionsDb,
  filter: ListingFilter,
  audience: Audience,
  options: { today: string; limit: number; after?: ListingCursor | undefined },
): Promise<AbnormalOperationRow[]> {
  return db
    .select()
    .from(abnormalOperations)
    .where(and(...filterConditions(filter, audience, options.today), ...before(options.after)))
    .orderBy(desc(abnormalOperations.listedOn), desc(abnormalOperations.id))
    .limit(options.limit);
}

export async function countAbnormalOperations(db: SanctionsDb, filter: ListingFilter, audience: Audience, today: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(abnormalOperations)
    .where(and(...filterConditions(filter, audience, today)));
  return row?.total ?? 0;
}

/**
 * Still listed, listed on or before `listedOnOrBefore` (3 full years ago) and not yet escalated:
 * the serious-list candidates. Oldest first, so the longest-overdue come first.
 */
function escalationConditions(db: SanctionsDb, listedOnOrBefore: string, region: string | undefined): SQL[] {
  const escalated = db
    .select({ id: seriousViolations.id })
    .from(seriousViolations)
    .where(eq(seriousViolations.escalatedFromAbnormalId, abnormalOperations.id));
  return [
    lte(abnormalOperations.listedOn, listedOnOrBefore),
    isNull(abnormalOperations.removedOn),
    isNull(abnormalOperations.revokedOn),
    notExists(escalated),
    ...(region ? [inRegion(abnormalOperations.regionCode, region)] : []),
  ];
}

export function getAbnormalOperationsDueForEscalation(
  db: SanctionsDb,
  options: { listedOnOrBefore: string; region?: string | undefined; limit: number; after?: ListingCursor | undefined },
): Promise<AbnormalOperationRow[]> {
  const { after } = options;
  const cursor = after
    ? [
        or(
          gt(abnormalOperations.listedOn, after.listedOn),
          and(eq(abnormalOperations.listedOn, after.listedOn), gt(abnormalOperations.id, after.id)),
        ) as SQL,
      ]
    : [];
  return db
    .select()
    .from(abnormalOperations)
    .where(and(...escalationConditions(db, options.listedOnOrBefore, options.region), ...cursor))
    .orderBy(asc(abnormalOperations.listedOn), asc(abnormalOperations.id))
    .limit(options.limit);
}

export async function countAbnormalOperationsDueForEscalation(
  db: SanctionsDb,
  options: { listedOnOrBefore: string; region?: string | undefined },
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(abnormalOperations)
    .where(and(...escalationConditions(db, options.listedOnOrBefore, options.region)));
  return row?.total ?? 0;
}

/**
 * Inserts listings in one statement (one from the form, a batch from an import); those a unique
 * index refuses — a natural key stored already, an enterprise still listed on that ground, or an
 * earlier row of the same batch — are skipped. Answers the rows inserted. A concurrent identical
 * insert waits for the first one's commit and is refused after it, so two racing writes end as
 * one row and one refusal.
 */
export function insertAbnormalOperations(executor: SanctionsExecutor, rows: NewAbnormalOperation[]): Promise<AbnormalOperationRow[]> {
  return insertRows(executor, abnormalOperations, rows, { onConflictDoNothing: true });
}

/** Every abnormal listing of these enterprises, read after inserts the unique indexes refused, to say why (one read for a batch). */
export function getAbnormalOperationsOf(executor: SanctionsExecutor, usccs: readonly string[]): Promise<AbnormalOperationRow[]> {
  if (usccs.length === 0) return Promise.resolve([]);
  return executor
    .select()
    .from(abnormalOperations)
    .where(inArray(abnormalOperations.uscc, [...usccs]));
}

export async function lockAbnormalOperation(executor: SanctionsExecutor, id: number): Promise<AbnormalOperationRow | null> {
  const [row] = await executor.select().from(abnormalOperations).where(eq(abnormalOperations.id, id)).for('update');
  return row ?? null;
}

export async function saveAbnormalOperation(
  executor: SanctionsExecutor,
  id: number,
  patch: Partial<NewAbnormalOperation>,
): Promise<AbnormalOperationRow> {
  const [row] = await executor
    .update(abnormalOperations)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(abnormalOperations.id, id))
    .returning();
  if (!row) throw new Error(`abnormal operation ${id} vanished inside its transaction`);
  return row;
}
