/**
 * What the model knows about one enterprise, read from the subgraphs that own it (enterprises,
 * licenses, sanctions, inspections) through the gateway with a service token. Never read from their tables.
 */
export interface EnterpriseRiskFacts {
  uscc: string;
  regionCode: string;
  /** Registration status: ACTIVE, REVOKED (营业执照被吊销), DEREGISTERED, MOVED_OUT. */
  status: string;
  establishedOn: string;
  keyDomains: string[];
  /** Closed annual-report years with no report, and years reported late (last five windows). */
  missingAnnualReports: number;
  lateAnnualReports: number;
  /** Licences past their validity and not cancelled. */
  expiredLicences: number;
  /** Licences suspended or revoked by a decision within the licences subgraph's look-back (3 years). */
  suspendedOrRevokedLicences: number;
  /** Days on which a licence of the enterprise was revoked (吊销许可证). */
  licenceRevocations: string[];
  /** Penalties in force (revoked decisions excluded). */
  penalties: { decidedOn: string; fineAmount: number; types: string[] }[];
  currentlyAbnormal: boolean;
  currentlySerious: boolean;
  /** Inspections of the last 3 years that found a problem (incl. 不合格 sampling tests), and refused or obstructed ones. */
  failedInspections: number;
  refusedInspections: number;
}

/** Whole months from `from` to `to` (dates as YYYY-MM-DD); negative when `from` is later. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
