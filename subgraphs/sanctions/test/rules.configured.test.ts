import { describe, expect, it } from 'vitest';
import { parseConfiguredRules } from '../src/rules/configured-rules.ts';
import { DEFAULT_RULE_BOOK, publicationClass } from '../src/rules/index.ts';

const shanxiThreshold = {
  code: 'PENALTY_LOWER_FINE_ORGANISATION',
  title: '较低数额罚款（法人及非法人组织）',
  value: '20000',
  unit: 'YUAN',
  citation: { document: '山西省较低数额罚款标准（示例）', article: '第三条' },
  effectiveFrom: '2025-01-01',
  province: '14',
};

describe('rule versions an operator adds (SANCTION_RULES_FILE)', () => {
  it('adds a province’s threshold as a new version, applied from its effective date', () => {
    const book = DEFAULT_RULE_BOOK.with(parseConfiguredRules([shanxiThreshold], 'rules.json'));
    const fine = (decidedOn: string, fineAmount: string) => ({
      penaltyTypes: ['FINE'] as const,
      fineAmount,
      decidedOn,
      regionCode: '140802',
      procedure: 'ORDINARY' as const,
      partyType: 'ORGANISATION' as const,
      restrictionMonths: null,
      withheldReason: null,
    });
    expect(publicationClass(fine('2025-01-01', '19999.99'), book)).toBe('SHORT');
    expect(publicationClass(fine('2025-01-01', '20000'), book)).toBe('LONG');
    expect(publicationClass(fine('2024-12-31', '100'), book)).toBe('LONG');
    expect(book.find('PENALTY_LOWER_FINE_ORGANISATION', '2025-06-01', '14')?.citation.article).toBe('第三条');
    // The built-in Fujian versions are untouched.
    expect(book.find('PENALTY_LOWER_FINE_ORGANISATION', '2025-06-01', '35')?.value).toBe('50000');
  });

  it.each([
    ['an unknown code', { ...shanxiThreshold, code: 'NO_SUCH_RULE' }, /code/],
    ['a threshold that is not an amount', { ...shanxiThreshold, value: '2万' }, /amount of yuan/],
    ['no citation', { ...shanxiThreshold, citation: undefined }, /citation/],
    ['a malformed province', { ...shanxiThreshold, province: '140000' }, /province/],
    ['a malformed date', { ...shanxiThreshold, effectiveFrom: '2025-13-01' }, /effectiveFrom/],
  ])('refuses %s, naming the field', (_label, rule, message) => {
    expect(() => parseConfiguredRules([rule], 'rules.json')).toThrow(message);
  });
});
