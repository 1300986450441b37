import { cappedShare, type IndicatorDefinition, numberParam } from '../model.ts';

export const licenceSanctions: IndicatorDefinition = {
  key: 'licence_sanctions',
  description: { zh: '许可被暂扣或吊销', en: 'Licences suspended or revoked recently' },
  computation:
    'Licences suspended or revoked by a decision in the last 3 years (licenseSummary.suspendedOrRevokedRecently); share = value / cap, at most 1.',
  defaults: { cap: 1 },
  measure: (facts, params) => ({
    value: facts.suspendedOrRevokedLicences,
    share: cappedShare(facts.suspendedOrRevokedLicences, numberParam(params, 'cap')),
  }),
};
