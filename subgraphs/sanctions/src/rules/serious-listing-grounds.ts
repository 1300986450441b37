import type { SanctionRule } from './catalogue.ts';
import type { PenaltyType } from './penalty-types.ts';
import { lowerFine, type PenaltyFacts } from './publication-period.ts';
import { provinceOfRegion, type RuleBook } from './rule-book.ts';

/**
 * 较重行政处罚 (严重违法失信名单管理办法 第二条): a serious listing rests on a heavier penalty — one of
 * the heavier types, or a fine the deciding department set at the heavy end of its discretion
 * benchmark (`heavyDiscretion`). A lower fine is never heavier, whatever the flag says.
 */
export function heavierPenaltyProblem(
  penalty: PenaltyFacts & { heavyDiscretion: boolean },
  rules: RuleBook,
): { rule: SanctionRule<PenaltyType[]>; message: string } | null {
  const rule = rules.get<PenaltyType[]>('SERIOUS_LISTING_GROUNDS', penalty.decidedOn, provinceOfRegion(penalty.regionCode));
  if (penalty.penaltyTypes.some((type) => rule.value.includes(type))) return null;
  const fined = penalty.penaltyTypes.includes('FINE');
  if (fined && penalty.heavyDiscretion && !lowerFine(penalty, rules).lower) return null;
  const what = fined
    ? `a fine of ${penalty.fineAmount} yuan${penalty.heavyDiscretion ? ' (a lower fine)' : ' not set at the heavy end of the discretion benchmark'}`
    : `only ${penalty.penaltyTypes.join(', ')}`;
  return {
    rule,
    message:
      `not a heavier penalty (较重行政处罚): ${what}; rule ${rule.code}, ${rule.citation.document} ${rule.citation.article ?? ''}`.trim(),
  };
}
