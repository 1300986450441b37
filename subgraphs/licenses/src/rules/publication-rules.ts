import { addWorkingDays, isCovered } from '@credit-hub/workdays';
import type { LicenseRules } from './config.ts';

export interface Publication {
  decidedOn: string;
  publishedOn: string | null;
  doublePublicityDeadline: string;
  nationalPublicityDeadline: string;
  lateForDoublePublicity: boolean;
  lateForNationalPublicity: boolean;
  /** The official holiday table covers every day counted; otherwise Monday–Friday was assumed. */
  calendarCovered: boolean;
}

/** Late when published after the deadline, or still unpublished once the deadline has passed. */
const isLate = (deadline: string, publishedOn: string | null, today: string) =>
  publishedOn === null ? today > deadline : publishedOn > deadline;

/**
 * Deadlines in working days of the official calendar (holidays and 调休 make-up days), the day of
 * the decision being day 0: 7 for 双公示, 20 for the national publicity system.
 */
export function publicationOf(
  decidedOn: string,
  publishedOn: string | null,
  today: string,
  rules: Pick<LicenseRules, 'doublePublicityWorkingDays' | 'nationalPublicityWorkingDays'>,
): Publication {
  const doublePublicityDeadline = addWorkingDays(decidedOn, rules.doublePublicityWorkingDays);
  const nationalPublicityDeadline = addWorkingDays(decidedOn, rules.nationalPublicityWorkingDays);
  return {
    decidedOn,
    publishedOn,
    doublePublicityDeadline,
    nationalPublicityDeadline,
    lateForDoublePublicity: isLate(doublePublicityDeadline, publishedOn, today),
    lateForNationalPublicity: isLate(nationalPublicityDeadline, publishedOn, today),
    calendarCovered: isCovered(decidedOn) && isCovered(nationalPublicityDeadline),
  };
}
