import { cappedShare, type IndicatorDefinition, numberParam } from '../model.ts';

export const annualReportMissing: IndicatorDefinition = {
  key: 'annual_report_missing',
  description: { zh: '未报年报', en: 'Annual reports not filed' },
  computation: 'Closed filing years (last five) with no annual report; share = value / cap, at most 1.',
  defaults: { cap: 2 },
  measure: (facts, params) => ({
    value: facts.missingAnnualReports,
    share: cappedShare(facts.missingAnnualReports, numberParam(params, 'cap')),
  }),
};
