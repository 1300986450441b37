import { divisionPrefix } from '@credit-hub/uscc';
import { and, gte, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** The numerically next prefix: '1408' → '1409', so a division prefix becomes an index range. */
const nextPrefix = (prefix: string) => String(Number(prefix) + 1).padStart(prefix.length, '0');

/** Rows whose 6-digit region code lies in `region` (140000 = all of Shanxi, 140800 = Yuncheng). */
export function inRegion(column: PgColumn, region: string): SQL {
  const prefix = divisionPrefix(region);
  return and(gte(column, prefix), lt(column, nextPrefix(prefix))) as SQL;
}

/** Accepts 14, 1408, 140802 or 140000/140800 and returns the 6-digit code it means. */
export function normalizeRegionArgument(code: string): string | null {
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(code)) return null;
  return code.padEnd(6, '0');
}
