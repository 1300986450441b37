import { describe, expect, it } from 'vitest';
import { UsccAllowList } from './allow-list.ts';
import { checkUscc, isValidUscc } from './validate.ts';

// Fails its check character (a stand-in for the Fujian codes that were issued that way).
const ISSUED_BUT_INVALID = '91350100M000100Y44';

describe('UsccAllowList', () => {
  it('normalizes codes on add and lookup', () => {
    const list = new UsccAllowList(['91350100m000100y44', { code: ' 9135 0100 M000 100Y 45 ', reason: '闽 2016 batch' }]);
    expect(list.size).toBe(2);
    expect(list.has(ISSUED_BUT_INVALID)).toBe(true);
    expect(list.has('９１３５０１００Ｍ０００１００Ｙ４５')).toBe(true);
    expect(list.reasonFor('91350100M000100Y45')).toBe('闽 2016 batch');
    expect(list.reasonFor(ISSUED_BUT_INVALID)).toBeUndefined();
    expect(list.has('914403001922038216')).toBe(false);
  });

  it.each([
    [undefined, []],
    ['', []],
    ['91350100M000100Y44', ['91350100M000100Y44']],
    ['91350100M000100Y44, 91350100M000100Y45', ['91350100M000100Y44', '91350100M000100Y45']],
    [
      ' 91350100m000100y44\n91350100M000100Y45;91350100M000100Y46，91350100M000100Y47, ,',
      ['91350100M000100Y44', '91350100M000100Y45', '91350100M000100Y46', '91350100M000100Y47'],
    ],
  ])('fromEnv(%j)', (value, codes) => {
    const list = UsccAllowList.fromEnv(value);
    expect(list.size).toBe(codes.length);
    for (const code of codes) expect(list.has(code)).toBe(true);
  });

  it('rejects an empty code', () => {
    expect(() => new UsccAllowList().add('  ')).toThrow(RangeError);
  });

  it('keeps the latest reason for a code added twice', () => {
    const list = new UsccAllowList();
    list.add(ISSUED_BUT_INVALID, 'first');
    list.add(ISSUED_BUT_INVALID.toLowerCase(), 'second');
    expect(list.size).toBe(1);
    expect(list.reasonFor(ISSUED_BUT_INVALID)).toBe('second');
  });
});

describe('checkUscc with an allow-list', () => {
  const allowList = new UsccAllowList([{ code: ISSUED_BUT_INVALID, reason: '福建省局确认已发放 2016-03' }]);

  it('admits a listed code, downgrading its errors to warnings and saying why', () => {
    const check = checkUscc(ISSUED_BUT_INVALID.toLowerCase(), { allowList });
    expect(check.valid).toBe(true);
    expect(check.allowListed).toBe(true);
    expect(check.problems.map(({ rule, position, severity }) => [rule, position, severity])).toEqual([
      ['CHECK_CHARACTER', 18, 'warning'],
      ['ALLOW_LISTED', null, 'warning'],
    ]);
    expect(check.problems[0]?.message).toContain('expected 3, got 4');
    expect(check.problems[1]?.message).toContain('福建省局确认已发放 2016-03');
    expect(isValidUscc(ISSUED_BUT_INVALID, { allowList })).toBe(true);
  });

  it('works without a reason', () => {
    const check = checkUscc(ISSUED_BUT_INVALID, { allowList: new UsccAllowList([ISSUED_BUT_INVALID]) });
    expect(check.problems.at(-1)).toMatchObject({ rule: 'ALLOW_LISTED', position: null, severity: 'warning' });
  });

  it('does not mark a code that is valid anyway', () => {
    const check = checkUscc('914403001922038216', { allowList: new UsccAllowList(['914403001922038216']) });
    expect(check).toMatchObject({ valid: true, allowListed: false, problems: [] });
  });

  it('does nothing for codes that are not listed', () => {
    expect(checkUscc('91350100M000100Y45', { allowList })).toMatchObject({ valid: false, allowListed: false });
    expect(isValidUscc(ISSUED_BUT_INVALID)).toBe(false);
  });
});
