import { monthsBetween } from '../facts.ts';
import { cappedShare, type IndicatorDefinition, numberParam } from '../model.ts';

/** Penalties weigh less as they age: a decision of last year counts in full, one of three years ago a little. */
export const penaltiesRecent: IndicatorDefinition = {
  key: 'penalties_recent',
  description: { zh: '近三年行政处罚（按时间衰减）', en: 'Administrative penalties in the last 3 years, weighted by recency' },
  computation:
    'Sum over penalties in force decided up to the reference date: within 12 months counts withinOneYear, 12–24 months withinTwoYears, 24–36 months withinThreeYears; share = sum / cap, at most 1.',
  defaults: { withinOneYear: 1, withinTwoYears: 0.6, withinThreeYears: 0.3, cap: 2 },
  measure(facts, params, referenceDate) {
    const weights = [numberParam(params, 'withinOneYear'), numberParam(params, 'withinTwoYears'), numberParam(params, 'withinThreeYears')];
    let sum = 0;
    for (const penalty of facts.penalties) {
      if (penalty.decidedOn > referenceDate) continue;
      const year = Math.floor(monthsBetween(penalty.decidedOn, referenceDate) / 12);
      sum += weights[year] ?? 0;
    }
    const value = Math.round(sum * 100) / 100;
    return { value, share: cappedShare(value, numberParam(params, 'cap')) };
  },
};
