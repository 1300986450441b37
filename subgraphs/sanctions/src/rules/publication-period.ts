import { type ComputedDate, computedDate, yuanToFen } from '@credit-hub/subgraph-kit';
import { periodEnd, workingDayDeadline } from '@credit-hub/workdays';
import type { SanctionRuleCode } from './catalogue.ts';
import type { PenaltyType } from './penalty-types.ts';
import { provinceOfRegion, type RuleBook } from './rule-book.ts';

/** How long a penalty is published: never, 3 months, 3 years, or as long as its restriction. */
export type PublicationClass = 'NONE' | 'SHORT' | 'LONG';

/** Why the public does not see a record today (null: it does). */
export type HiddenReason = 'NEVER_PUBLISHED' | 'WITHHELD' | 'NOT_YET_PUBLISHED' | 'PERIOD_ENDED' | 'WITHDRAWN' | 'REPAIRED';

export type PenaltyState = 'IN_FORCE' | 'CHANGED' | 'REVOKED' | 'REPAIRED';

/** 普通程序 / 简易程序 (当场处罚): only ordinary-procedure decisions are published. */
export const PROCEDURES = ['ORDINARY', 'SIMPLE'] as const;
export type Procedure = (typeof PROCEDURES)[number];

/** 当事人类别: the lower-fine threshold depends on it. */
export const PARTY_TYPES = ['ORGANISATION', 'NATURAL_PERSON', 'INDIVIDUAL_BUSINESS_SINGLE'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** Restrictions whose length may stretch publication beyond 3 years. */
export const RESTRICTION_TYPES: ReadonlySet<PenaltyType> = new Set(['RESTRICT_EMPLOYMENT', 'RESTRICT_OPERATION']);

/** What the publication rules read of a penalty. */
export interface PenaltyFacts {
  penaltyTypes: readonly PenaltyType[];
  /** 罚款金额, yuan as an exact decimal string; null without a fine. */
  fineAmount: string | null;
  decidedOn: string;
  regionCode: string;
  procedure: Procedure;
  partyType: PartyType;
  /** 限制期限 in months for a restriction of employment or operation; null when none or unknown. */
  restrictionMonths: number | null;
  /** 经批准不予公示: the recorded reason; null when published normally. */
  withheldReason: string | null;
}

export interface PenaltyRecordFacts extends PenaltyFacts {
  publishedOn: string | null;
  state: PenaltyState;
  repairedOn: string | null;
}

/** 仅警告: a decision whose only penalty is a warning, never published. */
export const isWarningOnly = (types: readonly PenaltyType[]) => types.every((type) => type === 'WARNING');

const SHORT_TYPES: ReadonlySet<PenaltyType> = new Set(['CIRCULATED_CRITICISM', 'FINE']);

const lowerFineCode = (party: PartyType): SanctionRuleCode =>
  party === 'ORGANISATION' ? 'PENALTY_LOWER_FINE_ORGANISATION' : 'PENALTY_LOWER_FINE_NATURAL_PERSON';

/**
 * Whether a fine is a 较低数额罚款 under the province's rule for the party type in force on the
 * decision day: strictly below the threshold. Without a provincial rule the answer is unknown, and
 * the safe reading is "not lower" (3 years, not 3 months); the note says so.
 */
export function lowerFine(facts: Pick<PenaltyFacts, 'fineAmount' | 'partyType' | 'regionCode' | 'decidedOn'>, book: RuleBook) {
  const province = provinceOfRegion(facts.regionCode);
  const threshold = book.find<string>(lowerFineCode(facts.partyType), facts.decidedOn, province);
  if (!threshold) {
    return {
      lower: false,
      rule: null,
      note: `省级区划 ${province} 未规定较低数额罚款标准：按非较低数额处理（公示三年） No lower-fine threshold for province ${province}: the safe reading (not lower, 3 years) applies`,
    };
  }
  const lower = facts.fineAmount !== null && yuanToFen(facts.fineAmount) < yuanToFen(String(threshold.value));
  return {
    lower,
    rule: threshold,
    note: `罚款 ${facts.fineAmount} 元 ${lower ? '<' : '≥'} ${threshold.value} 元（${facts.partyType}）`,
  };
}

/** The class of publication and the rule that decides it. */
export interface PublicationDecision {
  kind: PublicationClass;
  months: number | null;
  rule: SanctionRuleCode;
  note: string | null;
}

/**
 * 市场监督管理行政处罚信息公示规定 第二条, 第十三条: simple-procedure decisions and warnings alone are
 * never published, nor a decision withheld by approval; 通报批评 and/or a lower fine alone: 3
 * months; everything else 3 years, or the restriction's length when that is longer. A 警告 beside
 * other types does not change the period. The versions in force on the decision day apply.
 */
export function publicationDecision(facts: PenaltyFacts, book: RuleBook): PublicationDecision {
  const on = facts.decidedOn;
  if (facts.procedure === 'SIMPLE')
    return { kind: 'NONE', months: null, rule: 'PENALTY_PUBLISHED_PROCEDURE', note: '简易程序 Simple procedure' };
  if (isWarningOnly(facts.penaltyTypes)) return { kind: 'NONE', months: null, rule: 'PENALTY_WARNING_NOT_PUBLISHED', note: null };
  if (facts.withheldReason) {
    return { kind: 'NONE', months: null, rule: 'PENALTY_PUBLICATION_EXCEPTIONS', note: `经批准不予公示：${facts.withheldReason}` };
  }
  const published = facts.penaltyTypes.filter((type) => type !== 'WARNING');
  const long = book.value('PENALTY_PUBLICATION_LONG', on);
  const restriction = published.some((type) => RESTRICTION_TYPES.has(type)) ? (facts.restrictionMonths ?? 0) : 0;
  if (restriction > long) {
    return { kind: 'LONG', months: restriction, rule: 'PENALTY_PUBLICATION_RESTRICTION', note: `限制期限 ${restriction} 个月` };
  }
  if (published.every((type) => SHORT_TYPES.has(type))) {
    if (!published.includes('FINE'))
      return { kind: 'SHORT', months: book.value('PENALTY_PUBLICATION_SHORT', on), rule: 'PENALTY_PUBLICATION_SHORT', note: null };
    const fine = lowerFine(facts, book);
    if (fine.lower)
      return { kind: 'SHORT', months: book.value('PENALTY_PUBLICATION_SHORT', on), rule: 'PENALTY_PUBLICATION_SHORT', note: fine.note };
    return { kind: 'LONG', months: long, rule: 'PENALTY_PUBLICATION_LONG', note: fine.note };
  }
  return { kind: 'LONG', months: long, rule: 'PENALTY_PUBLICATION_LONG', note: null };
}

/** Kept for callers that only need the class. */
export const publicationClass = (facts: PenaltyFacts, book: RuleBook): PublicationClass => publicationDecision(facts, book).kind;

/** Last day the penalty is published (inclusive), with its rule; date null when never published or not yet. */
export function penaltyPublicUntilExplained(facts: PenaltyFacts, publishedOn: string | null, book: RuleBook): ComputedDate {
  const decision = publicationDecision(facts, book);
  const province = provinceOfRegion(facts.regionCode);
  const rule = book.get(decision.rule, facts.decidedOn, province);
  if (decision.months === null || !publishedOn) return computedDate(null, rule, false, decision.note);
  return computedDate(periodEnd(publishedOn, decision.months), rule, false, decision.note);
}

export const penaltyPublicUntil = (facts: PenaltyFacts, publishedOn: string | null, book: RuleBook): string | null =>
  penaltyPublicUntilExplained(facts, publishedOn, book).date;

const workingDayRule = (code: SanctionRuleCode, from: string, book: RuleBook, on: string): ComputedDate => {
  const rule = book.get(code, on);
  const deadline = workingDayDeadline(from, Number(rule.value));
  return computedDate(
    deadline.date,
    rule,
    deadline.provisional,
    deadline.provisional
      ? `${deadline.unknownYears.join('、')} 年节假日安排未载入：按周一至周五暂计 Holiday notice for ${deadline.unknownYears.join(', ')} not loaded: counted Monday–Friday`
      : null,
  );
};

/** Latest publication days the law allows: 双公示 (7 working days) and the national system (20). */
export function publicationDeadlines(decidedOn: string, book: RuleBook) {
  return {
    dualPublication: workingDayRule('DUAL_PUBLICATION_DEADLINE', decidedOn, book, decidedOn),
    national: workingDayRule('NATIONAL_PUBLICATION_DEADLINE', decidedOn, book, decidedOn),
  };
}

/** A changed or revoked penalty must leave publication by this day. */
export const withdrawalDeadline = (changedOn: string, book: RuleBook) =>
  workingDayRule('PENALTY_WITHDRAWAL_DEADLINE', changedOn, book, changedOn);

export interface Publication {
  publishedOn: string | null;
  publicUntil: string | null;
  visibleToPublic: boolean;
  reasonHidden: HiddenReason | null;
}

/** Whether the public sees a penalty today, and if not, why. */
export function penaltyPublication(penalty: PenaltyRecordFacts, publicUntil: string | null, today: string): Publication {
  const reasonHidden: HiddenReason | null =
    penalty.state === 'REVOKED'
      ? 'WITHDRAWN'
      : penalty.repairedOn && penalty.repairedOn <= today
        ? 'REPAIRED'
        : penalty.procedure === 'SIMPLE' || isWarningOnly(penalty.penaltyTypes)
          ? 'NEVER_PUBLISHED'
          : penalty.withheldReason
            ? 'WITHHELD'
            : !penalty.publishedOn || penalty.publishedOn > today
              ? 'NOT_YET_PUBLISHED'
              : publicUntil !== null && today > publicUntil
                ? 'PERIOD_ENDED'
                : null;
  return { publishedOn: penalty.publishedOn, publicUntil, visibleToPublic: reasonHidden === null, reasonHidden };
}

/** In force on `day`: decided by then and not revoked (撤销 voids a decision from the start). */
export const penaltyInForceOn = (penalty: Pick<PenaltyRecordFacts, 'decidedOn' | 'state'>, day: string) =>
  penalty.decidedOn <= day && penalty.state !== 'REVOKED';

/**
 * What the public could see for `day`: in force and published that day, and not repaired by
 * `today` (a repair removes the record from every public view, past days included).
 */
export function penaltyPublicOn(penalty: PenaltyRecordFacts, publicUntil: string | null, day: string, today: string): boolean {
  if (!penaltyInForceOn(penalty, day) || (penalty.repairedOn && penalty.repairedOn <= today)) return false;
  if (!penalty.publishedOn || publicUntil === null) return false;
  return penalty.publishedOn <= day && day <= publicUntil && penalty.publishedOn <= today;
}

/** Penalties decided within the 3 years up to `today` count in the risk summary. */
export const decidedWithinYears = (decidedOn: string, today: string, years: number) =>
  decidedOn <= today && periodEnd(decidedOn, years * 12) >= today;

/** 身份证号码遮蔽: a natural person's ID number as the public sees it (region digits and last 4 kept). */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
