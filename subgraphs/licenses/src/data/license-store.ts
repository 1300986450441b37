import { anyOfKeys, inRegionPrefix, insertRows, preparedPerDatabase } from '@credit-hub/db';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, type SQL } from 'drizzle-orm';
import type { LicensesDb } from '../db/client.ts';
import { type LicenseRow, licenseStatusChanges, licenses, type NewLicense, type NewLicenseStatusChange } from '../db/schema.ts';
import type { LicenseKind, LicenseStatus } from '../rules/license-kinds.ts';
import { appendLicenseEvents, licenseEvent } from './outbox-events.ts';
import { visibleTo } from './sql-conditions.ts';
import type { VisibilityScope } from './visibility.ts';

export interface LicenseFilter {
  kinds?: readonly LicenseKind[] | null | undefined;
  /** Effective statuses: EXPIRED is matched by date, as it is read. */
  statuses?: readonly LicenseStatus[] | null | undefined;
  authorityCode?: string | null | undefined;
  /** Division prefix of the holder: 2, 4 or 6 digits. */
  regionPrefix?: string | null | undefined;
  /** Last day of validity strictly before this date. */
  expiringBefore?: string | null | undefined;
  grantedByCommitment?: boolean | null | undefined;
  holderUscc?: string | null | undefined;
}

const getLicensesByNumberStatement = preparedPerDatabase((db: LicensesDb) =>
  db.select().from(licenses).where(anyOfKeys(licenses.number)).prepare('get_licenses_by_number'),
);

export function getLicensesByNumber(db: LicensesDb, numbers: readonly string[]): Promise<LicenseRow[]> {
  return getLicensesByNumberStatement(db).execute({ keys: [...numbers] });
}

const getLicensesByHolderStatement = preparedPerDatabase((db: LicensesDb) =>
  db
    .select()
    .from(licenses)
    .where(anyOfKeys(licenses.holderUscc))
    .orderBy(asc(licenses.holderUscc), desc(licenses.validTo), asc(licenses.number))
    .prepare('get_licenses_by_holder'),
);

export function getLicensesByHolder(db: LicensesDb, usccs: readonly string[]): Promise<LicenseRow[]> {
  return getLicensesByHolderStatement(db).execute({ keys: [...usccs] });
}

function statusCondition(status: LicenseStatus, today: string): SQL {
  if (status === 'VALID') return and(eq(licenses.status, 'VALID'), gte(licenses.validTo, today)) as SQL;
  if (status === 'EXPIRED') return and(eq(licenses.status, 'VALID'), lt(licenses.validTo, today)) as SQL;
  return eq(licenses.status, status);
}

function filterConditions(filter: LicenseFilter, scope: VisibilityScope, today: string): SQL[] {
  const conditions: SQL[] = [];
  const visible = visibleTo(scope, { publicSince: licenses.firstPublishedOn, regionCode: licenses.regionCode }, today);
  if (visible) conditions.push(visible);
  if (filter.kinds?.length) conditions.push(inArray(licenses.kind, [...filter.kinds]));
  if (filter.statuses?.length) conditions.push(or(...filter.statuses.map((status) => statusCondition(status, today))) as SQL);
  if (filter.authorityCode) conditions.push(eq(licenses.authorityCode, filter.authorityCode));
  if (filter.regionPrefix) conditions.push(inRegionPrefix(licenses.regionCode, filter.regionPrefix));
  if (filter.expiringBefore) conditions.push(lt(licenses.validTo, filter.expiringBefore));
  if (filter.grantedByCommitment != null) conditions.push(eq(licenses.grantedByCommitment, filter.grantedByCommitment));
  if (filter.holderUscc) conditions.push(eq(licenses.holderUscc, filter.holderUscc));
  return conditions;
}

/** One keyset page ordered by number: `limit` rows after `afterNumber` (callers ask for one extra). */
export function searchLicenses(
  db: LicensesDb,
  filter: LicenseFilter,
  scope: VisibilityScope,
  today: string,
  options: { limit: number; afterNumber?: string | undefined },
): Promise<LicenseRow[]> {
  const conditions = filterConditions(filter, scope, today);
  if (options.afterNumber) conditions.push(gt(licenses.number, options.afterNumber));
  return db
    .select()
    .from(licenses)
    .where(and(...conditions))
    .orderBy(asc(licenses.number))
    .limit(options.limit);
}

export async function countLicenses(db: LicensesDb, filter: LicenseFilter, scope: VisibilityScope, today: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(licenses)
    .where(and(...filterConditions(filter, scope, today)));
  return row?.total ?? 0;
}

export interface ExpiringFilter {
  /** Licences whose last day falls on or before this date (renewal due date + lead time). */
  validToUntil: string;
  /** The same bound for food production licences (30 working days), when it differs. */
  foodValidToUntil?: string;
  kinds?: readonly LicenseKind[] | null | undefined;
  regionPrefix?: string | null | undefined;
}

