import { describe, expect, it } from 'vitest';
import { joinPage, type PageFacts } from '../src/draw/candidate-source.ts';
import type { CandidateFilter } from '../src/rules/draw.ts';

const general: CandidateFilter = { regionPrefix: '1408', keyDomain: null, industryCode: null, licenseKind: null, equipmentUsers: false };
const facts = (over: Partial<PageFacts> = {}): PageFacts => ({
  codes: ['C1', 'C2', 'C3', 'C4'],
  regionCodes: ['140802', '140821', '140822', '140802'],
  classes: new Map([
    ['C1', 'A'],
    ['C3', 'D'],
  ]),
  kindHolders: null,
  keySupervision: null,
  equipmentUsers: null,
  ...over,
});

describe('joining a page of the draw pool in memory', () => {
  it('takes every code with its region and class; unclassified codes have no class', () => {
    expect(joinPage(facts(), general)).toEqual([
      { uscc: 'C1', regionCode: '140802', riskClass: 'A', keySupervision: false },
      { uscc: 'C2', regionCode: '140821', riskClass: null, keySupervision: false },
      { uscc: 'C3', regionCode: '140822', riskClass: 'D', keySupervision: false },
      { uscc: 'C4', regionCode: '140802', riskClass: null, keySupervision: false },
    ]);
  });

  it('keeps only holders of the task’s licence kind', () => {
    const pool = joinPage(facts({ kindHolders: new Set(['C2', 'C4']) }), { ...general, licenseKind: 'FOOD_BUSINESS' });
    expect(pool.map((candidate) => candidate.uscc)).toEqual(['C2', 'C4']);
  });

  it('keeps only user units for a user-unit task, and marks producers and inspection bodies among them as key supervision', () => {
    const pool = joinPage(facts({ equipmentUsers: new Set(['C1', 'C3']), keySupervision: new Set(['C3', 'C4']) }), {
      ...general,
      equipmentUsers: true,
    });
    expect(pool).toEqual([
      { uscc: 'C1', regionCode: '140802', riskClass: 'A', keySupervision: false },
      { uscc: 'C3', regionCode: '140822', riskClass: 'D', keySupervision: true },
    ]);
  });

  it('marks key supervision only in special-equipment tasks', () => {
    const pool = joinPage(facts({ keySupervision: new Set(['C1']) }), general);
    expect(pool.every((candidate) => !candidate.keySupervision)).toBe(true);
  });

  it('leaves out every code of a licence-kind task when the holders were not read', () => {
    expect(joinPage(facts(), { ...general, licenseKind: 'FOOD_BUSINESS' })).toEqual([]);
  });
});
