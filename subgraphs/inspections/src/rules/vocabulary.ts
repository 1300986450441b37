/** The inspection domain's vocabulary (../shared/DOMAIN.md "Inspection results"). */
export const INSPECTION_KINDS = ['INSPECTION', 'SAMPLING', 'VERIFICATION'] as const;
/** 检查 on-site inspection, 抽检 product sampling test, 核查 commitment verification. */
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** Why an inspection outside any draw happened (and why an A-class enterprise may be visited on site). */
export const INSPECTION_TRIGGERS = ['COMPLAINT', 'REFERRAL', 'MONITORING_LEAD', 'HIGHER_AUTHORITY'] as const;
export type InspectionTrigger = (typeof INSPECTION_TRIGGERS)[number];

/** The standard wording of results, in the order DOMAIN.md lists it. */
export const INSPECTION_RESULTS = {
  NO_PROBLEM: '未发现问题',
  PROBLEM_CORRECTION_ORDERED: '发现问题已责令改正',
  INFO_NOT_PUBLISHED: '未按规定公示应当公示的信息',
  FALSE_PUBLICATION: '公示信息隐瞒真实情况弄虚作假',
  UNREACHABLE: '通过登记的住所（经营场所）无法联系',
  REFUSED: '不配合检查情节严重',
  NO_RELEVANT_ACTIVITY: '未发现开展本次抽查涉及的经营活动',
  DEREGISTERED_OR_REVOKED: '已注销或被吊销营业执照',
  UNQUALIFIED: '不合格（检验/抽检）',
} as const;
export type InspectionResult = keyof typeof INSPECTION_RESULTS;

/** Results that count as a failure in the summary and the risk indicator (a problem was found). */
export const FAILED_RESULTS: ReadonlySet<InspectionResult> = new Set([
  'PROBLEM_CORRECTION_ORDERED',
  'INFO_NOT_PUBLISHED',
  'FALSE_PUBLICATION',
  'UNREACHABLE',
  'UNQUALIFIED',
]);
/** Refused or obstructed (不配合检查情节严重). */
export const REFUSED_RESULTS: ReadonlySet<InspectionResult> = new Set(['REFUSED']);

export const SAMPLING_OUTCOMES = ['QUALIFIED', 'UNQUALIFIED'] as const;
/** 合格 / 不合格. */
export type SamplingOutcome = (typeof SAMPLING_OUTCOMES)[number];

/** How an enterprise came into a draw: sampled at its class's ratio, or key supervision (all of them). */
export type Selection = 'SAMPLED' | 'KEY_SUPERVISION';
