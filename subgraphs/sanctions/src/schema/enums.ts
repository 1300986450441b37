import { builder } from '../builder.ts';
import type { IneligibilityReason, PartyType, PenaltyState, PenaltyType, Procedure, SanctionDomain } from '../rules/index.ts';

export const PenaltyTypeEnum = builder.enumType('PenaltyType', {
  description: '行政处罚种类 Kind of administrative penalty (行政处罚法 第九条).',
  values: {
    WARNING: { description: '警告 Warning. A decision that is only a warning is never published.' },
    CIRCULATED_CRITICISM: { description: '通报批评 Circulated criticism (published 3 months).' },
    FINE: {
      description:
        '罚款 Fine (published 3 months when below the provincial lower-fine threshold for the party type, otherwise 3 years; 第十三条).',
    },
    CONFISCATE_ILLEGAL_GAINS: { description: '没收违法所得 Confiscation of illegal gains.' },
    CONFISCATE_ILLEGAL_PROPERTY: { description: '没收非法财物 Confiscation of illegal property.' },
    SUSPEND_LICENCE: { description: '暂扣许可证件 Suspension of a licence.' },
    DOWNGRADE_QUALIFICATION: { description: '降低资质等级 Downgrading of qualification (never repairable).' },
    REVOKE_LICENCE: { description: '吊销许可证件 Revocation of a licence, incl. the business licence (吊销营业执照); never repairable.' },
    RESTRICT_OPERATION: { description: '限制开展生产经营活动 Restriction of production and business activity (never repairable).' },
    SUSPEND_PRODUCTION: { description: '责令停产停业 Order to suspend production or business (never repairable).' },
    ORDER_CLOSURE: { description: '责令关闭 Order to close.' },
    RESTRICT_EMPLOYMENT: { description: '限制从业 Restriction of employment (never repairable).' },
  } satisfies Record<PenaltyType, unknown>,
});

export const SanctionDomainEnum = builder.enumType('SanctionDomain', {
  description: '领域 Domain of a case or of a serious-list entry.',
  values: {
    FOOD: { description: '食品安全 Food safety (repair after 1 year of publication).' },
    DRUG: { description: '药品 Drugs (repair after 1 year).' },
    COSMETICS: { description: '化妆品 Cosmetics (repair after 6 months).' },
    MEDICAL_DEVICE: { description: '医疗器械 Medical devices (repair after 6 months).' },
    SPECIAL_EQUIPMENT: { description: '特种设备 Special equipment (repair after 1 year).' },
    QUALITY_SAFETY: { description: '质量安全 Product quality and safety.' },
    CONSUMER_RIGHTS: { description: '侵害消费者权益 Consumer rights.' },
    FAIR_COMPETITION: { description: '破坏公平竞争秩序 Fair competition.' },
    OBSTRUCTING_ENFORCEMENT: { description: '妨碍监管执法 Obstructing inspection and enforcement.' },
    REGISTRATION: { description: '登记与信息公示 Registration and information publicity.' },
    OTHER: { description: '其他 Other.' },
  } satisfies Record<SanctionDomain, unknown>,
});

export const PenaltyStateEnum = builder.enumType('PenaltyState', {
  description: '处罚状态 State of a penalty decision.',
  values: {
    IN_FORCE: { description: '有效 In force as decided.' },
    CHANGED: { description: '已变更 Changed by a later decision; the changed content is what is published.' },
    REVOKED: { description: '已撤销 Revoked; withdrawn from publication (within 3 working days) and void from the start.' },
    REPAIRED: { description: '已信用修复 Credit repair approved; no longer published, kept internally.' },
  } satisfies Record<PenaltyState, unknown>,
});

