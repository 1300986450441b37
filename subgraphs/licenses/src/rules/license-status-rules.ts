import { addDays, addYears } from '@credit-hub/workdays';
import type { LicenseRow, StoredLicenseStatus } from '../db/schema.ts';
import type { LicenseStatus } from './license-kinds.ts';

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

export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** 延续 Renewal must be applied for `leadMonths` before expiry (TSG 07: 6 months). */
export const renewalDueOn = (validTo: string, leadMonths: number) => addMonths(validTo, -leadMonths);
