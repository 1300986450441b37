import { generateUscc, UsccAllowList } from '@credit-hub/uscc';
import { describe, expect, it } from 'vitest';
import { requireValidUscc } from './uscc-input.ts';

describe('requireValidUscc', () => {
  it('normalises a valid code', () => {
    expect(requireValidUscc(' ９１４４０３００１９２２０３８２１６ ', 'uscc')).toBe('914403001922038216');
  });

  it('refuses input over 64 characters before normalising, without repeating it', () => {
    const huge = '9'.repeat(900_000);
    try {
      requireValidUscc(huge, 'uscc');
      expect.unreachable();
    } catch (error) {
      const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc', reason: 'TOO_LONG' });
      expect(message.length).toBeLessThan(120);
    }
  });

  it.each([
    '91440300\u202E1922038216',
    '9144030019220382\u0301',
    '914403001922038216\u0000',
    '91440300192203821６'.replace('６', '\ud800'),
  ])('refuses odd Unicode %j with a short BAD_USER_INPUT', (code) => {
    try {
      requireValidUscc(code, 'usccs[0]');
      expect.unreachable();
    } catch (error) {
      const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
      expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'usccs[0]' });
      expect(message.length).toBeLessThan(250);
      expect((extensions.problems as unknown[]).length).toBeLessThanOrEqual(5);
    }
  });

  it('answers a code seen before as it did the first time, and forgets an allow-listed code taken off the list', () => {
    expect(requireValidUscc('91440300192203821６', 'uscc')).toBe('914403001922038216');
    expect(requireValidUscc('91440300192203821６', 'uscc')).toBe('914403001922038216');
    // A code with a wrong check character, accepted only while it is on the list.
    const broken = '914403001922038217';
    const list = new UsccAllowList([broken]);
    expect(requireValidUscc(broken, 'uscc', list)).toBe(broken);
    expect(requireValidUscc(broken, 'uscc', list)).toBe(broken);
    expect(() => requireValidUscc(broken, 'uscc', new UsccAllowList())).toThrow(/check/i);
    expect(() => requireValidUscc(broken, 'uscc')).toThrow(/check/i);
  });

  it('gives the same answers past the number of codes it remembers', () => {
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    const codes = Array.from({ length: 5000 }, () => generateUscc(random, { regionCode: '440300' }));
    for (const code of codes) expect(requireValidUscc(` ${code.toLowerCase()} `, 'uscc')).toBe(code);
    for (const code of codes.slice(0, 100)) expect(requireValidUscc(` ${code.toLowerCase()} `, 'uscc')).toBe(code);
    expect(() => requireValidUscc('914403001922038217', 'uscc')).toThrow(/check/i);
  });
});
