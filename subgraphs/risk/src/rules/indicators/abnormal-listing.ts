import type { IndicatorDefinition } from '../model.ts';

export const abnormalListing: IndicatorDefinition = {
  key: 'abnormal_listing',
  description: { zh: '列入经营异常名录', en: 'On the abnormal-operations list' },
  computation: '1 while the enterprise is on the abnormal-operations list (sanctionSummary.currentlyAbnormal), else 0.',
  defaults: {},
  measure(facts) {
    const value = facts.currentlyAbnormal ? 1 : 0;
    return { value, share: value };
  },
};
