import { describe, expect, it } from 'vitest';
import { fenToWanYuan, parseDecimal, requireYuan, yuanToFen, yuanToWanYuan } from './decimal.ts';
import { type RuleVersion, ruleInForce, rulesInForce } from './rules.ts';

const version = (code: string, value: number, effectiveFrom: string, province: string | null = null): RuleVersion => ({
  code,
  title: code,
  value,
  unit: null,
  citation: { document: 'doc', article: null },
  effectiveFrom,
  province,
  note: null,
});

describe('rule versions', () => {
  const versions = [
    version('PERIOD', 3, '2021-09-01'),
    version('PERIOD', 6, '2025-01-01'),
    version('THRESHOLD', 5000, '2024-01-01', '35'),
    version('THRESHOLD', 8000, '2026-01-01', '35'),
  ];

  it.each([
    ['PERIOD', '2021-08-31', null, null],
    ['PERIOD', '2021-09-01', null, 3],
    ['PERIOD', '2024-12-31', '35', 3],
    ['PERIOD', '2025-01-01', '35', 6],
    ['THRESHOLD', '2025-06-01', '35', 5000],
    ['THRESHOLD', '2026-01-01', '35', 8000],
    ['THRESHOLD', '2026-01-01', '14', null],
    ['THRESHOLD', '2026-01-01', null, null],
  ] as const)('%s on %s in %s → %s (the version in force on the day, never a later one)', (code, on, province, value) => {
    expect(ruleInForce(versions, code, on, province)?.value ?? null).toBe(value);
  });

  it('prefers a provincial version to the national one', () => {
    const both = [...versions, version('PERIOD', 12, '2022-01-01', '35')];
    expect(ruleInForce(both, 'PERIOD', '2026-01-01', '35')?.value).toBe(12);
    expect(ruleInForce(both, 'PERIOD', '2026-01-01', '14')?.value).toBe(6);
    expect(rulesInForce(both, '2026-01-01', '35').map((rule) => [rule.code, rule.value])).toEqual([
      ['PERIOD', 12],
      ['THRESHOLD', 8000],
    ]);
  });
});

describe('exact money', () => {
  it.each([
    ['0.01', 1n, '0.000001'],
    ['4999.99', 499_999n, '0.499999'],
    ['5000', 500_000n, '0.500000'],
    ['12345678901234.56', 1_234_567_890_123_456n, '1234567890.123456'],
  ])('%s yuan = %s 分 = %s 万元', (yuan, fen, wan) => {
    expect(yuanToFen(yuan)).toBe(fen);
    expect(fenToWanYuan(fen)).toBe(wan);
    expect(yuanToWanYuan(yuan)).toBe(wan);
  });

  it('refuses floats and more than 2 decimals, naming the field', () => {
    expect(parseDecimal(5000)).toBe('5000');
    expect(() => parseDecimal(0.1)).toThrow();
    expect(() => requireYuan('FLOAT:0.1', 'input.fineAmount')).toThrow(/input.fineAmount: 0.1 is a float/);
    expect(() => requireYuan('1.005', 'input.fineAmount')).toThrow(/not an amount of yuan/);
    expect(requireYuan('1.05', 'input.fineAmount')).toBe('1.05');
  });
});
