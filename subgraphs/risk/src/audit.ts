import type { SubgraphContext } from '@credit-hub/subgraph-kit';
import DataLoader from 'dataloader';
import { type AuditAction, type AuditEntry, appendAuditEntries } from './data/audit-store.ts';
import type { RiskDb } from './db/client.ts';

export interface ReadRecord {
  action: AuditAction;
  usccs?: string[];
  detail?: Record<string, unknown>;
}

export type RequestAudit = (read: ReadRecord) => Promise<void>;

/**
 * The request's audit trail: reads recorded in the same tick (every `creditRisk` of a profile or
 * of 500 entities) become one insert, with the enterprises of a PROFILE read in one row. A class
 * is returned only after its read is written: no audit, no class (fail closed).
 */
export function createRequestAudit(db: RiskDb, base: SubgraphContext): RequestAudit {
  const { caller, requestId } = base;
  const loader = new DataLoader<ReadRecord, void>(
    async (reads) => {
      const profile = [...new Set(reads.filter((read) => read.action === 'PROFILE').flatMap((read) => read.usccs ?? []))];
      const who = { sub: caller.sub, role: caller.role, department: caller.dept, region: caller.region, requestId };
      const entries: AuditEntry[] = [
        ...(profile.length ? [{ ...who, action: 'PROFILE' as const, usccs: profile, detail: {} }] : []),
        ...reads
          .filter((read) => read.action !== 'PROFILE')
          .map((read) => ({ ...who, action: read.action, usccs: read.usccs ?? [], detail: read.detail ?? {} })),
      ];
      await appendAuditEntries(db, entries);
      return reads.map(() => undefined);
    },
    { cache: false },
  );
  return (read) => loader.load(read);
}
