import { describe, expect, it } from 'vitest';
import { classifyEnterprise } from '../src/rules/classify.ts';
import type { EnterpriseRiskFacts } from '../src/rules/facts.ts';
import { classOfScore } from '../src/rules/model.ts';
import { EXAMPLE_MODEL_FILE, loadModelFile, versionForMonth } from '../src/rules/model-file.ts';

const REFERENCE = '2026-11-30';
const model = versionForMonth(loadModelFile(EXAMPLE_MODEL_FILE), '2026-11');
if (!model) throw new Error('no example model for 2026-11');

const clean: EnterpriseRiskFacts = {
  uscc: '91140802MA0RK0017X',
  regionCode: '140802',
  status: 'ACTIVE',
  establishedOn: '2015-03-01',
  keyDomains: [],
  missingAnnualReports: 0,
  lateAnnualReports: 0,
  expiredLicences: 0,
  suspendedOrRevokedLicences: 0,
  licenceRevocations: [],
  penalties: [],
  currentlyAbnormal: false,
  currentlySerious: false,
  failedInspections: 0,
  refusedInspections: 0,
};
const classify = (facts: Partial<EnterpriseRiskFacts>) => classifyEnterprise({ ...clean, ...facts }, model, REFERENCE);

describe('the example risk model', () => {
  it('puts a clean, established enterprise in A with a zero score', () => {
    expect(classify({})).toMatchObject({ riskClass: 'A', score: 0, hardRule: null });
  });

  it('sends an enterprise on the serious violation list to D whatever its score', () => {
    expect(classify({ currentlySerious: true })).toMatchObject({ riskClass: 'D', hardRule: 'serious_list' });
  });

  it('keeps an enterprise whose licence was revoked in the last 12 months at least in C, not after 12 months', () => {
    expect(classify({ licenceRevocations: ['2025-12-01'] })).toMatchObject({ riskClass: 'C', hardRule: 'licence_revoked' });
    expect(classify({ licenceRevocations: ['2025-11-30'] })).toMatchObject({ riskClass: 'A', hardRule: null });
    const revokingPenalty = { decidedOn: '2026-06-01', fineAmount: 0, types: ['REVOKE_LICENCE'] };
    expect(classify({ penalties: [revokingPenalty] }).riskClass).toBe('C');
  });

  it('never leaves an enterprise on the abnormal-operations list in A', () => {
    const withoutWeight = { ...model, indicators: { ...model.indicators, abnormal_listing: { weight: 0 } } };
    expect(classifyEnterprise({ ...clean, currentlyAbnormal: true }, withoutWeight, REFERENCE)).toMatchObject({
      riskClass: 'B',
      score: 0,
      hardRule: 'abnormal_list',
    });
  });

  it('reports no hard rule when the score alone already gives the class', () => {
    const heavy = classify({ currentlyAbnormal: true, missingAnnualReports: 2, status: 'REVOKED' });
    expect(heavy.score).toBe(34);
    expect(heavy).toMatchObject({ riskClass: 'C', hardRule: null });
  });

  it('classifies a score equal to a threshold in the higher class, one hundredth below in the lower', () => {
    const { B, C, D } = model.thresholds;
    for (const [threshold, higher, lower] of [
      [B, 'B', 'A'],
      [C, 'C', 'B'],
      [D, 'D', 'C'],
    ] as const) {
      expect(classOfScore(threshold, model.thresholds)).toBe(higher);
      expect(classOfScore(threshold - 0.01, model.thresholds)).toBe(lower);
    }
  });

  it('explains every score: contributions, largest first, sum exactly to it', () => {
    const samples: Partial<EnterpriseRiskFacts>[] = [
      { missingAnnualReports: 1, lateAnnualReports: 2, keyDomains: ['FOOD_PRODUCTION'], establishedOn: '2025-02-01' },
      {
        penalties: [
          { decidedOn: '2026-01-05', fineAmount: 3333, types: ['FINE'] },
          { decidedOn: '2024-03-05', fineAmount: 0, types: ['WARNING'] },
        ],
      },
      { expiredLicences: 1, suspendedOrRevokedLicences: 1, currentlyAbnormal: true, establishedOn: '2024-06-30' },
    ];
    for (const sample of samples) {
      const result = classify(sample);
      const contributions = result.indicators.map((indicator) => indicator.contribution);
      expect([...contributions].sort((a, b) => b - a)).toEqual(contributions);
      expect(Math.round(contributions.reduce((sum, c) => sum + c, 0) * 100) / 100).toBe(result.score);
      expect(result.indicators.map((indicator) => indicator.key).sort()).toEqual(Object.keys(model.indicators).sort());
    }
  });

  it('weighs penalties by recency and ignores those decided after the reference date', () => {
    const at = (decidedOn: string) => classify({ penalties: [{ decidedOn, fineAmount: 0, types: ['WARNING'] }] });
    const value = (decidedOn: string) => at(decidedOn).indicators.find((i) => i.key === 'penalties_recent')?.value;
    expect(value('2026-01-01')).toBe(1);
    expect(value('2025-01-01')).toBe(0.6);
    expect(value('2024-01-01')).toBe(0.3);
    expect(value('2023-01-01')).toBe(0);
    expect(value('2026-12-01')).toBe(0);
  });

  it('raises the score for failed and refused inspections from the December 2026 version on', () => {
    const december = versionForMonth(loadModelFile(EXAMPLE_MODEL_FILE), '2026-12');
    if (!december) throw new Error('no example model for 2026-12');
    const score = (facts: Partial<EnterpriseRiskFacts>) => classifyEnterprise({ ...clean, ...facts }, december, '2026-12-31').score;
    expect(score({ failedInspections: 1 })).toBeGreaterThan(score({}));
    expect(score({ refusedInspections: 1 })).toBeGreaterThan(score({ failedInspections: 1 }));
    // The November version does not know the indicator: results already classified stay as they were.
    expect(classify({ failedInspections: 3 }).score).toBe(classify({}).score);
  });
});
