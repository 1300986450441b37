import type { HardRuleDefinition } from '../model.ts';

/** An enterprise on the abnormal-operations list is never "low risk": at least B. */
export const abnormalList: HardRuleDefinition = {
  key: 'abnormal_list',
  description: { zh: '列入经营异常名录', en: 'On the abnormal-operations list' },
  defaults: {},
  holds: (facts) => facts.currentlyAbnormal,
};
