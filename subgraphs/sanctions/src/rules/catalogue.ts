import type { RuleVersion } from '@credit-hub/subgraph-kit';

/**
 * The law the sanctions subgraph applies, as rule versions (value, source, effective date,
 * province). ../shared/DOMAIN.md "Rules with numbers" is the specification. A revision is a new
 * entry with a later `effectiveFrom` — never an edit of an old one — so that records decided
 * before it keep the rule they were decided under.
 */
const PUBLICATION = '市场监督管理行政处罚信息公示规定（国家市场监督管理总局令第45号）';
const SERIOUS_LIST = '市场监督管理严重违法失信名单管理办法（国家市场监督管理总局令第44号）';
const ENTERPRISE_PUBLICITY = '企业信息公示暂行条例（国务院令第654号）';
const PUBLICATION_FROM = '2021-09-01';
const SERIOUS_LIST_FROM = '2021-09-01';

export type SanctionRuleCode =
  | 'PENALTY_PUBLISHED_PROCEDURE'
  | 'PENALTY_WARNING_NOT_PUBLISHED'
  | 'PENALTY_PUBLICATION_SHORT'
  | 'PENALTY_PUBLICATION_LONG'
  | 'PENALTY_PUBLICATION_RESTRICTION'
  | 'PENALTY_LOWER_FINE_NATURAL_PERSON'
  | 'PENALTY_LOWER_FINE_ORGANISATION'
  | 'PENALTY_WITHDRAWAL_DEADLINE'
  | 'PENALTY_PUBLICATION_EXCEPTIONS'
  | 'DUAL_PUBLICATION_DEADLINE'
  | 'NATIONAL_PUBLICATION_DEADLINE'
  | 'PENALTY_REPAIR_WAIT'
  | 'PENALTY_REPAIR_WAIT_KEY_DOMAINS'
  | 'PENALTY_REPAIR_EXCLUDED_TYPES'
  | 'PENALTY_REPAIR_CONDITIONS'
  | 'SERIOUS_LISTING_GROUNDS'
  | 'SERIOUS_LISTING_PERIOD'
  | 'SERIOUS_EARLY_REMOVAL'
  | 'ABNORMAL_REMOVAL_ON_CURE'
  | 'ABNORMAL_ESCALATION'
  | 'PENALTY_DECISION_NUMBER';

export type SanctionRule<TValue = unknown> = RuleVersion<TValue> & { code: SanctionRuleCode };

const rule = <TValue>(
  code: SanctionRuleCode,
  title: string,
  value: TValue,
  unit: string | null,
  citation: { document: string; article: string | null },
  effectiveFrom: string,
  extra: { province?: string; note?: string } = {},
): SanctionRule<TValue> => ({
  code,
  title,
  value,
  unit,
  citation,
  effectiveFrom,
  province: extra.province ?? null,
  note: extra.note ?? null,
});

