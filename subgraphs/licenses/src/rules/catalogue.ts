import { type RuleVersion, ruleInForce, rulesInForce } from '@credit-hub/subgraph-kit';
import type { LicenseRules } from './config.ts';

/**
 * The law the licences subgraph applies, as rule versions (value, source, effective date): the
 * values come from the validated configuration (several are "(verify)" in DOMAIN.md and are
 * environment-overridable), the sources and dates from here. A revision is a new version.
 */
export type LicenseRuleCode =
  | 'DUAL_PUBLICATION_DEADLINE'
  | 'NATIONAL_PUBLICATION_DEADLINE'
  | 'FOOD_LICENCE_VALIDITY'
  | 'FOOD_LICENCE_RENEWAL'
  | 'SPECIAL_EQUIPMENT_LICENCE_VALIDITY'
  | 'LICENCE_RENEWAL_LEAD'
  | 'EQUIPMENT_REGISTRATION_DEADLINE';

const FOOD = '食品生产许可管理办法（国家市场监督管理总局令第24号）';
const TSG07 = 'TSG 07-2019 特种设备生产和充装单位许可规则';

export function licenseRuleVersions(rules: LicenseRules): RuleVersion[] {
  const version = (
    code: LicenseRuleCode,
    title: string,
    value: number,
    unit: string,
    citation: RuleVersion['citation'],
    effectiveFrom: string,
    note: string | null = null,
  ): RuleVersion => ({ code, title, value, unit, citation, effectiveFrom, province: null, note });
  return [
    version(
      'DUAL_PUBLICATION_DEADLINE',
      '双公示：作出决定之日起七个工作日内报送信用平台 双公示 to the credit platform within 7 working days of the decision',
      rules.dualPublicationWorkingDays,
      'WORKING_DAYS',
      { document: '国市监信发〔2022〕6号', article: null },
      '2022-01-01',
      '(verify) effective date: the notice’s date of issue is not in the hub’s sources.',
    ),
    version(
      'NATIONAL_PUBLICATION_DEADLINE',
      '自产生之日起二十个工作日内通过企业信用信息公示系统公示 Published on the national publicity system within 20 working days',
      rules.nationalPublicityWorkingDays,
      'WORKING_DAYS',
      { document: '企业信息公示暂行条例（国务院令第654号）', article: '第六条' },
      '2014-10-01',
    ),
    version(
      'FOOD_LICENCE_VALIDITY',
      '食品生产许可证有效期五年 Food production licences are valid 5 years',
      rules.foodValidityYears,
      'YEARS',
      { document: FOOD, article: null },
      '2020-03-01',
    ),
    version(
      'FOOD_LICENCE_RENEWAL',
      '延续食品生产许可有效期的，应当在有效期届满三十个工作日前提出申请 Renewal is applied for 30 working days before expiry',
      rules.foodRenewalWorkingDays,
      'WORKING_DAYS',
      { document: FOOD, article: null },
      '2020-03-01',
    ),
    version(
      'SPECIAL_EQUIPMENT_LICENCE_VALIDITY',
      '特种设备生产单位许可证有效期四年 Special-equipment licences are valid 4 years',
      rules.specialEquipmentValidityYears,
      'YEARS',
      { document: TSG07, article: null },
      '2019-06-01',
      '(verify) DOMAIN.md marks the validity as weakly sourced.',
    ),
    version(
      'LICENCE_RENEWAL_LEAD',
      '许可证有效期届满六个月前申请换证（特种设备；其他许可沿用） Renewal due 6 months before expiry (special equipment; other licences follow it)',
      rules.renewalLeadMonths,
      'MONTHS',
      { document: TSG07, article: null },
      '2019-06-01',
    ),
    version(
      'EQUIPMENT_REGISTRATION_DEADLINE',
      '特种设备投入使用前或者投入使用后三十日内办理使用登记 Use registration within 30 days of first use',
      rules.registrationDeadlineDays,
      'DAYS',
      { document: 'TSG 08-2017 特种设备使用管理规则', article: null },
      '2017-08-01',
    ),
  ];
}

/** The version of a licence rule in force on `on` (falling back to the earliest for older records). */
export function licenseRule(rules: LicenseRules, code: LicenseRuleCode, on: string): RuleVersion {
  const versions = licenseRuleVersions(rules);
  const found = ruleInForce(versions, code, on, null);
  if (found) return found;
  const earliest = versions.filter((version) => version.code === code).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  if (!earliest) throw new Error(`no version of licence rule ${code}`);
  return earliest;
}

export const licenseRulesInForce = (rules: LicenseRules, on: string, province: string | null) =>
  rulesInForce(licenseRuleVersions(rules), on, province);
