import { and, eq, gte, inArray, type SQL } from 'drizzle-orm';
import type { LicensesDb } from '../db/client.ts';
import { equipmentRegistrations, licenses } from '../db/schema.ts';
import type { LicenseKind } from '../rules/license-kinds.ts';
import { visibleTo } from './sql-conditions.ts';
import type { VisibilityScope } from './visibility.ts';

/**
 * Which of a list of enterprises hold something, as distinct codes: one statement for thousands of
 * codes, so a service joins them in memory instead of reading each enterprise's licences.
 */

/** Those of `usccs` holding a licence of one of `kinds` in force today (VALID and not past `valid_to`). */
export async function holdersAmong(
  db: LicensesDb,
  usccs: readonly string[],
  kinds: readonly LicenseKind[],
  scope: VisibilityScope,
  today: string,
): Promise<string[]> {
  const conditions: (SQL | undefined)[] = [
    inArray(licenses.holderUscc, [...usccs]),
    inArray(licenses.kind, [...kinds]),
    eq(licenses.status, 'VALID'),
    gte(licenses.validTo, today),
    visibleTo(scope, { publicSince: licenses.firstPublishedOn, regionCode: licenses.regionCode }, today),
  ];
  const rows = await db
    .selectDistinct({ uscc: licenses.holderUscc })
    .from(licenses)
    .where(and(...conditions));
  return rows.map((row) => row.uscc).sort();
}

/** Those of `usccs` that are user units (使用单位) of special equipment registered in use. */
export async function equipmentUsersAmong(
  db: LicensesDb,
  usccs: readonly string[],
  scope: VisibilityScope,
  today: string,
): Promise<string[]> {
  const conditions: (SQL | undefined)[] = [
    inArray(equipmentRegistrations.userUscc, [...usccs]),
    eq(equipmentRegistrations.status, 'IN_USE'),
    visibleTo(scope, { publicSince: equipmentRegistrations.publishedOn, regionCode: equipmentRegistrations.regionCode }, today),
  ];
  const rows = await db
    .selectDistinct({ uscc: equipmentRegistrations.userUscc })
    .from(equipmentRegistrations)
    .where(and(...conditions));
  return rows.map((row) => row.uscc).sort();
}
