import { describe, expect, it } from 'vitest';
import { type Candidate, type ClassRatios, countForClass, type DrawInspector, drawEnterprises } from '../src/rules/draw.ts';

const CLASSES = ['A', 'B', 'C', 'D', null] as const;
/** 1 000 candidates over three counties and every class; every 50th is key supervision. */
const pool: Candidate[] = Array.from({ length: 1000 }, (_, index) => ({
  uscc: `91140802MA${String(index).padStart(7, '0')}X`,
  regionCode: ['140802', '140821', '140822'][index % 3] as string,
  riskClass: CLASSES[index % 5] ?? null,
  keySupervision: index % 50 === 7,
}));
const inspectors: DrawInspector[] = [
  { id: 1, regionCode: '140802' },
  { id: 2, regionCode: '140802' },
  { id: 3, regionCode: '140821' },
  { id: 4, regionCode: '140821' },
  { id: 5, regionCode: '140822' },
];
const ratios: ClassRatios = { A: 250, B: 1000, C: 3000, D: 8000, UNCLASSIFIED: 1000 };
const draw = (seed: number, overrides: Partial<Parameters<typeof drawEnterprises>[0]> = {}) =>
  drawEnterprises({ pool, ratios, inspectors, perEnterprise: 2, seed, ...overrides });

describe('the 双随机 draw', () => {
  it('rounds counts up: ceil(pool × ratio) when the ratio is above 0, 0 otherwise, never more than the pool', () => {
    expect(countForClass(30, 1000)).toBe(3); // 30 × 10 % = 3 exactly: no float 3.0000000000000004 rounding up to 4
    expect(countForClass(31, 1000)).toBe(4);
    expect(countForClass(1, 1)).toBe(1);
    expect(countForClass(100, 0)).toBe(0);
    expect(countForClass(7, 10_000)).toBe(7);
    expect(countForClass(0, 5000)).toBe(0);
  });

  it('draws per class at the task’s ratios, key supervision units all of them', () => {
    const outcome = draw(42);
    const sampled = (riskClass: Candidate['riskClass']) =>
      outcome.entries.filter((entry) => entry.selection === 'SAMPLED' && entry.riskClass === riskClass).length;
    const members = (riskClass: Candidate['riskClass']) => pool.filter((c) => !c.keySupervision && c.riskClass === riskClass).length;
    expect(sampled('A')).toBe(countForClass(members('A'), ratios.A));
    expect(sampled('B')).toBe(countForClass(members('B'), ratios.B));
    expect(sampled('C')).toBe(countForClass(members('C'), ratios.C));
    expect(sampled('D')).toBe(countForClass(members('D'), ratios.D));
    expect(sampled(null)).toBe(countForClass(members(null), ratios.UNCLASSIFIED));
    const key = pool.filter((candidate) => candidate.keySupervision).map((candidate) => candidate.uscc);
    expect(outcome.entries.filter((entry) => entry.selection === 'KEY_SUPERVISION').map((entry) => entry.uscc)).toEqual(key);
    expect(outcome.keySupervisionCount).toBe(key.length);
    expect(outcome.poolCounts).toEqual({ A: 200, B: 200, C: 200, D: 200, UNCLASSIFIED: 200 });
    expect(Object.values(outcome.drawnCounts).reduce((a, b) => a + b, 0)).toBe(outcome.entries.length);
  });

  it('is reproducible from the seed, whatever order the pool arrived in, and differs with another seed', () => {
    const first = draw(7);
    const shuffled = draw(7, { pool: [...pool].reverse().concat(pool.slice(0, 10)) });
    expect(shuffled.entries).toEqual(first.entries);
    expect(shuffled.poolDigest).toBe(first.poolDigest);
    expect(draw(8).entries.map((e) => e.uscc)).not.toEqual(first.entries.map((e) => e.uscc));
  });

  it('never draws an enterprise twice, even when the pool repeats it', () => {
    const outcome = draw(3, { pool: [...pool, ...pool], ratios: { A: 10_000, B: 10_000, C: 10_000, D: 10_000, UNCLASSIFIED: 10_000 } });
    expect(new Set(outcome.entries.map((e) => e.uscc)).size).toBe(outcome.entries.length);
    expect(outcome.entries).toHaveLength(1000);
  });

  it('checks A-class enterprises off site, the others on site', () => {
    const outcome = draw(11);
    for (const entry of outcome.entries) expect(entry.onSite).toBe(entry.selection === 'KEY_SUPERVISION' || entry.riskClass !== 'A');
  });

  it('sends two distinct inspectors from another county when there are enough', () => {
    const outcome = draw(5);
    const county = new Map(inspectors.map((inspector) => [inspector.id, inspector.regionCode]));
    for (const entry of outcome.entries) {
      expect(entry.inspectorIds).toHaveLength(2);
      expect(new Set(entry.inspectorIds).size).toBe(2);
      for (const id of entry.inspectorIds) expect(county.get(id)).not.toBe(entry.regionCode);
    }
  });

  it('falls back to the enterprise’s own county only for the places others cannot fill', () => {
    const few: DrawInspector[] = [
      { id: 1, regionCode: '140802' },
      { id: 2, regionCode: '140802' },
      { id: 3, regionCode: '140821' },
    ];
    const outcome = draw(5, { inspectors: few });
    const own = outcome.entries.filter((entry) => entry.regionCode === '140802');
    for (const entry of own) {
      expect(entry.inspectorIds).toContain(3);
      expect(entry.inspectorIds).toHaveLength(2);
    }
  });

  it('refuses a draw with fewer inspectors than each enterprise needs', () => {
    expect(() => draw(1, { inspectors: inspectors.slice(0, 1) })).toThrow(/needs 2 inspectors/);
  });
});
