import { createGroupLoader, createKeyLoader } from '@credit-hub/subgraph-kit';
import { getAnnualReportsByUscc } from './data/annual-report-store.ts';
import { getCreditCommitmentsByUscc } from './data/credit-commitment-store.ts';
import { getEnterpriseFactsByUscc, getEnterprisesByUscc, getFormerNamesByUscc } from './data/enterprise-store.ts';
import type { EnterprisesDb } from './db/client.ts';

/** Per-request loaders: every list and reference resolves in one statement per kind per request. */
export function createLoaders(db: EnterprisesDb) {
  return {
    enterprise: createKeyLoader(
      (usccs: readonly string[]) => getEnterprisesByUscc(db, usccs),
      (row) => row.uscc,
    ),
    /** Code, status and region only (see getEnterpriseFactsByUscc). */
    enterpriseFacts: createKeyLoader(
      (usccs: readonly string[]) => getEnterpriseFactsByUscc(db, usccs),
      (row) => row.uscc,
    ),
    formerNames: createGroupLoader(
      (usccs: readonly string[]) => getFormerNamesByUscc(db, usccs),
      (row) => row.uscc,
    ),
    annualReports: createGroupLoader(
      (usccs: readonly string[]) => getAnnualReportsByUscc(db, usccs),
      (row) => row.uscc,
    ),
    creditCommitments: createGroupLoader(
      (usccs: readonly string[]) => getCreditCommitmentsByUscc(db, usccs),
      (row) => row.uscc,
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
