import { builder } from '../builder.ts';
import { INSPECTION_RESULTS } from '../rules/vocabulary.ts';

export const InspectionKindEnum = builder.enumType('InspectionKind', {
  description: '检查方式 How an enterprise is checked.',
  values: {
    INSPECTION: { description: '检查 On-site (or, for A-class, off-site) inspection.' },
    SAMPLING: { description: '抽检 Product sampling test, result 合格 / 不合格.' },
    VERIFICATION: { description: '核查 Verification of a commitment (告知承诺, 信用承诺).' },
  } as const,
});

export const InspectionTriggerEnum = builder.enumType('InspectionTrigger', {
  description: '触发原因 Why an inspection outside any draw happened.',
  values: {
    COMPLAINT: { description: '投诉举报 Complaint or report.' },
    REFERRAL: { description: '转办交办 Referral from another authority.' },
    MONITORING_LEAD: { description: '大数据监测线索 Lead from big-data monitoring.' },
    HIGHER_AUTHORITY: { description: '上级部署 Ordered by a higher authority.' },
  } as const,
});

export const InspectionResultEnum = builder.enumType('InspectionResult', {
  description: '检查结果 Result in the standard wording of the national publicity system.',
  values: Object.fromEntries(Object.entries(INSPECTION_RESULTS).map(([key, wording]) => [key, { description: `${wording}` }])) as {
    [K in keyof typeof INSPECTION_RESULTS]: { description: string };
  },
});

export const SamplingOutcomeEnum = builder.enumType('SamplingOutcome', {
  description: '抽检结论 Sampling test outcome.',
  values: {
    QUALIFIED: { description: '合格 Qualified.' },
    UNQUALIFIED: { description: '不合格 Unqualified.' },
  } as const,
});

export const SelectionEnum = builder.enumType('DrawSelection', {
  description: '入选方式 How an enterprise came into a draw.',
  values: {
    SAMPLED: { description: '随机抽取 Drawn at random at its class’s ratio.' },
    KEY_SUPERVISION: {
      description: '重点监管 Key supervision: all of them, not sampled (special-equipment producers and inspection bodies).',
    },
  } as const,
});

export const DrawStatusEnum = builder.enumType('DrawStatus', {
  description: '抽取状态 A draft may be drawn again; a confirmed draw is fixed.',
  values: {
    DRAFT: { description: '草稿 Drawn, not yet confirmed.' },
    CONFIRMED: { description: '已确认 Confirmed: fixed, results are recorded against it.' },
  } as const,
});

export const CandidateKeyDomainEnum = builder.enumType('InspectionKeyDomain', {
  description: '重点领域 Focus domain of the candidate pool (as the enterprises subgraph’s KeyDomain).',
  values: {
    FOOD_PRODUCTION: { description: '食品生产 Food production.' },
    SPECIAL_FOOD: { description: '特殊食品 Special foods.' },
    SPECIAL_EQUIPMENT_PRODUCTION: { description: '特种设备生产 Special-equipment production units.' },
    SPECIAL_EQUIPMENT_FILLING: { description: '特种设备充装 Filling units.' },
    SPECIAL_EQUIPMENT_INSPECTION: { description: '特种设备检验检测 Inspection and testing bodies.' },
  } as const,
});

export const CandidateLicenseKindEnum = builder.enumType('InspectionLicenseKind', {
  description: '许可类别 Licence kind candidates must hold in force (as the licences subgraph’s LicenseKind).',
  values: {
    SPECIAL_EQUIPMENT_PRODUCTION: { description: '特种设备生产许可 Special-equipment production.' },
    SPECIAL_EQUIPMENT_FILLING: { description: '特种设备充装许可 Filling.' },
    SPECIAL_EQUIPMENT_INSPECTION: { description: '特种设备检验检测机构核准 Inspection body approval.' },
    FOOD_PRODUCTION: { description: '食品生产许可 Food production.' },
    OTHER: { description: '其他 Other.' },
  } as const,
});
