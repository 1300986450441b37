import type { EnterpriseRiskFacts } from './facts.ts';
import { HARD_RULES } from './hard-rules/index.ts';
import { INDICATORS } from './indicators/index.ts';
import { classOfScore, type IndicatorContribution, type RiskClass, type RiskModelVersion, worseOf } from './model.ts';

export interface Classification {
  riskClass: RiskClass;
  score: number;
  /** The hard rule that set the class (the score alone gave a better one), if any. */
  hardRule: string | null;
  /** Largest contribution first; contributions sum to the score exactly (both in hundredths). */
  indicators: IndicatorContribution[];
}

const hundredths = (value: number) => Math.round(value * 100);

/**
 * Classifies one enterprise with one model version: score = Σ weight × share over the version's
 * indicators; class from the thresholds; then each hard rule that holds may only raise the class.
 */
export function classifyEnterprise(facts: EnterpriseRiskFacts, version: RiskModelVersion, referenceDate: string): Classification {
  const indicators: IndicatorContribution[] = [];
  let total = 0;
  for (const [key, params] of Object.entries(version.indicators)) {
    const indicator = INDICATORS.get(key);
    if (!indicator) throw new Error(`model ${version.id}: unknown indicator ${key}`);
    const { value, share } = indicator.measure(facts, params, referenceDate);
    const contribution = hundredths(params.weight * share);
    total += contribution;
    indicators.push({ key, value, contribution: contribution / 100 });
  }
  indicators.sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key));
  const score = total / 100;
  const byScore = classOfScore(score, version.thresholds);
  let riskClass = byScore;
  let hardRule: string | null = null;
  for (const [key, params] of Object.entries(version.hardRules)) {
    const rule = HARD_RULES.get(key);
    if (!rule) throw new Error(`model ${version.id}: unknown hard rule ${key}`);
    if (!rule.holds(facts, params, referenceDate) || params.minimumClass <= riskClass) continue;
    riskClass = worseOf(riskClass, params.minimumClass);
    hardRule = key;
  }
  return { riskClass, score, hardRule, indicators };
}

/** The day a month is classified as of: its last day, or today for the running month. */
export function referenceDateOf(month: string, today: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  return last < today ? last : today;
}

export const previousMonth = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return monthNumber === 1 ? `${year - 1}-12` : `${year}-${String(monthNumber - 1).padStart(2, '0')}`;
};

/** Descriptions of indicators and rules, for the API. */
export const describeIndicator = (key: string) => INDICATORS.get(key)?.description ?? { zh: key, en: key };
export const describeHardRule = (key: string) => HARD_RULES.get(key)?.description ?? { zh: key, en: key };
