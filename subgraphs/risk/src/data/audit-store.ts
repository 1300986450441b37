import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { RiskExecutor } from '../db/client.ts';
import { type AuditRow, auditLog } from '../db/schema.ts';

export type AuditAction = 'PROFILE' | 'DISTRIBUTION' | 'ENTERPRISES' | 'CHANGES' | 'RUNS' | 'IMPORT';

export interface AuditEntry {
  sub: string;
  role: string;
  department: string | null;
  region: string | null;
  requestId: string | null;
  action: AuditAction;
  usccs: string[];
  detail: Record<string, unknown>;
}

/** One statement for all entries of a request. */
export async function appendAuditEntries(db: RiskExecutor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values([...entries]);
}

export interface AuditFilter {
  uscc?: string | undefined;
  sub?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  limit: number;
}

/** Newest first, keyset on the id. */
export function listAuditEntries(db: RiskExecutor, filter: AuditFilter): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.uscc ? sql`${auditLog.usccs} @> array[${filter.uscc}]::text[]` : undefined,
        filter.sub ? eq(auditLog.sub, filter.sub) : undefined,
        filter.from ? gte(auditLog.at, filter.from) : undefined,
        filter.to ? lte(auditLog.at, filter.to) : undefined,
        filter.before ? lt(auditLog.id, filter.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
