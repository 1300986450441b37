import { addDays, addYears } from '@credit-hub/workdays';
import type { LicenseRow, LicenseStatusChangeRow } from '../db/schema.ts';
import type { LicenseRules } from './config.ts';
import { effectiveStatus } from './license-status-rules.ts';

export interface LicenseSummary {
  total: number;
  valid: number;
  expiringSoon: number;
  expired: number;
  suspended: number;
  revoked: number;
  /** Licences suspended or revoked by a decision within the look-back window (what the risk model weighs). */
  suspendedOrRevokedRecently: number;
  expiringSoonDays: number;
  lookbackYears: number;
}

/** At-a-glance counts over the licences a caller may see, from rows already loaded (no extra SQL). */
export function summarizeLicenses(
  licenses: readonly Pick<LicenseRow, 'number' | 'status' | 'validTo'>[],
  changes: readonly Pick<LicenseStatusChangeRow, 'licenseNumber' | 'toStatus' | 'decidedOn'>[],
  today: string,
  rules: Pick<LicenseRules, 'expiringSoonDays' | 'sanctionLookbackYears'>,
): LicenseSummary {
  const soon = addDays(today, rules.expiringSoonDays);
  const since = addYears(today, -rules.sanctionLookbackYears);
  const numbers = new Set(licenses.map((license) => license.number));
  const sanctioned = new Set(
    changes
      .filter((c) => numbers.has(c.licenseNumber) && (c.toStatus === 'SUSPENDED' || c.toStatus === 'REVOKED') && c.decidedOn >= since)
      .map((c) => c.licenseNumber),
  );
  const statuses = licenses.map((license) => ({ status: effectiveStatus(license, today), validTo: license.validTo }));
  return {
    total: licenses.length,
    valid: statuses.filter((s) => s.status === 'VALID').length,
    expiringSoon: statuses.filter((s) => s.status === 'VALID' && s.validTo <= soon).length,
    expired: statuses.filter((s) => s.status === 'EXPIRED').length,
    suspended: statuses.filter((s) => s.status === 'SUSPENDED').length,
    revoked: statuses.filter((s) => s.status === 'REVOKED').length,
    suspendedOrRevokedRecently: sanctioned.size,
    expiringSoonDays: rules.expiringSoonDays,
    lookbackYears: rules.sanctionLookbackYears,
  };
}