export const SANCTION_RULES: readonly SanctionRule[] = Object.freeze([
  rule(
    'PENALTY_PUBLISHED_PROCEDURE',
    '只公示按普通程序作出的行政处罚决定；简易程序（当场）罚款不公示 Only ordinary-procedure decisions are published',
    'ORDINARY',
    null,
    { document: PUBLICATION, article: '第二条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_WARNING_NOT_PUBLISHED',
    '仅给予警告的行政处罚不公示 A decision that is only a warning is not published',
    'WARNING',
    'TYPES',
    { document: PUBLICATION, article: '第二条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_PUBLICATION_SHORT',
    '仅受到通报批评或者较低数额罚款的，公示期为三个月 Circulated criticism or a lower fine alone: published 3 months',
    3,
    'MONTHS',
    { document: PUBLICATION, article: '第十三条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_PUBLICATION_LONG',
    '其他行政处罚信息公示期为三年 Every other published penalty: 3 years',
    36,
    'MONTHS',
    { document: PUBLICATION, article: '第十三条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_PUBLICATION_RESTRICTION',
    '限制期限长于三年的，公示期与限制期相同，期间不得修复 A restriction longer than 3 years is published for its length and cannot be repaired while it runs',
    36,
    'MONTHS',
    { document: PUBLICATION, article: '第十三条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_LOWER_FINE_NATURAL_PERSON',
    '较低数额罚款（自然人、一人经营的个体工商户）：低于该数额 Lower fine for natural persons and one-person individual businesses: strictly below',
    '5000',
    'YUAN',
    { document: '福建省市场监督管理局关于较低数额罚款标准的规定（闽市监规〔2024〕3号）', article: null },
    '2024-01-01',
    { province: '35', note: '(verify) effective date: the day the notice took effect is not in the hub’s sources; the value is.' },
  ),
  rule(
    'PENALTY_LOWER_FINE_ORGANISATION',
    '较低数额罚款（法人及非法人组织）：低于该数额 Lower fine for legal persons and other organisations: strictly below',
    '50000',
    'YUAN',
    { document: '福建省市场监督管理局关于较低数额罚款标准的规定（闽市监规〔2024〕3号）', article: null },
    '2024-01-01',
    { province: '35', note: '(verify) effective date: the day the notice took effect is not in the hub’s sources; the value is.' },
  ),
  rule(
    'PENALTY_WITHDRAWAL_DEADLINE',
    '行政处罚决定被依法变更、撤销的，应当在三个工作日内撤下 A changed or revoked decision leaves publication within 3 working days',
    3,
    'WORKING_DAYS',
    { document: PUBLICATION, article: '第十三条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_PUBLICATION_EXCEPTIONS',
    '公示前删除涉及国家秘密、商业秘密、个人隐私的内容（自然人身份证号码作遮蔽处理）；经批准可以不予公示，并记录理由 Redact before publication (natural persons’ ID numbers masked); a decision may be withheld by approval with a recorded reason',
    'MASK_ID_NUMBER,WITHHOLD_BY_APPROVAL',
    null,
    { document: PUBLICATION, article: '第五条、第六条' },
    PUBLICATION_FROM,
  ),
  rule(
    'DUAL_PUBLICATION_DEADLINE',
    '双公示：作出决定之日起七个工作日内报送信用平台 双公示 to the credit platform within 7 working days of the decision',
    7,
    'WORKING_DAYS',
    { document: '国市监信发〔2022〕6号', article: null },
    '2022-01-01',
    { note: '(verify) effective date: the notice’s date of issue is not in the hub’s sources.' },
  ),
  rule(
    'NATIONAL_PUBLICATION_DEADLINE',
    '自产生之日起二十个工作日内通过企业信用信息公示系统公示 Published on the national publicity system within 20 working days',
    20,
    'WORKING_DAYS',
    { document: ENTERPRISE_PUBLICITY, article: '第六条' },
    '2014-10-01',
  ),
  rule(
    'PENALTY_REPAIR_WAIT',
    '公示期满六个月方可申请提前停止公示（信用修复） Repair may be applied for after 6 months published',
    6,
    'MONTHS',
    { document: PUBLICATION, article: '第十四条至第十六条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_REPAIR_WAIT_KEY_DOMAINS',
    '食品、药品、特种设备领域公示期满一年方可申请（化妆品、医疗器械为六个月） Food, drug and special-equipment cases wait 1 year (cosmetics and medical devices: 6 months)',
    12,
    'MONTHS',
    { document: PUBLICATION, article: '第十四条至第十六条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_REPAIR_EXCLUDED_TYPES',
    '责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件或营业执照的不予修复 Never repaired',
    ['SUSPEND_PRODUCTION', 'RESTRICT_OPERATION', 'RESTRICT_EMPLOYMENT', 'DOWNGRADE_QUALIFICATION', 'REVOKE_LICENCE'],
    'TYPES',
    { document: PUBLICATION, article: '第十四条至第十六条' },
    PUBLICATION_FROM,
  ),
  rule(
    'PENALTY_REPAIR_CONDITIONS',
    '已履行义务、消除危害，未因同一类违法行为再次受到行政处罚，未在经营异常名录和严重违法失信名单中 Obligations fulfilled, no later penalty of the same kind, not on the abnormal or serious list',
    'OBLIGATIONS_FULFILLED,NO_LATER_SAME_KIND_PENALTY,NOT_LISTED',
    null,
    { document: PUBLICATION, article: '第十四条至第十六条' },
    PUBLICATION_FROM,
  ),
  rule(
    'SERIOUS_LISTING_GROUNDS',
    '列入严重违法失信名单须以较重行政处罚为依据（依裁量基准从重的罚款、降低资质等级、吊销许可证件、限制开展生产经营活动、责令停产停业、责令关闭、限制从业） Grounds must be a heavier penalty',
    ['DOWNGRADE_QUALIFICATION', 'REVOKE_LICENCE', 'RESTRICT_OPERATION', 'SUSPEND_PRODUCTION', 'ORDER_CLOSURE', 'RESTRICT_EMPLOYMENT'],
    'TYPES',
    { document: SERIOUS_LIST, article: '第二条' },
    SERIOUS_LIST_FROM,
  ),
  rule(
    'SERIOUS_LISTING_PERIOD',
    '列入严重违法失信名单公示三年，期满移出 Listed and published 3 years, then removed',
    36,
    'MONTHS',
    { document: SERIOUS_LIST, article: '第十六条' },
    SERIOUS_LIST_FROM,
  ),
  rule(
    'SERIOUS_EARLY_REMOVAL',
    '列入满一年且完成信用修复的，可以提前移出 Early removal after 1 year on the list, with repair',
    12,
    'MONTHS',
    { document: SERIOUS_LIST, article: '第十六条' },
    SERIOUS_LIST_FROM,
  ),
  rule(
    'ABNORMAL_REMOVAL_ON_CURE',
    '列入经营异常名录的原因消除后移出 Removed once the cause is cured',
    'CAUSE_CURED',
    null,
    { document: '企业经营异常名录管理暂行办法', article: null },
    '2014-10-01',
  ),
  rule(
    'ABNORMAL_ESCALATION',
    '列入经营异常名录届满三年仍未履行公示义务的，列入严重违法企业名单 Still listed after 3 years: serious list',
    36,
    'MONTHS',
    { document: ENTERPRISE_PUBLICITY, article: '第十七条' },
    '2014-10-01',
  ),
  rule(
    'PENALTY_DECISION_NUMBER',
    '行政处罚决定书文号：含〔年份〕及“N号”；括号统一后查询 Decision number: any text with a year in brackets and a number before 号',
    'TEXT〔YYYY〕N号',
    null,
    { document: '市场监督管理行政处罚文书格式范本', article: null },
    PUBLICATION_FROM,
    { note: 'No single national format (e.g. 晋市监处罚〔2024〕12号, 运市监罚字〔2024〕3号).' },
  ),
]);
