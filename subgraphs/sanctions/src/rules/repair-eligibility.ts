import { type ComputedDate, computedDate } from '@credit-hub/subgraph-kit';
import { dayAfterPeriod, periodEnd } from '@credit-hub/workdays';
import { seriousEarlyRemovalFrom, seriousPublicUntil } from './listing-periods.ts';
import { KEY_REPAIR_DOMAINS, type PenaltyType, type SanctionDomain } from './penalty-types.ts';
import { isWarningOnly, type PenaltyState, RESTRICTION_TYPES } from './publication-period.ts';
import { provinceOfRegion, type RuleBook } from './rule-book.ts';

export type RepairTargetKind = 'PENALTY' | 'ABNORMAL_OPERATION' | 'SERIOUS_VIOLATION';

/** Why a repair cannot be granted today. */
export type IneligibilityReason =
  | 'EXCLUDED_PENALTY_TYPE'
  | 'RESTRICTION_IN_FORCE'
  | 'NEVER_PUBLISHED'
  | 'NOT_YET_PUBLISHED'
  | 'MINIMUM_PERIOD_NOT_MET'
  | 'PUBLICATION_ENDED'
  | 'REVOKED'
  | 'ALREADY_REPAIRED'
  | 'CAUSE_NOT_CURED'
  | 'OBLIGATIONS_NOT_FULFILLED'
  | 'LATER_SAME_KIND_PENALTY'
  | 'LISTED_ABNORMAL'
  | 'LISTED_SERIOUS';

export interface RepairEligibility {
  eligible: boolean;
  /** First day the time rule allows a repair; null when no day ever will. */
  eligibleFrom: string | null;
  /** The same day with the rule that produced it (or why none will come). */
  eligibleFromExplanation: ComputedDate | null;
  reasons: IneligibilityReason[];
}

export type RepairSubject =
  | {
      kind: 'PENALTY';
      penaltyTypes: readonly PenaltyType[];
      caseDomain: SanctionDomain;
      decidedOn: string;
      regionCode: string;
      restrictionMonths: number | null;
      publishedOn: string | null;
      publicUntil: string | null;
      state: PenaltyState;
      repairedOn: string | null;
    }
  | { kind: 'ABNORMAL_OPERATION'; listedOn: string; removedOn: string | null; revokedOn: string | null; repairedOn: string | null }
  | { kind: 'SERIOUS_VIOLATION'; listedOn: string; removedOn: string | null; revokedOn: string | null; repairedOn: string | null };

/** What besides the record decides a penalty's repair (行政处罚信息公示规定 第十四–十六条). */
export interface RepairContext {
  today: string;
  obligationsFulfilled: boolean;
  /** Decision number of a later penalty for the same kind of violation, if any. */
  laterSameKindPenalty?: string | null;
  /** On the abnormal operations list / serious violation list today. */
  listedAbnormal?: boolean;
  listedSerious?: boolean;
}

const result = (eligibleFrom: ComputedDate | null, reasons: IneligibilityReason[]): RepairEligibility => ({
  eligible: reasons.length === 0,
  eligibleFrom: eligibleFrom?.date ?? null,
  eligibleFromExplanation: eligibleFrom,
  reasons,
});

/** Minimum months a penalty is published before repair: 1 year in food, drug and special-equipment cases. */
export function repairWait(domain: SanctionDomain, decidedOn: string, rules: RuleBook) {
  const rule = rules.get(KEY_REPAIR_DOMAINS.has(domain) ? 'PENALTY_REPAIR_WAIT_KEY_DOMAINS' : 'PENALTY_REPAIR_WAIT', decidedOn);
  return { months: Number(rule.value), rule };
}

export const repairMinimumMonths = (domain: SanctionDomain, decidedOn: string, rules: RuleBook) =>
  repairWait(domain, decidedOn, rules).months;

/** Last day of a restriction of employment or operation (counted from the decision). */
export const restrictionEnd = (subject: { decidedOn: string; restrictionMonths: number | null }) =>
  subject.restrictionMonths ? periodEnd(subject.decidedOn, subject.restrictionMonths) : null;

