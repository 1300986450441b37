import { describe, expect, it } from 'vitest';
import { computeOrganizationCheckCharacter, computeUsccCheckCharacter } from './check-characters.ts';

const REAL_CODES = [
  ['914403001922038216', 'Huawei Technologies'],
  ['91110108551385082Q', 'Xiaomi'],
  ['91350100M000100Y43', 'GB 32100-2015 worked example'],
] as const;

describe('computeUsccCheckCharacter', () => {
  it.each(REAL_CODES)('gives the published check character of %s (%s)', (code) => {
    expect(computeUsccCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
  });

  it.each([
    ['16 characters', '9144030019220382'],
    ['18 characters', '914403001922038216'],
    ['an I', '9144030019220382I'],
    ['lower case (no normalisation here)', '91350100m000100y4'],
    ['empty', ''],
  ])('throws on %s', (_label, input) => {
    expect(() => computeUsccCheckCharacter(input)).toThrow(RangeError);
  });
});

describe('computeOrganizationCheckCharacter', () => {
  it.each([
    ['19220382', '1'],
    ['55138508', '2'],
    ['M000100Y', '4'],
    ['00000006', 'X'], // 11 − 1 = 10 → X
    ['00000000', '0'], // 11 − 0 = 11 → 0
  ])('%s → %s', (body, check) => {
    expect(computeOrganizationCheckCharacter(body)).toBe(check);
  });

  it('values the letters the USCC charset excludes (GB 11714 A=10 … Z=35)', () => {
    // O=24, weight 3 → Σ 72, 72 mod 11 = 6, 11 − 6 = 5
    expect(computeOrganizationCheckCharacter('O0000000')).toBe('5');
    // S=28 → Σ 84, 84 mod 11 = 7, 11 − 7 = 4
    expect(computeOrganizationCheckCharacter('S0000000')).toBe('4');
  });

  it.each([
    ['7 characters', '1922038'],
    ['a hyphen', '1922038-'],
    ['lower case', 'm000100y'],
  ])('throws on %s', (_label, input) => {
    expect(() => computeOrganizationCheckCharacter(input)).toThrow(RangeError);
  });
});
