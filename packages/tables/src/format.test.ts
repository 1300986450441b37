import { describe, expect, it } from 'vitest';
import { formatDate, yuanToWanyuan } from './format.ts';

/** The exact reference: integer 分 with BigInt, as the conversion was first written. */
function reference(yuan: string): string {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!match) throw new Error(yuan);
  const fen = BigInt(match[2] ?? '0') * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return `${match[1] && fen !== 0n ? '-' : ''}${fen / 1_000_000n}.${(fen % 1_000_000n).toString().padStart(6, '0')}`;
}

describe('national value formats', () => {
  it('yuan → 万元 with six decimals moves the decimal point exactly, as the BigInt reference does', () => {
    const samples = [
      '0',
      '0.00',
      '-0.00',
      '1',
      '0.01',
      '0.1',
      '45000',
      '45000.00',
      '4999.5',
      '1234.56',
      '-60000.00',
      '0001.20',
      '999999999999999999.99',
    ];
    for (let index = 0; index < 5000; index += 1) samples.push(`${(index * 7919) % 10_000_000}.${String(index % 100).padStart(2, '0')}`);
    for (const yuan of samples) expect(yuanToWanyuan(yuan), yuan).toBe(reference(yuan));
    expect(yuanToWanyuan('45000.00')).toBe('4.500000');
    expect(yuanToWanyuan(null)).toBe('');
    expect(() => yuanToWanyuan('1.234')).toThrow();
  });

  it('dates: YYYY/MM/DD in tables, ISO in JSON, 2099/12/31 for 长期, anything else refused', () => {
    expect(formatDate('2024-03-05', 'table')).toBe('2024/03/05');
    expect(formatDate('2024-03-05', 'json')).toBe('2024-03-05');
    expect(formatDate(null, 'table', { longTerm: true })).toBe('2099/12/31');
    expect(formatDate(null, 'table')).toBe('');
    expect(() => formatDate('2024/03/05', 'table')).toThrow();
  });
});

describe('CSV records', () => {
  it('quote exactly the values that hold a comma, a quote or a line break', async () => {
    const { csvRecord } = await import('./writers.ts');
    expect(csvRecord(['a', '', '中文'])).toBe('a,,中文\r\n');
    expect(csvRecord(['a,b', 'c"d', 'e'])).toBe('"a,b","c""d",e\r\n');
    expect(csvRecord(['x\ny', 'x\ry', 'ok'])).toBe('"x\ny","x\ry",ok\r\n');
  });
});
