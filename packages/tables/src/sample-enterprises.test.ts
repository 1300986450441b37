import { isValidUscc } from '@credit-hub/uscc';
import { describe, expect, it } from 'vitest';
import { sampleEnterprises } from './sample-enterprises.ts';
import { abnormalTable, penaltyTable, SAMPLE_TABLES } from './sample-tables.ts';

describe('sampleEnterprises', () => {
  it('names every enterprise of the sample tables with a valid code once, and none with a broken one', () => {
    const enterprises = sampleEnterprises();
    const codes = enterprises.map((enterprise) => enterprise.uscc);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => isValidUscc(code))).toBe(true);
    // The penalty table's code column is CF_XDR_SHXYM, the abnormal list's 统一社会信用代码.
    for (const row of penaltyTable(15).rows) expect(codes.includes(row[2] as string)).toBe(isValidUscc(row[2] as string));
    for (const row of abnormalTable(10).rows) expect(codes.includes(row[1] as string)).toBe(isValidUscc(row[1] as string));
    expect(SAMPLE_TABLES().every((table) => table.rows.length > 0)).toBe(true);
  });

  it('gives each the bureau and the place its code names', () => {
    const byCode = new Map(sampleEnterprises().map((enterprise) => [enterprise.uscc.slice(2, 6), enterprise]));
    expect(byCode.get('1408')).toMatchObject({
      registrationAuthority: '运城市市场监督管理局',
      address: expect.stringMatching(/^山西省运城市/),
    });
    expect(byCode.get('3501')).toMatchObject({
      registrationAuthority: '福州市市场监督管理局',
      address: expect.stringMatching(/^福建省福州市/),
    });
  });
});
