import { and, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { VisibilityScope } from './visibility.ts';

/** The numerically next prefix: '1408' → '1409', so a division prefix becomes an index range. */
const nextPrefix = (prefix: string) => String(Number(prefix) + 1).padStart(prefix.length, '0');

export const inRegion = (column: PgColumn, prefix: string): SQL => and(gte(column, prefix), lt(column, nextPrefix(prefix))) as SQL;

/** The SQL twin of `callerSeesRecord`, so searches never return what the caller could not read. */
export function visibleTo(
  scope: VisibilityScope,
  columns: { publicSince: PgColumn; regionCode: PgColumn },
  today: string,
): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'published':
      return lte(columns.publicSince, today);
    case 'publishedOrRegion':
      return or(lte(columns.publicSince, today), inRegion(columns.regionCode, scope.regionPrefix));
  }
}
