import { inRegionPrefix } from '@credit-hub/db';
import { divisionPrefix } from '@credit-hub/uscc';
import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Rows whose 6-digit region code lies in `region` (140000 = all of Shanxi, 140800 = Yuncheng). */
export const inRegion = (column: PgColumn, region: string): SQL => inRegionPrefix(column, divisionPrefix(region));
