import type { HardRuleDefinition } from '../model.ts';

/** 严重违法失信名单 → D whatever the score: 闽市监综〔2021〕154号 joint punishment of listed enterprises. */
export const seriousList: HardRuleDefinition = {
  key: 'serious_list',
  description: { zh: '列入严重违法失信名单', en: 'On the serious violation list' },
  defaults: {},
  holds: (facts) => facts.currentlySerious,
};
