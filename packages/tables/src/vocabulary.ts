/**
 * Table text → the subgraphs' GraphQL enum values. The words are those of the provinces'
 * templates and of the law (行政处罚法 第九条 for penalty types); the values are the public
 * contract of the owning subgraphs' mutations, so an import says exactly what a form would.
 */
export const PENALTY_TYPES: Record<string, string> = {
  警告: 'WARNING',
  通报批评: 'CIRCULATED_CRITICISM',
  罚款: 'FINE',
  没收违法所得: 'CONFISCATE_ILLEGAL_GAINS',
  没收非法财物: 'CONFISCATE_ILLEGAL_PROPERTY',
  暂扣许可证件: 'SUSPEND_LICENCE',
  暂扣许可证: 'SUSPEND_LICENCE',
  降低资质等级: 'DOWNGRADE_QUALIFICATION',
  吊销许可证件: 'REVOKE_LICENCE',
  吊销许可证: 'REVOKE_LICENCE',
  吊销营业执照: 'REVOKE_LICENCE',
  限制开展生产经营活动: 'RESTRICT_OPERATION',
  责令停产停业: 'SUSPEND_PRODUCTION',
  责令关闭: 'ORDER_CLOSURE',
  限制从业: 'RESTRICT_EMPLOYMENT',
};

export const SANCTION_DOMAINS: Record<string, string> = {
  食品: 'FOOD',
  食品安全: 'FOOD',
  药品: 'DRUG',
  化妆品: 'COSMETICS',
  医疗器械: 'MEDICAL_DEVICE',
  特种设备: 'SPECIAL_EQUIPMENT',
  质量安全: 'QUALITY_SAFETY',
  产品质量: 'QUALITY_SAFETY',
  消费者权益: 'CONSUMER_RIGHTS',
  公平竞争: 'FAIR_COMPETITION',
  妨碍执法: 'OBSTRUCTING_ENFORCEMENT',
  登记: 'REGISTRATION',
  其他: 'OTHER',
};

export const PARTY_CATEGORIES: Record<string, string> = {
  法人及非法人组织: 'ORGANISATION',
  法人: 'ORGANISATION',
  非法人组织: 'ORGANISATION',
  自然人: 'NATURAL_PERSON',
  个体工商户: 'INDIVIDUAL_BUSINESS_SINGLE',
};

/** 许可类别 words of the special-equipment table → licensed activity (TSG 07). */
export const LICENSED_ACTIVITIES: ReadonlyArray<[string, string]> = [
  ['设计', 'DESIGN'],
  ['制造', 'MANUFACTURE'],
  ['安装', 'INSTALLATION'],
  ['改造', 'ALTERATION'],
  ['修理', 'REPAIR'],
  ['维修', 'REPAIR'],
  ['充装', 'FILLING'],
  ['检验', 'INSPECTION'],
  ['检测', 'INSPECTION'],
  ['食品生产', 'FOOD_PRODUCTION'],
];

/** Filling and inspection are licences of their own; design to repair are production licences. */
export function licenseKindOf(activities: readonly string[]): string {
  if (activities.includes('FILLING')) return 'SPECIAL_EQUIPMENT_FILLING';
  if (activities.includes('INSPECTION')) return 'SPECIAL_EQUIPMENT_INSPECTION';
  if (activities.includes('FOOD_PRODUCTION')) return 'FOOD_PRODUCTION';
  return 'SPECIAL_EQUIPMENT_PRODUCTION';
}

/** 列入经营异常名录 grounds (企业经营异常名录管理暂行办法 第四条), recognised by their key words. */
export const ABNORMAL_REASONS: ReadonlyArray<[RegExp, string]> = [
  [/年度报告|年报/, 'MISSING_ANNUAL_REPORT'],
  [/隐瞒|弄虚作假|虚假/, 'FALSE_INFORMATION'],
  [/无法联系|住所|经营场所/, 'UNREACHABLE_ADDRESS'],
  [/公示/, 'UNPUBLISHED_INFORMATION'],
];

export const LICENSE_VALID_STATUS = new Set(['', '有效', '1', '正常', '在用']);