export const HiddenReasonEnum = builder.enumType('HiddenReason', {
  description: '不公示原因 Why the public does not see a record today.',
  values: {
    NEVER_PUBLISHED: { description: '不予公示 Never published (a decision that is only a warning, or made under the simple procedure).' },
    WITHHELD: { description: '经批准不予公示 Withheld from publication by approval, with a recorded reason (第六条).' },
    NOT_YET_PUBLISHED: { description: '尚未公示 Not published yet.' },
    PERIOD_ENDED: { description: '公示期满 The publication period has ended.' },
    WITHDRAWN: { description: '撤回公示 Withdrawn: the decision or listing was revoked.' },
    REPAIRED: { description: '信用修复 Publication stopped by an approved credit repair.' },
  },
});

export const AbnormalReasonEnum = builder.enumType('AbnormalReason', {
  description: '列入经营异常名录原因 Ground for an abnormal-operations listing (企业信息公示暂行条例 第十七条).',
  values: {
    MISSING_ANNUAL_REPORT: { description: '未按规定报送年度报告 Annual report not filed in its window.' },
    UNPUBLISHED_INFORMATION: { description: '未按规定公示即时信息 Information not published within the time limit.' },
    FALSE_INFORMATION: { description: '公示信息隐瞒真实情况、弄虚作假 Published information concealed facts or was false.' },
    UNREACHABLE_ADDRESS: { description: '通过登记的住所（经营场所）无法联系 Not reachable at the registered address.' },
  },
});

export const AbnormalRemovalReasonEnum = builder.enumType('AbnormalRemovalReason', {
  description: '移出经营异常名录原因 Why an abnormal-operations listing was removed (the cause cured).',
  values: {
    ANNUAL_REPORT_FILED: { description: '补报年度报告 The missing annual report was filed.' },
    INFORMATION_PUBLISHED: { description: '补充公示 The missing information was published.' },
    INFORMATION_CORRECTED: { description: '更正公示信息 The false information was corrected.' },
    ADDRESS_REACHABLE: { description: '住所恢复联系 Reachable at the registered address again.' },
    OTHER: { description: '其他 Other legal grounds.' },
  },
});

export const SeriousRemovalReasonEnum = builder.enumType('SeriousRemovalReason', {
  description: '移出严重违法失信名单原因 Why a serious-list entry ended.',
  values: {
    PERIOD_ENDED: { description: '期满移出 The 3-year listing period ended (automatic).' },
    EARLY_REMOVAL_AFTER_REPAIR: { description: '信用修复提前移出 Early removal after an approved credit repair.' },
    OTHER: { description: '其他 Other legal grounds.' },
  },
});

export const ListingStateEnum = builder.enumType('ListingState', {
  description: '名单状态 State of a listing.',
  values: {
    LISTED: { description: '列入中 Currently listed.' },
    REMOVED: { description: '已移出 Removed (cause cured, period ended or early removal).' },
    REVOKED: { description: '已撤销列入 Revoked as wrongly made; counts as never listed.' },
    REPAIRED: { description: '已信用修复 Repaired: neither the listing nor its removal is published any more.' },
  },
});

export const RecordKindEnum = builder.enumType('SanctionRecordKind', {
  description: '记录类型 Kind of sanction record a repair or objection is about.',
  values: {
    PENALTY: { description: '行政处罚 Administrative penalty.' },
    ABNORMAL_OPERATION: { description: '经营异常名录 Abnormal-operations listing.' },
    SERIOUS_VIOLATION: { description: '严重违法失信名单 Serious-violation listing.' },
  },
});

export const RepairStatusEnum = builder.enumType('RepairStatus', {
  description: '修复申请状态 State of a credit repair application.',
  values: {
    PENDING: { description: '待决定 Awaiting decision.' },
    APPROVED: { description: '准予修复 Approved: publication stopped.' },
    REJECTED: { description: '不予修复 Rejected, with reasons.' },
  },
});

export const RepairDecisionEnum = builder.enumType('RepairDecision', {
  description: '修复决定 Decision on a credit repair application.',
  values: {
    APPROVED: { description: '准予修复 Approve (only when the rules make the record eligible on the decision day).' },
    REJECTED: { description: '不予修复 Reject.' },
  },
});