/** Still in force, not renewed, and the last day not yet passed: the ones a renewal is due for. */
function expiringConditions(filter: ExpiringFilter, scope: VisibilityScope, today: string): SQL[] {
  return [
    ...filterConditions({ kinds: filter.kinds, regionPrefix: filter.regionPrefix }, scope, today),
    inArray(licenses.status, ['VALID', 'SUSPENDED']),
    isNull(licenses.renewedBy),
    gte(licenses.validTo, today),
    filter.foodValidToUntil
      ? (or(
          and(eq(licenses.kind, 'FOOD_PRODUCTION'), lte(licenses.validTo, filter.foodValidToUntil)),
          and(ne(licenses.kind, 'FOOD_PRODUCTION'), lte(licenses.validTo, filter.validToUntil)),
        ) as SQL)
      : lte(licenses.validTo, filter.validToUntil),
  ];
}

/** Keyset page ordered by expiry, then number: the most urgent renewals first. */
export function findExpiringLicenses(
  db: LicensesDb,
  filter: ExpiringFilter,
  scope: VisibilityScope,
  today: string,
  options: { limit: number; after?: { validTo: string; number: string } | undefined },
): Promise<LicenseRow[]> {
  const conditions = expiringConditions(filter, scope, today);
  if (options.after) {
    const { validTo, number } = options.after;
    conditions.push(or(gt(licenses.validTo, validTo), and(eq(licenses.validTo, validTo), gt(licenses.number, number))) as SQL);
  }
  return db
    .select()
    .from(licenses)
    .where(and(...conditions))
    .orderBy(asc(licenses.validTo), asc(licenses.number))
    .limit(options.limit);
}

export async function countExpiringLicenses(
  db: LicensesDb,
  filter: ExpiringFilter,
  scope: VisibilityScope,
  today: string,
): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(licenses)
    .where(and(...expiringConditions(filter, scope, today)));
  return row?.total ?? 0;
}

export class LicenseExistsError extends Error {
  constructor(readonly number: string) {
    super(`licence ${number} already exists`);
  }
}

/** Grants a licence and records the decision in one transaction: both rows or neither. */
export async function insertLicense(db: LicensesDb, license: NewLicense, event: NewLicenseStatusChange): Promise<LicenseRow> {
  const [inserted] = await insertLicenses(db, [{ license, event }]);
  if (!inserted) throw new LicenseExistsError(license.number);
  return inserted;
}

/** A licence to grant with its history row: what `insertLicense` and `insertLicenses` store. */
export interface LicenseGrant {
  license: NewLicense;
  event: NewLicenseStatusChange;
}

/**
 * Many grants in one transaction, set-based (a bulk import's batch): the licences as one INSERT …
 * ON CONFLICT DO NOTHING, then the history rows and feed events of those inserted. Answers the
 * licences inserted; a number already stored is left out (the caller tells same record from another).
 * Numbers must be distinct within `grants`.
 */
export async function insertLicenses(db: LicensesDb, grants: readonly LicenseGrant[]): Promise<LicenseRow[]> {
  if (grants.length === 0) return [];
  return db.transaction(async (tx) => {
    const inserted = await insertRows(
      tx,
      licenses,
      grants.map((grant) => grant.license),
      { onConflictDoNothing: [licenses.number] },
    );
    const created = new Set(inserted.map((row) => row.number));
    await insertRows(
      tx,
      licenseStatusChanges,
      grants.filter((grant) => created.has(grant.license.number)).map((grant) => grant.event),
      { returning: false },
    );
    await appendLicenseEvents(
      tx,
      inserted.map((row) => licenseEvent('license.granted', row)),
    );
    return inserted;
  });
}

/** What a decision does to a licence: field changes, a successor licence (renewal under a new number), history rows. */
export interface LicenseChange {
  changes: Partial<NewLicense>;
  successor?: NewLicense;
  events: NewLicenseStatusChange[];
}

/**
 * Applies a decision in one transaction, with the licence row locked so that two decisions cannot
 * both start from the same status. `decide` sees the current row and may throw to reject: then
 * nothing is written. Null when no licence has that number.
 */
export async function changeLicense(
  db: LicensesDb,
  number: string,
  decide: (current: LicenseRow) => LicenseChange,
): Promise<{ license: LicenseRow; successor: LicenseRow | null } | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(licenses).where(eq(licenses.number, number)).for('update');
    if (!current) return null;
    const { changes, successor, events } = decide(current);
    let created: LicenseRow | null = null;
    if (successor) {
      [created = null] = await tx.insert(licenses).values(successor).onConflictDoNothing().returning();
      if (!created) throw new LicenseExistsError(successor.number);
    }
    const [updated] = await tx
      .update(licenses)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(licenses.number, number))
      .returning();
    if (events.length) await tx.insert(licenseStatusChanges).values(events);
    if (!updated) throw new Error(`licence ${number} vanished inside its own transaction`);
    await appendLicenseEvents(tx, [
      licenseEvent('license.status_changed', updated),
      ...(created ? [licenseEvent('license.granted', created)] : []),
    ]);
    return { license: updated, successor: created };
  });
}
