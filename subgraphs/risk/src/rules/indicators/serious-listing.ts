import type { IndicatorDefinition } from '../model.ts';

export const seriousListing: IndicatorDefinition = {
  key: 'serious_listing',
  description: { zh: '列入严重违法失信名单', en: 'On the serious violation list' },
  computation: '1 while the enterprise is on the serious violation list (sanctionSummary.currentlySerious), else 0.',
  defaults: {},
  measure(facts) {
    const value = facts.currentlySerious ? 1 : 0;
    return { value, share: value };
  },
};
