import { inRegionPrefix } from '@credit-hub/db';
import { lte, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { VisibilityScope } from './visibility.ts';

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
      return or(lte(columns.publicSince, today), inRegionPrefix(columns.regionCode, scope.regionPrefix));
  }
}
