import { monthsBetween } from '../facts.ts';
import { type IndicatorDefinition, numberParam } from '../model.ts';

/** Penalty types that stop or restrict the business (行政处罚法 第九条): the heaviest level. */
const SEVERE = new Set(['REVOKE_LICENCE', 'ORDER_CLOSURE', 'SUSPEND_PRODUCTION', 'RESTRICT_OPERATION']);
const SERIOUS = new Set(['SUSPEND_LICENCE', 'DOWNGRADE_QUALIFICATION', 'CONFISCATE_ILLEGAL_PROPERTY']);

export const penaltySeverity: IndicatorDefinition = {
  key: 'penalty_severity',
  description: { zh: '近三年最重处罚', en: 'Heaviest penalty in the last 3 years' },
  computation:
    'Level of the heaviest penalty in force within 36 months: 3 for closure, suspension of production, restriction of operation or licence revocation; 2 for licence suspension, downgrade, confiscation of property or a fine of at least largeFine yuan; 1 for any other; 0 for none. Share = level / 3.',
  defaults: { largeFine: 100000 },
  measure(facts, params, referenceDate) {
    const largeFine = numberParam(params, 'largeFine');
    let level = 0;
    for (const penalty of facts.penalties) {
      if (penalty.decidedOn > referenceDate || monthsBetween(penalty.decidedOn, referenceDate) >= 36) continue;
      const types = penalty.types;
      const own = types.some((type) => SEVERE.has(type))
        ? 3
        : types.some((type) => SERIOUS.has(type)) || penalty.fineAmount >= largeFine
          ? 2
          : 1;
      level = Math.max(level, own);
    }
    return { value: level, share: level / 3 };
  },
};
