import { dayAfterPeriod } from './calendar-periods.ts';
import type { SanctionRules } from './config.ts';
import { seriousEarlyRemovalFrom, seriousPublicUntil } from './listing-periods.ts';
import { KEY_REPAIR_DOMAINS, type PenaltyType, type SanctionDomain, UNREPAIRABLE_PENALTY_TYPES } from './penalty-types.ts';
import { isWarningOnly, type PenaltyState } from './publication-period.ts';

export type RepairTargetKind = 'PENALTY' | 'ABNORMAL_OPERATION' | 'SERIOUS_VIOLATION';

/** Why a repair cannot be granted today. */
export type IneligibilityReason =
  | 'EXCLUDED_PENALTY_TYPE'
  | 'NEVER_PUBLISHED'
  | 'NOT_YET_PUBLISHED'
  | 'MINIMUM_PERIOD_NOT_MET'
  | 'PUBLICATION_ENDED'
  | 'REVOKED'
  | 'ALREADY_REPAIRED'
  | 'CAUSE_NOT_CURED'
  | 'OBLIGATIONS_NOT_FULFILLED';

export interface RepairEligibility {
  eligible: boolean;
  /** First day the time rule allows a repair; null when no day ever will. */
  eligibleFrom: string | null;
  reasons: IneligibilityReason[];
}

export type RepairSubject =
  | {
      kind: 'PENALTY';
      penaltyTypes: readonly PenaltyType[];
      caseDomain: SanctionDomain;
      publishedOn: string | null;
      publicUntil: string | null;
      state: PenaltyState;
      repairedOn: string | null;
    }
  | { kind: 'ABNORMAL_OPERATION'; listedOn: string; removedOn: string | null; revokedOn: string | null; repairedOn: string | null }
  | { kind: 'SERIOUS_VIOLATION'; listedOn: string; removedOn: string | null; revokedOn: string | null; repairedOn: string | null };

const result = (eligibleFrom: string | null, reasons: IneligibilityReason[]): RepairEligibility => ({
  eligible: reasons.length === 0,
  eligibleFrom,
  reasons,
});

/** Minimum months a penalty is published before repair: 1 year in food, drug and special-equipment cases. */
export const repairMinimumMonths = (domain: SanctionDomain, rules: SanctionRules) =>
  KEY_REPAIR_DOMAINS.has(domain) ? rules.repairMinimumMonthsKeyDomains : rules.repairMinimumMonths;

/**
 * 信用修复 eligibility on `today` (市场监督管理信用修复管理办法, DOMAIN.md):
 * - penalty: published for the full minimum (6 months; 12 in food, drug, special equipment), still
 *   published (once publication has ended there is nothing to stop), none of the excluded types,
 *   the penalty's obligations fulfilled;
 * - abnormal operation: the cause cured, i.e. the listing removed;
 * - serious violation: a full year on the list, still listed, obligations fulfilled; approval
 *   removes it early.
 */
export function repairEligibility(
  subject: RepairSubject,
  context: { today: string; obligationsFulfilled: boolean },
  rules: SanctionRules,
): RepairEligibility {
  const { today } = context;
  const reasons: IneligibilityReason[] = [];
  if (subject.repairedOn) reasons.push('ALREADY_REPAIRED');

  if (subject.kind === 'PENALTY') {
    if (subject.state === 'REVOKED') return result(null, [...reasons, 'REVOKED']);
    if (subject.penaltyTypes.some((type) => UNREPAIRABLE_PENALTY_TYPES.has(type))) reasons.push('EXCLUDED_PENALTY_TYPE');
    if (isWarningOnly(subject.penaltyTypes)) return result(null, [...reasons, 'NEVER_PUBLISHED']);
    if (!subject.publishedOn || !subject.publicUntil) return result(null, [...reasons, 'NOT_YET_PUBLISHED']);
    const from = dayAfterPeriod(subject.publishedOn, repairMinimumMonths(subject.caseDomain, rules));
    const reachable = from <= subject.publicUntil && !reasons.includes('EXCLUDED_PENALTY_TYPE');
    if (subject.publishedOn > today) reasons.push('NOT_YET_PUBLISHED');
    else if (today > subject.publicUntil) reasons.push('PUBLICATION_ENDED');
    else if (today < from) reasons.push('MINIMUM_PERIOD_NOT_MET');
    if (!context.obligationsFulfilled) reasons.push('OBLIGATIONS_NOT_FULFILLED');
    return result(reachable ? from : null, reasons);
  }

  if (subject.revokedOn) return result(null, [...reasons, 'REVOKED']);

  if (subject.kind === 'ABNORMAL_OPERATION') {
    if (!subject.removedOn || subject.removedOn > today) reasons.push('CAUSE_NOT_CURED');
    return result(subject.removedOn, reasons);
  }

  const from = seriousEarlyRemovalFrom(subject.listedOn, rules);
  if (today > seriousPublicUntil(subject.listedOn, rules)) reasons.push('PUBLICATION_ENDED');
  else if (today < from) reasons.push('MINIMUM_PERIOD_NOT_MET');
  if (!context.obligationsFulfilled) reasons.push('OBLIGATIONS_NOT_FULFILLED');
  return result(from, reasons);
}
