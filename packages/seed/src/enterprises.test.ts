import { checkUscc } from '@credit-hub/uscc';
import { describe, expect, it } from 'vitest';
import { enterpriseAt, generateEnterprises, generateEnterprisesIn } from './enterprises.ts';

const options = { referenceDate: '2026-11-21' };
const population = [...generateEnterprises(3000, options)];

describe('synthetic enterprises', () => {
  it('is deterministic and independent of the population size', () => {
    expect(enterpriseAt(1234, options)).toEqual(population[1234]);
    expect(enterpriseAt(5, { ...options, seed: 7 })).not.toEqual(population[5]);
  });

  it("generates one province's enterprises exactly as filtering the whole population", () => {
    for (const prefix of ['14', '4301', '35']) {
      const expected = population.filter((e) => e.regionCode.startsWith(prefix));
      expect(expected.length).toBeGreaterThan(0);
      expect([...generateEnterprisesIn(prefix, 3000, options)]).toEqual(expected);
    }
    const progress: number[] = [];
    for (const _ of generateEnterprisesIn('14', 12_000, { ...options, onProgress: (done) => progress.push(done) }));
    expect(progress).toEqual([0, 5000, 10_000, 12_000]);
  });

  it('has valid, unique codes in real divisions of Shanxi, Hunan and Fujian', () => {
    const codes = new Set(population.map((e) => e.uscc));
    expect(codes.size).toBe(population.length);
    for (const enterprise of population) {
      const check = checkUscc(enterprise.uscc);
      expect(check.valid, enterprise.uscc).toBe(true);
      expect(check.problems).toEqual([]);
      expect(['14', '43', '35']).toContain(enterprise.regionCode.slice(0, 2));
      expect(enterprise.uscc.slice(2, 8)).toBe(enterprise.regionCode);
    }
  });

  it('looks like a real population: status mix, focus domains, late and missing reports', () => {
    const share = (predicate: (e: (typeof population)[number]) => boolean) => population.filter(predicate).length / population.length;
    expect(share((e) => e.status === 'ACTIVE')).toBeGreaterThan(0.75);
    expect(share((e) => e.status === 'REVOKED')).toBeGreaterThan(0.02);
    expect(share((e) => e.keyDomains.includes('FOOD_PRODUCTION'))).toBeGreaterThan(0.05);
    expect(share((e) => e.keyDomains.includes('SPECIAL_EQUIPMENT_PRODUCTION'))).toBeGreaterThan(0.02);
    expect(share((e) => e.entityType === 'INDIVIDUAL_BUSINESS')).toBeGreaterThan(0.03);
    const reports = population.flatMap((e) => e.annualReports);
    const late = reports.filter((r) => r.submittedOn > `${r.year + 1}-06-30`).length / reports.length;
    expect(late).toBeGreaterThan(0.03);
    expect(late).toBeLessThan(0.2);
    for (const report of reports) expect(report.submittedOn <= options.referenceDate).toBe(true);
    // Some enterprise misses a closed window (what lands it on the abnormal-operations list).
    expect(
      population.some((e) => e.status === 'ACTIVE' && e.establishedOn < '2023-01-01' && !e.annualReports.some((r) => r.year === 2024)),
    ).toBe(true);
  });

  it('names enterprises like the registry does', () => {
    for (const enterprise of population.slice(0, 200)) {
      expect(enterprise.name).toMatch(/(有限公司|股份有限公司|农民专业合作社|店|经营部|商行)$/);
    }
  });
});
