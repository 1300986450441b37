import { and, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { LicensesDb } from '../db/client.ts';
import { equipmentRegistrations, licenses } from '../db/schema.ts';
import type { LicenseKind } from '../rules/license-kinds.ts';
import { visibleTo } from './sql-conditions.ts';
import type { VisibilityScope } from './visibility.ts';

/**
 * Which of a list of enterprises hold something, as distinct codes: one statement for thousands of
 * codes, so a service joins them in memory instead of reading each enterprise's licences.
 */

/**
 * `column = any($1)` with the codes as one array parameter: drizzle's `inArray` would make 3 000
 * parameters and check each while building the statement, most of a draw's time in this subgraph.
 */
const anyOf = (column: PgColumn, usccs: readonly string[]): SQL =>
  // Cast to the column's own type (char(18)), so its index still serves the comparison.
  sql`${column} = any(${sql.param([...usccs])}::${sql.raw(column.getSQLType())}[])`;

/** Those of `usccs` holding a licence of one of `kinds` in force today (VALID and not past `valid_to`). */
export async function holdersAmong(
  db: LicensesDb,
  usccs: readonly string[],
  kinds: readonly LicenseKind[],
  scope: VisibilityScope,
  today: string,
): Promise<string[]> {
  const conditions: (SQL | undefined)[] = [
    anyOf(licenses.holderUscc, usccs),
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
    anyOf(equipmentRegistrations.userUscc, usccs),
    eq(equipmentRegistrations.status, 'IN_USE'),
    visibleTo(scope, { publicSince: equipmentRegistrations.publishedOn, regionCode: equipmentRegistrations.regionCode }, today),
  ];
  const rows = await db
    .selectDistinct({ uscc: equipmentRegistrations.userUscc })
    .from(equipmentRegistrations)
    .where(and(...conditions));
  return rows.map((row) => row.uscc).sort();
}
