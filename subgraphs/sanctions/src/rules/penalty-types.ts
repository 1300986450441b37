/** 行政处罚种类 The penalty types of 行政处罚法 第九条 as DOMAIN.md lists them. */
export const PENALTY_TYPES = [
  'WARNING',
  'CIRCULATED_CRITICISM',
  'FINE',
  'CONFISCATE_ILLEGAL_GAINS',
  'CONFISCATE_ILLEGAL_PROPERTY',
  'SUSPEND_LICENCE',
  'DOWNGRADE_QUALIFICATION',
  'REVOKE_LICENCE',
  'RESTRICT_OPERATION',
  'SUSPEND_PRODUCTION',
  'ORDER_CLOSURE',
  'RESTRICT_EMPLOYMENT',
] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];

export const PENALTY_TYPE_NAMES: Record<PenaltyType, string> = {
  WARNING: '警告',
  CIRCULATED_CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATE_ILLEGAL_GAINS: '没收违法所得',
  CONFISCATE_ILLEGAL_PROPERTY: '没收非法财物',
  SUSPEND_LICENCE: '暂扣许可证件',
  DOWNGRADE_QUALIFICATION: '降低资质等级',
  REVOKE_LICENCE: '吊销许可证件',
  RESTRICT_OPERATION: '限制开展生产经营活动',
  SUSPEND_PRODUCTION: '责令停产停业',
  ORDER_CLOSURE: '责令关闭',
  RESTRICT_EMPLOYMENT: '限制从业',
};

/** 领域 Domain of a case or of a serious-list entry (严重违法失信名单管理办法 第二章 plus special equipment). */
export const SANCTION_DOMAINS = [
  'FOOD',
  'DRUG',
  'COSMETICS',
  'MEDICAL_DEVICE',
  'SPECIAL_EQUIPMENT',
  'QUALITY_SAFETY',
  'CONSUMER_RIGHTS',
  'FAIR_COMPETITION',
  'OBSTRUCTING_ENFORCEMENT',
  'REGISTRATION',
  'OTHER',
] as const;
export type SanctionDomain = (typeof SANCTION_DOMAINS)[number];

/**
 * Domains whose penalties wait a year, not six months, before repair (rule
 * PENALTY_REPAIR_WAIT_KEY_DOMAINS): food, drug and special equipment only — cosmetics and medical
 * devices wait six months like every other domain.
 */
export const KEY_REPAIR_DOMAINS: ReadonlySet<SanctionDomain> = new Set(['FOOD', 'DRUG', 'SPECIAL_EQUIPMENT']);
