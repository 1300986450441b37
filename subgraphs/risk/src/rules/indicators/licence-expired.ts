import { cappedShare, type IndicatorDefinition, numberParam } from '../model.ts';

export const licenceExpired: IndicatorDefinition = {
  key: 'licence_expired',
  description: { zh: '许可过期未注销', en: 'Licences expired and not cancelled' },
  computation: 'Licences past their validity that were neither renewed nor cancelled; share = value / cap, at most 1.',
  defaults: { cap: 2 },
  measure: (facts, params) => ({ value: facts.expiredLicences, share: cappedShare(facts.expiredLicences, numberParam(params, 'cap')) }),
};
