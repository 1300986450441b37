import { type ComputedDate, computedDate } from '@credit-hub/subgraph-kit';
import { workingDayDeadline } from '@credit-hub/workdays';
import { type LicenseRuleCode, licenseRule } from './catalogue.ts';
import type { LicenseRules } from './config.ts';

export interface Publication {
  decidedOn: string;
  publishedOn: string | null;
  dualPublicationDeadline: string;
  nationalPublicationDeadline: string;
  lateForDualPublication: boolean;
  lateForNationalPublication: boolean;
  /** The official holiday table covers every day counted; otherwise the deadlines are provisional. */
  calendarCovered: boolean;
  dualPublicationDeadlineExplanation: ComputedDate;
  nationalPublicationDeadlineExplanation: ComputedDate;
}

/** Late when published after the deadline, or still unpublished once the deadline has passed. */
const isLate = (deadline: string, publishedOn: string | null, today: string) =>
  publishedOn === null ? today > deadline : publishedOn > deadline;

/** A publication deadline of a decision with the rule version in force that day (exported for the timeliness aggregate). */
export function deadline(code: LicenseRuleCode, decidedOn: string, rules: LicenseRules): ComputedDate {
  const rule = licenseRule(rules, code, decidedOn);
  const counted = workingDayDeadline(decidedOn, Number(rule.value));
  const note = counted.provisional
    ? `${counted.unknownYears.join('、')} 年节假日安排未载入：按周一至周五暂计 Holiday notice for ${counted.unknownYears.join(', ')} not loaded: counted Monday–Friday`
    : null;
  return computedDate(counted.date, rule, counted.provisional, note);
}

/**
 * Deadlines in working days of the official calendar (holidays and 调休 make-up days), the day of
 * the decision being day 0: 7 for 双公示, 20 for the national publicity system.
 */
export function publicationOf(decidedOn: string, publishedOn: string | null, today: string, rules: LicenseRules): Publication {
  const dual = deadline('DUAL_PUBLICATION_DEADLINE', decidedOn, rules);
  const national = deadline('NATIONAL_PUBLICATION_DEADLINE', decidedOn, rules);
  const dualDate = dual.date ?? decidedOn;
  const nationalDate = national.date ?? decidedOn;
  return {
    decidedOn,
    publishedOn,
    dualPublicationDeadline: dualDate,
    nationalPublicationDeadline: nationalDate,
    lateForDualPublication: isLate(dualDate, publishedOn, today),
    lateForNationalPublication: isLate(nationalDate, publishedOn, today),
    calendarCovered: !dual.provisional && !national.provisional,
    dualPublicationDeadlineExplanation: dual,
    nationalPublicationDeadlineExplanation: national,
  };
}
