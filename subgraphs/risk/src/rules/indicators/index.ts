import type { IndicatorDefinition } from '../model.ts';
import { abnormalListing } from './abnormal-listing.ts';
import { annualReportLate } from './annual-report-late.ts';
import { annualReportMissing } from './annual-report-missing.ts';
import { enterpriseAge } from './enterprise-age.ts';
import { inspectionResults } from './inspection-results.ts';
import { keyDomain } from './key-domain.ts';
import { licenceExpired } from './licence-expired.ts';
import { licenceSanctions } from './licence-sanctions.ts';
import { penaltiesRecent } from './penalties-recent.ts';
import { penaltySeverity } from './penalty-severity.ts';
import { registrationStatus } from './registration-status.ts';
import { seriousListing } from './serious-listing.ts';

/** The catalogue a model file picks its indicators from, by key. */
export const INDICATORS: ReadonlyMap<string, IndicatorDefinition> = new Map(
  [
    enterpriseAge,
    registrationStatus,
    annualReportMissing,
    annualReportLate,
    keyDomain,
    licenceSanctions,
    licenceExpired,
    penaltiesRecent,
    penaltySeverity,
    abnormalListing,
    seriousListing,
    inspectionResults,
  ].map((indicator) => [indicator.key, indicator]),
);
