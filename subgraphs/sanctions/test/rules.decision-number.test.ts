import { describe, expect, it } from 'vitest';
import { checkDecisionNumber, normalizeDecisionNumber, parseDecisionNumber } from '../src/rules/index.ts';

describe('penalty decision number {机关简称}市监处罚〔YYYY〕N号', () => {
  it.each([
    ['晋市监处罚〔2024〕12号', '晋', null, 2024, 12],
    ['运盐市监处罚〔2023〕1号', '运盐', null, 2023, 1],
    ['（稽）运市监处罚〔2024〕305号', '运', '稽', 2024, 305],
    ['晋市监处罚[2024]12号', '晋', null, 2024, 12],
    [' 晋市监处罚【2024】 12号 ', '晋', null, 2024, 12],
    ['(食药)长市监处罚［2022］7号', '长', '食药', 2022, 7],
  ])('parses %s', (input, shortName, prefix, year, serial) => {
    expect(parseDecisionNumber(input)).toMatchObject({ shortName, prefix, year, serial });
  });

  it('normalises what people type to the official brackets', () => {
    expect(normalizeDecisionNumber('晋市监处罚[2024]12号')).toBe('晋市监处罚〔2024〕12号');
  });

  it.each([
    ['', '2024-01-01', 'EMPTY'],
    ['晋市监罚〔2024〕12号', '2024-05-01', 'FORMAT'],
    ['晋市监处罚〔24〕12号', '2024-05-01', 'FORMAT'],
    ['晋市监处罚〔2024〕012号', '2024-05-01', 'FORMAT'],
    ['晋市监处罚〔2024〕0号', '2024-05-01', 'FORMAT'],
    ['市监处罚〔2024〕12号', '2024-05-01', 'FORMAT'],
    ['晋市监处罚〔2024〕12', '2024-05-01', 'FORMAT'],
    ['晋市监处罚〔2023〕12号', '2024-01-02', 'YEAR_MISMATCH'],
    ['晋市监处罚〔2024〕12号', '2024-01-02', null],
  ])('%s decided %s → %s', (input, decidedOn, problem) => {
    expect(checkDecisionNumber(input, decidedOn)).toBe(problem);
  });
});
