import { bulkRoute, type RouteHandler, type TokenVerifier } from '@credit-hub/subgraph-kit';
import { readPenaltyWithdrawalPage, readPublicPenaltyPage } from './data/penalty-bulk-store.ts';
import type { SanctionsDb } from './db/client.ts';

/**
 * Service-only bulk pages for the exchange's 双公示 snapshot export: published penalties and the
 * withdrawal list, in decision number order, judged as of `today` like every public read.
 */
export function sanctionsBulkRoutes(db: SanctionsDb, today: () => string) {
  return (verify: TokenVerifier): Record<string, RouteHandler> => ({
    '/bulk/penalties': bulkRoute(
      verify,
      ({ after, limit }) => readPublicPenaltyPage(db, { after, limit, today: today() }),
      'decisionNumber',
    ),
    '/bulk/penalty-withdrawals': bulkRoute(
      verify,
      ({ after, limit }) => readPenaltyWithdrawalPage(db, { after, limit, today: today() }),
      'reference',
    ),
  });
}
