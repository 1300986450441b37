import { monthsBetween } from '../facts.ts';
import { type HardRuleDefinition, numberParam } from '../model.ts';

/** A licence revoked (吊销许可证件) within `months`: by a licence status decision or a penalty of that type. */
export const licenceRevoked: HardRuleDefinition = {
  key: 'licence_revoked',
  description: { zh: '近12个月内被吊销许可证件', en: 'A licence revoked within the last 12 months' },
  defaults: { months: 12 },
  holds(facts, params, referenceDate) {
    const months = numberParam(params, 'months');
    const recent = (day: string) => day <= referenceDate && monthsBetween(day, referenceDate) < months;
    return (
      facts.licenceRevocations.some(recent) ||
      facts.penalties.some((penalty) => penalty.types.includes('REVOKE_LICENCE') && recent(penalty.decidedOn))
    );
  },
};
