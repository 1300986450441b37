import { describe, expect, it } from 'vitest';
import { normalizeUscc } from './normalize.ts';

describe('normalizeUscc', () => {
  it.each([
    ['already normal', '91110108551385082Q', '91110108551385082Q'],
    ['surrounding spaces', '  91110108551385082Q\n', '91110108551385082Q'],
    ['inner spaces and tabs', '9111 0108\t5513 8508 2Q', '91110108551385082Q'],
    ['ideographic space U+3000', '911101085513\u30008508\u30002Q', '91110108551385082Q'],
    ['zero-width and no-break spaces', '\uFEFF9111\u200B0108\u00A0551385082Q', '91110108551385082Q'],
    ['lower case', '91110108551385082q', '91110108551385082Q'],
    ['full-width digits', '９１４４０３００１９２２０３８２１６', '914403001922038216'],
    ['full-width lower-case letters', '91350100ｍ000100ｙ43', '91350100M000100Y43'],
    ['mixed, pasted from a form', ' ９１４４ 0300 1922 0382 16 ', '914403001922038216'],
    ['empty', '', ''],
    ['only whitespace', ' \u3000\t', ''],
    ['punctuation is kept for the validator to report', '9111-0108', '9111-0108'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeUscc(input)).toBe(expected);
  });
});
