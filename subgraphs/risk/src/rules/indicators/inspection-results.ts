import { cappedShare, type IndicatorDefinition, numberParam } from '../model.ts';

/**
 * 双随机 results feed back into the next classification (运市监信用〔2022〕4号 part 6.2:
 * 抽查检查结果……共享至企业信用风险分类管理系统，为……分类结果动态更新提供实时数据支持).
 */
export const inspectionResults: IndicatorDefinition = {
  key: 'inspection_results',
  description: {
    zh: '近三年抽查检查发现问题或不配合检查',
    en: 'Inspections in the last 3 years that failed, or were refused or obstructed',
  },
  computation:
    'failures + refusedWeight × refusals over the last 3 years (inspectionSummary of the inspections subgraph: problems found, 不合格 sampling tests, 不配合检查情节严重); share = sum / cap, at most 1.',
  defaults: { refusedWeight: 2, cap: 2 },
  measure(facts, params) {
    const value = facts.failedInspections + numberParam(params, 'refusedWeight') * facts.refusedInspections;
    return { value, share: cappedShare(value, numberParam(params, 'cap')) };
  },
};
