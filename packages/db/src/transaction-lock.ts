import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

// biome-ignore lint/suspicious/noExplicitAny: any database or transaction of any table set
type Executor = Pick<PgDatabase<PgQueryResultHKT, any>, 'execute'>;

/**
 * Serialises transactions that read, decide and replace (a task's draft 双随机 draw, unless one
 * is confirmed), which no unique index expresses; a natural key is better held by a unique index
 * and `ON CONFLICT DO NOTHING`, as the listings and penalties are. A transaction-scoped advisory
 * lock on `key`, released at commit or rollback. Checks made after it see every write of a transaction that held it first,
 * so two concurrent identical writes yield one record and one refusal instead of two records.
 * PGlite has a single connection and takes the lock trivially; PostgreSQL really waits.
 */
export async function lockForTransaction(executor: Executor, key: string): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
