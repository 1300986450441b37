import { describe, expect, it } from 'vitest';
import { generateUscc } from './generate.ts';
import { checkUscc } from './validate.ts';

/** Tiny seeded PRNG so that generated codes are reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const generate = (seed: number, regionCode: string, count: number, extra: { authority?: string; entityType?: string } = {}) => {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => generateUscc(random, { regionCode, ...extra }));
};

describe('generateUscc', () => {
  it.each(['140800', '430100', '350100'])('produces 1000 valid, problem-free codes for %s', (regionCode) => {
    const codes = generate(42, regionCode, 1000);
    for (const code of codes) {
      const check = checkUscc(code);
      expect(check.problems, code).toEqual([]);
      expect(code.slice(0, 8)).toBe(`91${regionCode}`);
    }
    expect(new Set(codes).size).toBeGreaterThan(990);
  });

  it('is deterministic for a seeded PRNG', () => {
    expect(generate(7, '140800', 50)).toEqual(generate(7, '140800', 50));
    expect(generate(7, '140800', 50)).not.toEqual(generate(8, '140800', 50));
  });

  it('mixes legacy all-digit organization codes and post-2015 MA codes', () => {
    const bodies = generate(1, '430100', 200).map((code) => code.slice(8, 10));
    expect(bodies.some((b) => b === 'MA')).toBe(true);
    expect(bodies.some((b) => /^\d\d$/.test(b))).toBe(true);
  });

  it.each([
    [{ authority: '5', entityType: '3' }, '53', '基金会'],
    [{ authority: 'Y' }, 'Y1', '其他'],
    [{ authority: '9', entityType: '2' }, '92', '个体工商户'],
    [{ authority: '2' }, '21', '外国常驻新闻机构'],
  ])('honours authority and entity type %j', (options, prefix, entityType) => {
    for (const code of generate(3, '140802', 20, options)) {
      expect(code.startsWith(`${prefix}140802`)).toBe(true);
      expect(checkUscc(code)).toMatchObject({ valid: true, problems: [] });
      expect(checkUscc(code).parts?.entityType?.name).toBe(entityType);
    }
  });

  it('survives a random source that returns the boundaries', () => {
    expect(checkUscc(generateUscc(() => 0, { regionCode: '140800' })).valid).toBe(true);
    expect(checkUscc(generateUscc(() => 0.999999999, { regionCode: '140800' })).valid).toBe(true);
  });

  it.each([
    [{ regionCode: '990000' }],
    [{ regionCode: '1408' }],
    [{ regionCode: '140800', authority: 'B' }],
    [{ regionCode: '140800', authority: '9', entityType: '9' }],
  ])('throws for %j', (options) => {
    expect(() => generateUscc(Math.random, options)).toThrow(RangeError);
  });
});
