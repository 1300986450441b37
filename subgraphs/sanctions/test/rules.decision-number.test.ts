import { describe, expect, it } from 'vitest';
import { checkDecisionNumber, normalizeDecisionNumber, parseDecisionNumber } from '../src/rules/index.ts';

describe('decision numbers: any text with a year in brackets and a number before 号', () => {
  it.each([
    ['晋市监处罚〔2024〕12号', '晋市监处罚〔2024〕12号'],
    ['运市监罚字〔2024〕3号', '运市监罚字〔2024〕3号'],
    ['运市监罚字[2024]3号', '运市监罚字〔2024〕3号'],
    ['运市监罚字(2024)3号', '运市监罚字〔2024〕3号'],
    ['运市监罚字（2024）3号', '运市监罚字〔2024〕3号'],
    ['(食药)运市监处罚【2024】3号', '（食药）运市监处罚〔2024〕3号'],
    ['闽市监罚〔2024〕第5号', '闽市监罚〔2024〕第5号'],
    [' 晋市监处罚 〔2024〕 12 号', '晋市监处罚〔2024〕12号'],
  ])('accepts %s', (input, normalized) => {
    expect(normalizeDecisionNumber(input)).toBe(normalized);
    expect(parseDecisionNumber(input)).toMatchObject({ normalized, year: 2024 });
    expect(checkDecisionNumber(input, '2024-05-01')).toBeNull();
  });

  it.each([['〔2024〕3号'], ['运市监罚字2024年3号'], ['运市监罚字〔24〕3号'], ['运市监罚字〔2024〕号'], ['运市监罚字〔2024〕0号']])(
    'refuses %s',
    (input) => {
      expect(checkDecisionNumber(input, '2024-05-01')).toBe('FORMAT');
    },
  );

  it('requires the year of the decision', () => {
    expect(checkDecisionNumber('运市监罚字〔2024〕3号', '2025-01-02')).toBe('YEAR_MISMATCH');
    expect(checkDecisionNumber('  ', '2025-01-02')).toBe('EMPTY');
  });

  it('skips the rewriting only for numbers it would leave as they are', () => {
    // The rewriting written out in full, with no shortcut: the answer must be the same for any text.
    const rewritten = (input: string) =>
      input
        .replace(/\s+/g, '')
        .replace(/[〔[［【〖(（](\d{4})[〕\]］】〗)）]/gu, '〔$1〕')
        .replace(/[(]/g, '（')
        .replace(/[)]/g, '）')
        .replace(/[[［【〖]/gu, '〔')
        .replace(/[\]］】〗]/gu, '〕');
    const pieces = [
      '晋市监处罚',
      '〔',
      '〕',
      '2024',
      '12',
      '号',
      '第',
      ' ',
      '\u3000',
      '\t',
      '[',
      ']',
      '［',
      '］',
      '【',
      '】',
      '〖',
      '〗',
      '(',
      ')',
      '（',
      '）',
      '字',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let sample = 0; sample < 5_000; sample++) {
      const input = Array.from({ length: 1 + (next() % 8) }, () => pieces[next() % pieces.length]).join('');
      expect(normalizeDecisionNumber(input)).toBe(rewritten(input));
    }
  });
});
