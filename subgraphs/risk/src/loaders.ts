import { createGroupLoader } from '@credit-hub/subgraph-kit';
import { getCurrentResultsByUscc } from './data/result-store.ts';
import type { RiskDb } from './db/client.ts';

/**
 * Per-request loaders: every current result of the enterprises a request asks about, all months
 * and sources, in one statement; the month, precedence and history are picked in memory.
 */
export function createLoaders(db: RiskDb) {
  return {
    results: createGroupLoader(
      (usccs: readonly string[]) => getCurrentResultsByUscc(db, usccs),
      (row) => row.uscc,
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
