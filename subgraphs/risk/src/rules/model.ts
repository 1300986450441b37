import type { EnterpriseRiskFacts } from './facts.ts';

export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
/** A 信用风险低, B 一般, C 较高, D 高 (运市监信用〔2022〕4号). */
export type RiskClass = (typeof RISK_CLASSES)[number];
export type RunSource = 'LOCAL' | 'PROVINCE';

export interface IndicatorContribution {
  key: string;
  value: number;
  contribution: number;
}

/** What an indicator's measure returns: the value shown and the share (0–1) of its weight earned. */
export interface Measure {
  value: number;
  share: number;
}

export interface IndicatorDefinition {
  key: string;
  description: { zh: string; en: string };
  /** How the value is computed and how it turns into a share of the weight (shown in the model's notes). */
  computation: string;
  /** Default parameters; a model version overrides them per indicator. */
  defaults: Record<string, number | string[]>;
  measure(facts: EnterpriseRiskFacts, params: Record<string, unknown>, referenceDate: string): Measure;
}

export interface HardRuleDefinition {
  key: string;
  description: { zh: string; en: string };
  defaults: Record<string, number>;
  holds(facts: EnterpriseRiskFacts, params: Record<string, unknown>, referenceDate: string): boolean;
}

/** One version of the model, as a province's model file states it. */
export interface RiskModelVersion {
  id: string;
  /** First month (YYYY-MM) the version classifies; a month uses the latest version in effect. */
  effectiveMonth: string;
  note: string;
  /** Lowest score of each class: a score equal to a threshold is in the higher class. */
  thresholds: { B: number; C: number; D: number };
  indicators: Record<string, { weight: number } & Record<string, unknown>>;
  hardRules: Record<string, { minimumClass: RiskClass } & Record<string, unknown>>;
}

export const worseOf = (a: RiskClass, b: RiskClass): RiskClass => (a > b ? a : b);

export const classOfScore = (score: number, thresholds: RiskModelVersion['thresholds']): RiskClass =>
  score >= thresholds.D ? 'D' : score >= thresholds.C ? 'C' : score >= thresholds.B ? 'B' : 'A';

/** Capped linear share: value / cap, at most 1. */
export const cappedShare = (value: number, cap: number): number => (cap <= 0 ? (value > 0 ? 1 : 0) : Math.min(value / cap, 1));

export const numberParam = (params: Record<string, unknown>, name: string): number => {
  const value = params[name];
  if (typeof value !== 'number') throw new Error(`model parameter ${name} must be a number`);
  return value;
};
