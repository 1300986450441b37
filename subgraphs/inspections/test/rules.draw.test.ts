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

  describe('inspector workload balancing', () => {
    /** 300 enterprises of a county with no inspectors of its own: every inspector is eligible. */
    const elsewhere: Candidate[] = Array.from({ length: 300 }, (_, index) => ({
      uscc: `91140823MA${String(index).padStart(7, '0')}X`,
      regionCode: '140823',
      riskClass: 'D',
      keySupervision: false,
    }));
    const staff: DrawInspector[] = Array.from({ length: 7 }, (_, index) => ({
      id: index + 1,
      regionCode: ['140802', '140821', '140822'][index % 3] as string,
    }));
    const all: ClassRatios = { A: 10_000, B: 10_000, C: 10_000, D: 10_000, UNCLASSIFIED: 10_000 };
    const placesOf = (outcome: ReturnType<typeof drawEnterprises>) => {
      const places = new Map<number, number>(staff.map((inspector) => [inspector.id, 0]));
      for (const entry of outcome.entries) for (const id of entry.inspectorIds) places.set(id, (places.get(id) ?? 0) + 1);
      return places;
    };

    it('spreads places evenly: no inspector has two more than another', () => {
      const places = placesOf(draw(9, { pool: elsewhere, ratios: all, inspectors: staff }));
      expect([...places.values()].reduce((a, b) => a + b, 0)).toBe(600);
      expect(Math.max(...places.values()) - Math.min(...places.values())).toBeLessThanOrEqual(1);
    });

    it('fills the plan year’s less loaded inspectors first, then evens out', () => {
      const loads = { 1: 150, 2: 40 };
      const outcome = draw(9, { pool: elsewhere.slice(0, 50), ratios: all, inspectors: staff, loads });
      const places = placesOf(outcome);
      // 100 places over the five inspectors at 0: 20 each, none reaches 40, so 1 and 2 stay out.
      expect(places.get(1)).toBe(0);
      expect(places.get(2)).toBe(0);
      for (const id of [3, 4, 5, 6, 7]) expect(places.get(id)).toBe(20);
      // With more places than that, the others catch up with inspector 2 first.
      const more = placesOf(draw(9, { pool: elsewhere.slice(0, 150), ratios: all, inspectors: staff, loads }));
      expect(more.get(1)).toBe(0);
      const totals = [2, 3, 4, 5, 6, 7].map((id) => (more.get(id) ?? 0) + (id === 2 ? 40 : 0));
      expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
    });

    it('stays random within the lowest tier and reproducible from the seed and loads', () => {
      const options = { pool: elsewhere, ratios: all, inspectors: staff, loads: { 3: 5 } };
      expect(draw(4, options).entries).toEqual(draw(4, options).entries);
      expect(draw(4, options).entries.map((e) => e.inspectorIds)).not.toEqual(draw(5, options).entries.map((e) => e.inspectorIds));
    });

    it('still never sends an inspector of the enterprise’s own county when another is eligible', () => {
      const outcome = draw(6, { loads: { 3: 1000, 4: 1000, 5: 1000 } });
      const county = new Map(inspectors.map((inspector) => [inspector.id, inspector.regionCode]));
      for (const entry of outcome.entries) for (const id of entry.inspectorIds) expect(county.get(id)).not.toBe(entry.regionCode);
    });
  });
});
