import { describe, expect, it } from 'vitest';
import { DEFAULT_LICENSE_RULES } from '../src/rules/config.ts';
import { summarizeLicenses } from '../src/rules/license-summary-rules.ts';

describe('licence summary', () => {
  it('counts valid, expiring within 90 days, and suspended or revoked in the last 3 years', () => {
    const today = '2026-11-21';
    const licenses = [
      { number: 'A', status: 'VALID' as const, validTo: '2029-01-01' },
      { number: 'B', status: 'VALID' as const, validTo: '2027-02-19' },
      { number: 'C', status: 'VALID' as const, validTo: '2027-02-20' },
      { number: 'D', status: 'VALID' as const, validTo: '2026-11-20' },
      { number: 'E', status: 'SUSPENDED' as const, validTo: '2028-01-01' },
      { number: 'F', status: 'REVOKED' as const, validTo: '2028-01-01' },
    ];
    const changes = [
      { licenseNumber: 'A', toStatus: 'SUSPENDED' as const, decidedOn: '2024-01-10' },
      { licenseNumber: 'A', toStatus: 'VALID' as const, decidedOn: '2024-03-10' },
      { licenseNumber: 'E', toStatus: 'SUSPENDED' as const, decidedOn: '2023-11-20' },
      { licenseNumber: 'F', toStatus: 'REVOKED' as const, decidedOn: '2023-11-21' },
      { licenseNumber: 'Z', toStatus: 'REVOKED' as const, decidedOn: '2026-01-01' },
    ];
    expect(summarizeLicenses(licenses, changes, today, DEFAULT_LICENSE_RULES)).toEqual({
      total: 6,
      valid: 3,
      expiringSoon: 1,
      expired: 1,
      suspended: 1,
      revoked: 1,
      // A (reinstated since, still counts) and F; E is one day outside the window; Z is not visible.
      suspendedOrRevokedRecently: 2,
      expiringSoonDays: 90,
      lookbackYears: 3,
    });
  });
});
