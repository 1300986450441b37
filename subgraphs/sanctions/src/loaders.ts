import { createGroupLoader, createKeyLoader } from '@credit-hub/subgraph-kit';
import { getAbnormalOperationsById, getAbnormalOperationsByUscc } from './data/abnormal-operation-store.ts';
import { getCommitmentsByUscc } from './data/commitment-store.ts';
import { getCreditRepairsByUscc } from './data/credit-repair-store.ts';
import { getHistoryByUscc } from './data/history-store.ts';
import { getObjectionsByUscc } from './data/objection-store.ts';
import { getPenaltiesById, getPenaltiesByUscc } from './data/penalty-store.ts';
import { getSeriousViolationsById, getSeriousViolationsByUscc } from './data/serious-violation-store.ts';
import type { SanctionsDb } from './db/client.ts';

/**
 * Per-request loaders. Everything about an enterprise is loaded by USCC, one statement per kind
 * per request; `asOf`, visibility and per-record lookups (history, objections of one record) are
 * filters over those rows in memory, so the statements never grow with the enterprises asked for.
 */
export function createLoaders(db: SanctionsDb) {
  const byUscc = <T extends { uscc: string }>(fetch: (db: SanctionsDb, usccs: readonly string[]) => Promise<T[]>) =>
    createGroupLoader(
      (usccs: readonly string[]) => fetch(db, usccs),
      (row) => row.uscc,
    );
  const byId = <T extends { id: number }>(fetch: (db: SanctionsDb, ids: readonly number[]) => Promise<T[]>) =>
    createKeyLoader(
      (ids: readonly number[]) => fetch(db, ids),
      (row) => row.id,
    );
  return {
    penalty: byId(getPenaltiesById),
    abnormalOperation: byId(getAbnormalOperationsById),
    seriousViolation: byId(getSeriousViolationsById),
    penalties: byUscc(getPenaltiesByUscc),
    abnormalOperations: byUscc(getAbnormalOperationsByUscc),
    seriousViolations: byUscc(getSeriousViolationsByUscc),
    creditRepairs: byUscc(getCreditRepairsByUscc),
    objections: byUscc(getObjectionsByUscc),
    creditCommitments: byUscc(getCommitmentsByUscc),
    history: byUscc(getHistoryByUscc),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
