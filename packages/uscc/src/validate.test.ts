import { describe, expect, it } from 'vitest';
import { computeOrganizationCheckCharacter, computeUsccCheckCharacter } from './check-characters.ts';
import type { UsccProblem } from './types.ts';
import { checkUscc, isValidUscc, MAX_USCC_INPUT_LENGTH } from './validate.ts';

/** Completes a code with correct check characters so that a test isolates one rule. */
function valid(first8: string, body = '19220382'): string {
  const first17 = `${first8}${body}${computeOrganizationCheckCharacter(body)}`;
  return first17 + computeUsccCheckCharacter(first17);
}

/** Appends the correct position 18 only. */
const withCheck = (first17: string): string => first17 + computeUsccCheckCharacter(first17);

const summary = (problems: UsccProblem[]) => problems.map(({ rule, position, severity }) => [rule, position, severity]);

describe('real codes', () => {
  it.each([
    ['914403001922038216', '广东省深圳市'],
    ['91110108551385082Q', '北京市海淀区'],
    ['91350100M000100Y43', '福建省福州市'],
  ])('%s is valid, without any problem', (code, division) => {
    const check = checkUscc(code);
    expect(check).toMatchObject({ input: code, normalized: code, valid: true, allowListed: false, problems: [] });
    expect(check.parts?.division?.fullName).toBe(division);
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    [' ９１４４ 0300 1922 0382 16 ', '914403001922038216'],
    ['91110108 551385082q', '91110108551385082Q'],
    ['９１３５０１００ｍ０００１００ｙ４３', '91350100M000100Y43'],
  ])('accepts %j after normalisation', (input, normalized) => {
    expect(checkUscc(input)).toMatchObject({ input, normalized, valid: true, problems: [] });
  });
});

describe('one rule at a time', () => {
  it.each([
    ['', 'EMPTY', null, 'empty'],
    ['  \u3000 ', 'EMPTY', null, 'empty'],
    ['9144030019220382', 'LENGTH', null, 'got 16'],
    ['9144030019220382167', 'LENGTH', null, 'got 19'],
    [withCheck('B1440300192203821'), 'UNKNOWN_AUTHORITY', 1, 'unknown registration authority "B"'],
    [withCheck('94440300192203821'), 'UNKNOWN_ENTITY_TYPE', 2, 'unknown entity type "4" at position 2 for authority 9'],
    [withCheck('Y2440300192203821'), 'UNKNOWN_ENTITY_TYPE', 2, 'authority Y (其他), expected one of 1'],
    [valid('91990000'), 'UNKNOWN_DIVISION', 3, 'province code 99 is not in GB/T 2260'],
    [valid('91A40300'), 'UNKNOWN_DIVISION', 3, 'must be 6 digits, got "A40300"'],
    [withCheck('91440300192203822'), 'ORGANIZATION_CODE_CHECK', 17, 'expected 1, got 2'],
    ['914403001922038217', 'CHECK_CHARACTER', 18, 'check character mismatch at position 18: expected 6, got 7 (校验码错误)'],
  ])('%j breaks %s at %s', (code, rule, position, message) => {
    const check = checkUscc(code);
    expect(check.valid).toBe(false);
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatchObject({ rule, position, severity: 'error' });
    expect(check.problems[0]?.message).toContain(message);
  });

  it.each([
    ['I', 1],
    ['O', 5],
    ['S', 9],
    ['V', 12],
    ['Z', 18],
  ])('reports the excluded letter %s at position %i', (letter, position) => {
    const chars = [...'914403001922038216'];
    chars[position - 1] = letter;
    const problem = checkUscc(chars.join('')).problems.find((p) => p.rule === 'ILLEGAL_CHARACTER');
    expect(problem).toMatchObject({ position, severity: 'error' });
    expect(problem?.message).toContain(`"${letter}"`);
    expect(problem?.message).toContain('I, O, S, V, Z');
  });

  it('suggests the look-alike digit for O and I', () => {
    expect(checkUscc('9144O3001922038216').problems[0]?.message).toContain('did you mean "0"?');
  });

  it('names invisible and full-width characters by code point', () => {
    const [problem] = checkUscc('91440300－922038216').problems;
    expect(problem).toMatchObject({ rule: 'ILLEGAL_CHARACTER', position: 9 });
    expect(problem?.message).toContain('"-"');
    expect(checkUscc('91440300\u0001922038216').problems[0]?.message).toContain('U+0001');
    expect(checkUscc('91440300€922038216').problems[0]?.message).toContain('"€" (U+20AC)');
  });

  it('counts an astral character as one position', () => {
    const check = checkUscc('91440300😀922038216');
    expect(summary(check.problems)[0]).toEqual(['ILLEGAL_CHARACTER', 9, 'error']);
    expect(check.parts?.organizationCode).toBe('😀92203821');
  });
});

