import { monthsBetween } from '../facts.ts';
import { type IndicatorDefinition, numberParam } from '../model.ts';

/** Newly established enterprises have no compliance record yet (湘市监信〔2021〕108号: 通用型模型 indicator of 企业基础信息). */
export const enterpriseAge: IndicatorDefinition = {
  key: 'enterprise_age',
  description: { zh: '成立年限', en: 'Years since establishment' },
  computation: 'Whole years from establishedOn to the reference date; under youngYears earns the full weight, under maturingYears half.',
  defaults: { youngYears: 1, maturingYears: 3 },
  measure(facts, params, referenceDate) {
    const years = Math.max(0, Math.floor(monthsBetween(facts.establishedOn, referenceDate) / 12));
    const share = years < numberParam(params, 'youngYears') ? 1 : years < numberParam(params, 'maturingYears') ? 0.5 : 0;
    return { value: years, share };
  },
};
