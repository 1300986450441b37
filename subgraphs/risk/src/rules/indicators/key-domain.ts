import type { IndicatorDefinition } from '../model.ts';

/** 食品、特种设备等重点领域 carry inherent risk (湘市监信〔2021〕108号, 闽市监综〔2021〕154号). */
export const keyDomain: IndicatorDefinition = {
  key: 'key_domain',
  description: { zh: '重点领域企业', en: 'Enterprise in a key domain (food, special equipment)' },
  computation: '1 when the enterprise carries at least one key-domain tag, else 0; the share equals the value.',
  defaults: {},
  measure(facts) {
    const value = facts.keyDomains.length > 0 ? 1 : 0;
    return { value, share: value };
  },
};
