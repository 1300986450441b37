import { type RuleVersion, ruleInForce } from '@credit-hub/subgraph-kit';

/**
 * The law the inspections subgraph applies, as rule versions (../shared/DOMAIN.md "Rules with
 * numbers"). A revision is a new entry with a later `effectiveFrom`, never an edit. The sampling
 * ratios per class are NOT rules: the seeds give no numbers, so each task states its own.
 */
export type InspectionRuleCode = 'NATIONAL_PUBLICATION_DEADLINE' | 'DUAL_PUBLICATION_DEADLINE' | 'KEY_SUPERVISION_SPECIAL_EQUIPMENT';

const rule = <TValue>(
  code: InspectionRuleCode,
  title: string,
  value: TValue,
  unit: string | null,
  citation: { document: string; article: string | null },
  effectiveFrom: string,
  note: string | null = null,
): RuleVersion<TValue> => ({ code, title, value, unit, citation, effectiveFrom, province: null, note });

export const INSPECTION_RULES: readonly RuleVersion[] = Object.freeze([
  rule(
    'NATIONAL_PUBLICATION_DEADLINE',
    '抽查检查结果自产生之日起二十个工作日内通过企业信用信息公示系统公示 Results published on the national publicity system within 20 working days',
    20,
    'WORKING_DAYS',
    { document: '企业信息公示暂行条例（国务院令第654号）', article: '第六条' },
    '2014-10-01',
  ),
  rule(
    'DUAL_PUBLICATION_DEADLINE',
    '抽查检查结果七个工作日内归集至信用平台 Results reported to the credit platform within 7 working days',
    7,
    'WORKING_DAYS',
    { document: '运市监信用〔2022〕4号', article: '三（一）归集企业信用风险信息' },
    '2022-01-01',
    'The seeds apply the 双公示 7 working days (国市监信发〔2022〕6号) to 双随机 results; (verify) the effective date.',
  ),
  rule(
    'KEY_SUPERVISION_SPECIAL_EQUIPMENT',
    '特种设备生产单位、检验检测机构实施重点监管（全部检查，不抽取）；使用单位实施双随机抽查 Producers and inspection bodies are key supervision (all), user units are drawn',
    'SPECIAL_EQUIPMENT_PRODUCTION,SPECIAL_EQUIPMENT_INSPECTION',
    'TYPES',
    { document: '晋市监发〔2021〕181号', article: '二（三）' },
    '2021-01-01',
    '(verify) effective date: the notice’s date of issue is not in the hub’s sources.',
  ),
]);

export function inspectionRule(code: InspectionRuleCode, on: string): RuleVersion {
  const version = ruleInForce(INSPECTION_RULES, code, on, null);
  if (!version) throw new Error(`no version of ${code} in force on ${on}`);
  return version;
}