export const IneligibilityReasonEnum = builder.enumType('IneligibilityReason', {
  description: '不符合修复条件的原因 Why a record cannot be repaired today.',
  values: {
    EXCLUDED_PENALTY_TYPE: {
      description: '不予修复的处罚种类 Suspension, restriction of operation or employment, downgrading, revocation of licence.',
    },
    NEVER_PUBLISHED: { description: '未公示 The record is never published (warning only): nothing to stop.' },
    NOT_YET_PUBLISHED: { description: '尚未公示 Not published yet.' },
    MINIMUM_PERIOD_NOT_MET: {
      description:
        '未满最短公示期 Minimum publication time (6 months; 1 year for food, drug, special equipment; 1 year on the serious list) not yet served.',
    },
    PUBLICATION_ENDED: { description: '公示已结束 Publication has already ended: nothing to stop.' },
    REVOKED: { description: '已撤销 The record was revoked.' },
    ALREADY_REPAIRED: { description: '已修复 Already repaired.' },
    CAUSE_NOT_CURED: { description: '异常情形未消除 The abnormal listing has not been removed (cause not cured).' },
    OBLIGATIONS_NOT_FULFILLED: { description: '未履行法定义务 The obligations of the decision are not fulfilled.' },
    RESTRICTION_IN_FORCE: { description: '限制期未满 A restriction of employment or operation is still running.' },
    LATER_SAME_KIND_PENALTY: { description: '再次受到同类行政处罚 A later penalty for the same kind of violation.' },
    LISTED_ABNORMAL: { description: '列入经营异常名录 The enterprise is on the abnormal operations list today.' },
    LISTED_SERIOUS: { description: '列入严重违法失信名单 The enterprise is on the serious violation list today.' },
  } satisfies Record<IneligibilityReason, unknown>,
});

export const ObjectionStatusEnum = builder.enumType('ObjectionStatus', {
  description: '异议状态 State of an objection.',
  values: {
    PENDING: { description: '处理中 Under review; the record shows as disputed.' },
    UPHELD_CORRECTED: { description: '异议成立，已更正 Upheld; the record was corrected.' },
    UPHELD_REVOKED: { description: '异议成立，已撤销 Upheld; the record was revoked.' },
    DISMISSED: { description: '异议不成立 Dismissed.' },
  },
});

export const ObjectionOutcomeEnum = builder.enumType('ObjectionOutcome', {
  description: '异议处理结果 How an objection is resolved.',
  values: {
    UPHELD_CORRECTED: { description: '异议成立，更正 Upheld: correct the record (penalties take `correction`).' },
    UPHELD_REVOKED: { description: '异议成立，撤销 Upheld: revoke the record (withdrawn from publication).' },
    DISMISSED: { description: '异议不成立 Dismissed: the record stands.' },
  },
});

export const ProcedureEnum = builder.enumType('PenaltyProcedure', {
  description: '处罚程序 Procedure of the decision: only ordinary-procedure decisions are published (行政处罚信息公示规定 第二条).',
  values: {
    ORDINARY: { description: '普通程序 Ordinary procedure: published.' },
    SIMPLE: { description: '简易程序 Simple (on-the-spot) procedure: never published.' },
  } satisfies Record<Procedure, unknown>,
});

export const PartyTypeEnum = builder.enumType('PenaltyPartyType', {
  description: '当事人类别 Kind of party: decides the provincial lower-fine threshold (闽市监规〔2024〕3号).',
  values: {
    ORGANISATION: { description: '法人及非法人组织 Legal person or other organisation.' },
    NATURAL_PERSON: { description: '自然人 Natural person (ID number masked in what the public sees).' },
    INDIVIDUAL_BUSINESS_SINGLE: {
      description: '一人经营的个体工商户 Individual business run by one person (treated as a natural person).',
    },
  } satisfies Record<PartyType, unknown>,
});
