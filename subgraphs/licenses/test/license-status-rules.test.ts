import { addMonths, registerHolidayYear, unregisterHolidayYear } from '@credit-hub/workdays';
import { describe, expect, it } from 'vitest';
import type { StoredLicenseStatus } from '../src/db/schema.ts';
import { DEFAULT_LICENSE_RULES } from '../src/rules/config.ts';
import {
  defaultValidTo,
  effectiveStatus,
  renewalDue,
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

  const rules = DEFAULT_LICENSE_RULES;
  it.each([
    ['2027-08-31', '2027-02-28'],
    ['2027-06-30', '2026-12-30'],
    ['2028-08-31', '2028-02-29'],
  ])('special equipment valid to %s: renewal due 6 months before, %s (TSG 07)', (validTo, due) => {
    expect(renewalDueOn({ kind: 'SPECIAL_EQUIPMENT_PRODUCTION', validTo, issuedOn: '2024-01-02' }, rules)).toBe(due);
  });

  it.each([
    // 30 working days before the last day, on the official calendar (National Day 1–7 Oct 2026, Sat 10 Oct worked).
    ['2026-11-30', '2026-10-19'],
    ['2026-11-13', '2026-09-28'],
    ['2026-06-30', '2026-05-18'],
  ])('food production valid to %s: apply 30 working days before, by %s (not 6 months)', (validTo, due) => {
    const explained = renewalDue({ kind: 'FOOD_PRODUCTION', validTo, issuedOn: '2021-07-01' }, rules);
    expect(explained).toMatchObject({
      date: due,
      provisional: false,
      rule: { code: 'FOOD_LICENCE_RENEWAL', value: 30, unit: 'WORKING_DAYS' },
    });
  });

  it('marks a food renewal date counted through 2027 as provisional (2027 holiday notice not loaded)', () => {
    const explained = renewalDue({ kind: 'FOOD_PRODUCTION', validTo: '2027-02-26', issuedOn: '2022-02-27' }, rules);
    expect(explained.provisional).toBe(true);
    expect(explained.note).toContain('2027');
  });

  it('stops being provisional once the year is loaded as data', () => {
    const year = {
      year: 2098,
      notice: '测试',
      holidays: Object.fromEntries(['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2098-10-${d}`, '国庆节'])),
      workdays: {},
    };
    expect(renewalDue({ kind: 'FOOD_PRODUCTION', validTo: '2098-11-30', issuedOn: '2093-12-01' }, rules).provisional).toBe(true);
    registerHolidayYear(year);
    try {
      expect(renewalDue({ kind: 'FOOD_PRODUCTION', validTo: '2098-11-30', issuedOn: '2093-12-01' }, rules).provisional).toBe(false);
    } finally {
      unregisterHolidayYear(2098);
    }
  });

  it('adds months forward with month-end clamping', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-21', 6)).toBe('2027-05-21');
  });
});
