import { type BulkRows, bulkRowsOf } from '@credit-hub/subgraph-kit';
import { and, asc, eq, gt, isNotNull, lte, ne, type SQL, sql } from 'drizzle-orm';
import type { LicensesDb } from '../db/client.ts';
import { licenseStatusChanges, licenses } from '../db/schema.ts';
import { publicLicense } from './outbox-events.ts';

/** A page request of the service-only bulk routes: licence numbers after `after`, in order. */
export interface LicenseBulkRequest {
  after: string | null;
  limit: number;
  today: string;
}

const afterKey = (after: string | null): SQL[] => (after === null ? [] : [gt(licenses.number, after)]);
/** Published (公示) on or before today, as `isPublic` judges one licence. */
const published = (today: string) => and(isNotNull(licenses.firstPublishedOn), lte(licenses.firstPublishedOn, today)) as SQL;

/** 行政许可决定文书号 of the latest grant or renewal: the licence row does not carry it. */
const decisionReference = sql<string | null>`(
  select ${licenseStatusChanges.decisionReference} from ${licenseStatusChanges}
  where ${licenseStatusChanges.licenseNumber} = ${licenses.number} and ${licenseStatusChanges.action} in ('GRANTED', 'RENEWED')
  order by ${licenseStatusChanges.decidedOn} desc, ${licenseStatusChanges.id} desc limit 1)`;

/**
 * Published licences as the platform sees them, in licence number order (the primary key), in the
 * shape of the feed's public licence plus the decision reference. A revoked licence (撤销: the
 * decision is void) is on the withdrawal list instead.
 */
type PublicLicensePageRow = ReturnType<typeof publicLicense> & { decisionReference: string | null };
/** The public licence's fields (publicLicense) and the decision reference, as bulk row columns. */
const PUBLIC_LICENSE_COLUMNS: (keyof PublicLicensePageRow)[] = [
  'number',
  'kind',
  'holderUscc',
  'regionCode',
  'items',
  'issuedOn',
  'validFrom',
  'validTo',
  'authorityName',
  'authorityCode',
  'status',
  'statusChangedOn',
  'publishedOn',
  'renews',
  'renewedBy',
  'decisionReference',
];

export async function readPublicLicensePage(db: LicensesDb, request: LicenseBulkRequest): Promise<BulkRows> {
  const rows = await db
    .select({ licence: licenses, decisionReference })
    .from(licenses)
    .where(and(published(request.today), ne(licenses.status, 'REVOKED'), ...afterKey(request.after)))
    .orderBy(asc(licenses.number))
    .limit(request.limit);
  return bulkRowsOf(
    PUBLIC_LICENSE_COLUMNS,
    rows.map((row): PublicLicensePageRow => ({ ...publicLicense(row.licence), decisionReference: row.decisionReference })),
  );
}

/** Published licences whose decision was revoked (撤销), for the withdrawal list. */
export async function readLicenseWithdrawalPage(db: LicensesDb, request: LicenseBulkRequest): Promise<BulkRows> {
  const rows = await db
    .select({ number: licenses.number, uscc: licenses.holderUscc, on: licenses.statusChangedOn })
    .from(licenses)
    .where(and(published(request.today), eq(licenses.status, 'REVOKED'), ...afterKey(request.after)))
    .orderBy(asc(licenses.number))
    .limit(request.limit);
  return {
    columns: ['reference', 'uscc', 'reason', 'on'],
    rows: rows.map((row) => [row.number, row.uscc, 'REVOKED', row.on]),
  };
}
