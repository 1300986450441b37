import { cappedShare, type IndicatorDefinition, numberParam } from '../model.ts';

export const annualReportLate: IndicatorDefinition = {
  key: 'annual_report_late',
  description: { zh: '逾期报送年报', en: 'Annual reports filed late' },
  computation: 'Years (last five) whose report came after the filing window; share = value / cap, at most 1.',
  defaults: { cap: 3 },
  measure: (facts, params) => ({ value: facts.lateAnnualReports, share: cappedShare(facts.lateAnnualReports, numberParam(params, 'cap')) }),
};
