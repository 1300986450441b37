import { describe, expect, it } from 'vitest';
import type { StoredLicenseStatus } from '../src/db/schema.ts';
import {
  addMonths,
  defaultValidTo,
  effectiveStatus,
  renewalDueOn,
  STATUS_ACTIONS,
  transitionProblem,
} from '../src/rules/license-status-rules.ts';

describe('licence status follows the date', () => {
  it.each<[StoredLicenseStatus, string, string, string]>([
    ['VALID', '2026-11-21', '2026-11-21', 'VALID'],
    ['VALID', '2026-11-20', '2026-11-21', 'EXPIRED'],
    ['SUSPENDED', '2020-01-01', '2026-11-21', 'SUSPENDED'],
    ['REVOKED', '2030-01-01', '2026-11-21', 'REVOKED'],
    ['CANCELLED', '2020-01-01', '2026-11-21', 'CANCELLED'],
  ])('%s valid to %s read on %s → %s', (status, validTo, today, expected) => {
    expect(effectiveStatus({ status, validTo }, today)).toBe(expected);
  });
});

describe('status decisions', () => {
  const allowed: Record<string, string[]> = {
    VALID: ['SUSPEND', 'REVOKE', 'CANCEL', 'WITHDRAW'],
    SUSPENDED: ['REINSTATE', 'REVOKE', 'CANCEL', 'WITHDRAW'],
    EXPIRED: ['CANCEL', 'WITHDRAW'],
    REVOKED: [],
    CANCELLED: [],
    WITHDRAWN: [],
  };
  for (const [from, actions] of Object.entries(allowed)) {
    it.each(STATUS_ACTIONS.map((action) => [action, actions.includes(action)] as const))(`from ${from}: %s allowed=%s`, (action, ok) => {
      expect(transitionProblem(from as never, action) === null).toBe(ok);
    });
  }
});

describe('validity and renewal dates', () => {
  it.each([
    ['2026-03-01', 5, '2031-02-28'],
    ['2024-02-29', 4, '2028-02-28'],
    ['2026-01-01', 4, '2029-12-31'],
  ])('valid from %s for %i years ends %s', (from, years, to) => {
    expect(defaultValidTo(from, years)).toBe(to);
  });

  it.each([
    ['2027-08-31', 6, '2027-02-28'],
    ['2027-06-30', 6, '2026-12-30'],
    ['2028-08-31', 6, '2028-02-29'],
  ])('valid to %s, lead %i months: renewal due %s', (validTo, months, due) => {
    expect(renewalDueOn(validTo, months)).toBe(due);
  });

  it('adds months forward with month-end clamping', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-21', 6)).toBe('2027-05-21');
  });
});