/**
 * 信用修复 eligibility on `today` (DOMAIN.md "credit repair of a penalty"):
 * - penalty: published for the full wait (6 months; 12 in food, drug, special equipment), still
 *   published, none of the excluded types, no restriction still running, obligations fulfilled,
 *   no later penalty for the same kind of violation, not on the abnormal or serious list today;
 * - abnormal operation: the cause cured, i.e. the listing removed;
 * - serious violation: a full year on the list, still listed, obligations fulfilled.
 */
export function repairEligibility(subject: RepairSubject, context: RepairContext, rules: RuleBook): RepairEligibility {
  const { today } = context;
  const reasons: IneligibilityReason[] = [];
  if (subject.repairedOn) reasons.push('ALREADY_REPAIRED');

  if (subject.kind === 'PENALTY') {
    const province = provinceOfRegion(subject.regionCode);
    if (subject.state === 'REVOKED') return result(null, [...reasons, 'REVOKED']);
    const excluded = rules.get<PenaltyType[]>('PENALTY_REPAIR_EXCLUDED_TYPES', subject.decidedOn, province);
    const never = subject.penaltyTypes.some((type) => excluded.value.includes(type));
    if (never) reasons.push('EXCLUDED_PENALTY_TYPE');
    const restrictedUntil = subject.penaltyTypes.some((type) => RESTRICTION_TYPES.has(type)) ? restrictionEnd(subject) : null;
    if (restrictedUntil && today <= restrictedUntil) reasons.push('RESTRICTION_IN_FORCE');
    if (isWarningOnly(subject.penaltyTypes)) return result(null, [...reasons, 'NEVER_PUBLISHED']);
    if (!subject.publishedOn || !subject.publicUntil) return result(null, [...reasons, 'NOT_YET_PUBLISHED']);
    const wait = repairWait(subject.caseDomain, subject.decidedOn, rules);
    const from = dayAfterPeriod(subject.publishedOn, wait.months);
    const reachable = from <= subject.publicUntil && !never;
    if (subject.publishedOn > today) reasons.push('NOT_YET_PUBLISHED');
    else if (today > subject.publicUntil) reasons.push('PUBLICATION_ENDED');
    else if (today < from) reasons.push('MINIMUM_PERIOD_NOT_MET');
    if (!context.obligationsFulfilled) reasons.push('OBLIGATIONS_NOT_FULFILLED');
    if (context.laterSameKindPenalty) reasons.push('LATER_SAME_KIND_PENALTY');
    if (context.listedAbnormal) reasons.push('LISTED_ABNORMAL');
    if (context.listedSerious) reasons.push('LISTED_SERIOUS');
    const explanation = reachable
      ? computedDate(from, wait.rule, false, `案件领域 ${subject.caseDomain}: 公示满 ${wait.months} 个月`)
      : computedDate(
          null,
          never ? excluded : wait.rule,
          false,
          never ? '不予修复的处罚种类 Excluded penalty type' : '公示期内无法满足 The wait outlasts publication',
        );
    return result(explanation, reasons);
  }

  if (subject.revokedOn) return result(null, [...reasons, 'REVOKED']);

  if (subject.kind === 'ABNORMAL_OPERATION') {
    if (!subject.removedOn || subject.removedOn > today) reasons.push('CAUSE_NOT_CURED');
    return result(computedDate(subject.removedOn, rules.get('ABNORMAL_REMOVAL_ON_CURE', subject.listedOn)), reasons);
  }

  const from = seriousEarlyRemovalFrom(subject.listedOn, rules);
  if (today > seriousPublicUntil(subject.listedOn, rules)) reasons.push('PUBLICATION_ENDED');
  else if (today < from) reasons.push('MINIMUM_PERIOD_NOT_MET');
  if (!context.obligationsFulfilled) reasons.push('OBLIGATIONS_NOT_FULFILLED');
  return result(computedDate(from, rules.get('SERIOUS_EARLY_REMOVAL', subject.listedOn)), reasons);
}
