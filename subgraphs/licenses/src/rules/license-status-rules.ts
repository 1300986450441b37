import { type ComputedDate, computedDate } from '@credit-hub/subgraph-kit';
import { addDays, addMonths, addYears, workingDayDeadline, workingDaysBefore } from '@credit-hub/workdays';
import type { LicenseRow, StoredLicenseStatus } from '../db/schema.ts';
import { licenseRule } from './catalogue.ts';
import type { LicenseRules } from './config.ts';
import type { LicenseKind, LicenseStatus } from './license-kinds.ts';

/** Expiry follows the date: a VALID licence whose last day has passed reads as EXPIRED. */
export function effectiveStatus(license: Pick<LicenseRow, 'status' | 'validTo'>, today: string): LicenseStatus {
  return license.status === 'VALID' && license.validTo < today ? 'EXPIRED' : license.status;
}

export const STATUS_ACTIONS = ['SUSPEND', 'REINSTATE', 'REVOKE', 'CANCEL', 'WITHDRAW'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/**
 * 暂扣 suspend, 恢复 reinstate, 吊销 revoke (a penalty), 注销 cancel (the licence ends, e.g. expired
 * and not renewed, or the holder asked), 撤销 withdraw (it should never have been granted).
 */
export const STATUS_TRANSITIONS: Record<StatusAction, { to: StoredLicenseStatus; from: readonly LicenseStatus[] }> = {
  SUSPEND: { to: 'SUSPENDED', from: ['VALID'] },
  REINSTATE: { to: 'VALID', from: ['SUSPENDED'] },
  REVOKE: { to: 'REVOKED', from: ['VALID', 'SUSPENDED'] },
  CANCEL: { to: 'CANCELLED', from: ['VALID', 'SUSPENDED', 'EXPIRED'] },
  WITHDRAW: { to: 'WITHDRAWN', from: ['VALID', 'SUSPENDED', 'EXPIRED'] },
};

export const ACTION_EVENTS = {
  SUSPEND: 'SUSPENDED',
  REINSTATE: 'REINSTATED',
  REVOKE: 'REVOKED',
  CANCEL: 'CANCELLED',
  WITHDRAW: 'WITHDRAWN',
} as const satisfies Record<StatusAction, string>;

/** Why `action` cannot apply to a licence in `current` status, or null when it can. */
export function transitionProblem(current: LicenseStatus, action: StatusAction): string | null {
  const { from } = STATUS_TRANSITIONS[action];
  return from.includes(current) ? null : `cannot ${action.toLowerCase()} a licence that is ${current} (allowed from ${from.join(', ')})`;
}

/** Last day of validity: validity counts whole years from the first day (2026-03-01 + 5 y → 2031-02-28). */
export const defaultValidTo = (validFrom: string, years: number) => addDays(addYears(validFrom, years), -1);

/**
 * 延续: the last day to apply for renewal. Food production: 30 working days before expiry
 * (食品生产许可管理办法), counted on the official calendar and provisional when it runs through a
 * year whose holiday notice is not loaded; other licences: months before expiry (TSG 07: 6).
 */
export function renewalDue(license: { kind: LicenseKind; validTo: string; issuedOn: string }, rules: LicenseRules): ComputedDate {
  if (license.kind === 'FOOD_PRODUCTION') {
    const rule = licenseRule(rules, 'FOOD_LICENCE_RENEWAL', license.issuedOn);
    const due = workingDaysBefore(license.validTo, Number(rule.value));
    const note = due.provisional
      ? `${due.unknownYears.join('、')} 年节假日安排未载入：按周一至周五暂计 Holiday notice not loaded: counted Monday–Friday`
      : null;
    return computedDate(due.date, rule, due.provisional, note);
  }
  const rule = licenseRule(rules, 'LICENCE_RENEWAL_LEAD', license.issuedOn);
  return computedDate(addMonths(license.validTo, -Number(rule.value)), rule);
}

export const renewalDueOn = (license: { kind: LicenseKind; validTo: string; issuedOn: string }, rules: LicenseRules) =>
  renewalDue(license, rules).date ?? license.validTo;

/**
 * The latest expiry whose renewal is due by `dueBy`, per kind: expiring licences are those with
 * validTo ≤ this bound (food counts working days forward, the others months).
 */
export function expiryBoundsForRenewalDueBy(dueBy: string, rules: LicenseRules) {
  return {
    food: workingDayDeadline(dueBy, rules.foodRenewalWorkingDays).date,
    other: addMonths(dueBy, rules.renewalLeadMonths),
  };
}