describe('division codes', () => {
  it('warns, without invalidating, about a code that is not in the current table', () => {
    const check = checkUscc(valid('91140899'));
    expect(check.valid).toBe(true);
    expect(summary(check.problems)).toEqual([['UNKNOWN_DIVISION', 3, 'warning']]);
    expect(check.problems[0]?.message).toContain('140899');
    expect(check.problems[0]?.message).toContain('historical');
    expect(check.parts?.division?.code).toBe('140800');
  });

  it('falls back to the province when the city is unknown too', () => {
    const check = checkUscc(valid('91149900'));
    expect(check.valid).toBe(true);
    expect(check.parts?.division?.code).toBe('140000');
  });

  it('accepts 100000, used by central (national) authorities', () => {
    const check = checkUscc(valid('11100000', '00001372'));
    expect(check).toMatchObject({ valid: true, problems: [] });
    expect(check.parts?.division).toBeNull();
  });

  it('accepts province- and county-level registrations', () => {
    expect(checkUscc(valid('91140000')).problems).toEqual([]);
    expect(checkUscc(valid('92140802')).parts?.entityType).toEqual({ code: '2', name: '个体工商户' });
  });
});

describe('several problems at once', () => {
  it('reports every problem in position order', () => {
    // Unknown authority, unknown province, wrong organization check, wrong check character.
    const check = checkUscc('B19900001922038220');
    expect(summary(check.problems)).toEqual([
      ['UNKNOWN_AUTHORITY', 1, 'error'],
      ['UNKNOWN_DIVISION', 3, 'error'],
      ['ORGANIZATION_CODE_CHECK', 17, 'error'],
      ['CHECK_CHARACTER', 18, 'error'],
    ]);
    expect(check.parts).toMatchObject({ authority: null, entityType: null, regionCode: '990000', division: null });
  });

  it('still lists illegal characters when the length is wrong, but nothing that needs 18 characters', () => {
    const check = checkUscc('B1O9900001922038I');
    expect(summary(check.problems)).toEqual([
      ['LENGTH', null, 'error'],
      ['ILLEGAL_CHARACTER', 3, 'error'],
      ['ILLEGAL_CHARACTER', 17, 'error'],
    ]);
    expect(check.parts).toBeNull();
  });

  it('checks the organization code around a USCC-illegal letter, but not the check character', () => {
    // GB 11714 values O as 24, so the organization check still applies; position 18 cannot be computed.
    const check = checkUscc('91440300O00000000X');
    expect(summary(check.problems)).toEqual([
      ['ILLEGAL_CHARACTER', 9, 'error'],
      ['ORGANIZATION_CODE_CHECK', 17, 'error'],
    ]);
    expect(check.problems[1]?.message).toContain('expected 5, got 0');
  });

  it('skips the meaning of a field whose characters are illegal', () => {
    // "I" at position 1 is reported once, not again as an unknown authority; the entity type
    // cannot be judged without an authority.
    const check = checkUscc('IQ4403001922038216');
    expect(summary(check.problems)).toEqual([['ILLEGAL_CHARACTER', 1, 'error']]);
  });

  it('reports an illegal check character together with the expected one', () => {
    const check = checkUscc('91440300192203821O');
    expect(summary(check.problems)).toEqual([
      ['ILLEGAL_CHARACTER', 18, 'error'],
      ['CHECK_CHARACTER', 18, 'error'],
    ]);
    expect(check.problems[1]?.message).toContain('expected 6, got O');
  });

  it('positions refer to the normalized code', () => {
    const check = checkUscc(' 9144 0300 1922 0382 17');
    expect(check.normalized).toBe('914403001922038217');
    expect(summary(check.problems)).toEqual([['CHECK_CHARACTER', 18, 'error']]);
  });
});

describe('robustness', () => {
  it.each([[undefined], [null], [12345], [{}]])('never throws, even for %j', (input) => {
    expect(() => checkUscc(input as unknown as string)).not.toThrow();
    expect(checkUscc(input as unknown as string).valid).toBe(false);
  });
});

describe('oversized input', () => {
  it('answers one LENGTH problem, a short input and no normalised text, whatever the size', () => {
    const check = checkUscc('9'.repeat(900_000));
    expect(check.valid).toBe(false);
    expect(summary(check.problems)).toEqual([['LENGTH', null, 'error']]);
    expect(check.normalized).toBe('');
    expect(check.input.length).toBeLessThanOrEqual(MAX_USCC_INPUT_LENGTH + 1);
    expect(JSON.stringify(check).length).toBeLessThan(500);
  });

  it('still checks 64 characters of spaces and separators around a code', () => {
    const padded = `${' '.repeat(23)}914403001922038216${' '.repeat(23)}`;
    expect(padded.length).toBe(MAX_USCC_INPUT_LENGTH);
    expect(checkUscc(padded).valid).toBe(true);
    expect(checkUscc(`${padded} `).problems[0]?.rule).toBe('LENGTH');
  });

  it('reports invisible, reordering and combining characters as problems, never throws', () => {
    for (const odd of ['91440300\u202E1922038216', '9144030019220382\u0301', '\u0000914403001922038216', '\ud800914403001922038216']) {
      const check = checkUscc(odd);
      expect(check.valid).toBe(false);
      expect(check.problems.length).toBeGreaterThan(0);
    }
  });
});
