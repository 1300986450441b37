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
});
