import { appendEvents, type OutboxEvent } from '@credit-hub/subgraph-kit';
import type { LicenseRow } from '../db/schema.ts';

/** Event kinds of the licences outbox. */
export const LICENSE_EVENT_KINDS = ['license.granted', 'license.status_changed'] as const;

/** A licence as the public sees it (双公示 行政许可): no internal notes, recorder or verification notes. */
export const publicLicense = (row: LicenseRow) => ({
  number: row.number,
  kind: row.kind,
  holderUscc: row.holderUscc,
  regionCode: row.regionCode,
  items: row.items,
  issuedOn: row.issuedOn,
  validFrom: row.validFrom,
  validTo: row.validTo,
  authorityName: row.authorityName,
  authorityCode: row.authorityCode,
  status: row.status,
  statusChangedOn: row.statusChangedOn,
  publishedOn: row.publishedOn,
  renews: row.renews,
  renewedBy: row.renewedBy,
});

/**
 * A published licence's change goes to everyone with the public view; one not yet published only
 * to the region's supervisors (full record), so the public feed never shows an unpublished licence.
 */
export function licenseEvent(kind: (typeof LICENSE_EVENT_KINDS)[number], row: LicenseRow): OutboxEvent {
  const base = { kind, uscc: row.holderUscc, region: row.regionCode, effectiveOn: row.statusChangedOn ?? row.issuedOn };
  return row.publishedOn ? { ...base, audience: 'public', payload: publicLicense(row) } : { ...base, audience: 'regulator', payload: row };
}

// biome-ignore lint/suspicious/noExplicitAny: the licences database or one of its transactions
export const appendLicenseEvents = (tx: any, events: OutboxEvent[]) => appendEvents(tx, events);
