import { and, gte, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** The numerically next prefix: '1408' → '1409'. */
const nextPrefix = (prefix: string) => String(Number(prefix) + 1).padStart(prefix.length, '0');

/**
 * Rows whose 6-digit division code starts with `prefix` ('14' Shanxi, '1408' Yuncheng), as a
 * range so a plain btree index serves it under any collation (LIKE 'x%' needs text_pattern_ops).
 */
export function inRegionPrefix(column: PgColumn, prefix: string): SQL {
  return and(gte(column, prefix), lt(column, nextPrefix(prefix))) as SQL;
}
