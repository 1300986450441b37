import { bulkRoute, type RouteHandler, type TokenVerifier } from '@credit-hub/subgraph-kit';
import { readLicenseWithdrawalPage, readPublicLicensePage } from './data/license-bulk-store.ts';
import type { LicensesDb } from './db/client.ts';

/**
 * Service-only bulk pages for the exchange's 双公示 snapshot export: published licences and the
 * withdrawal list, in licence number order, judged as of `today` like every public read.
 */
export function licensesBulkRoutes(db: LicensesDb, today: () => string) {
  return (verify: TokenVerifier): Record<string, RouteHandler> => ({
    '/bulk/licenses': bulkRoute(verify, ({ after, limit }) => readPublicLicensePage(db, { after, limit, today: today() }), 'number'),
    '/bulk/license-withdrawals': bulkRoute(
      verify,
      ({ after, limit }) => readLicenseWithdrawalPage(db, { after, limit, today: today() }),
      'reference',
    ),
  });
}
