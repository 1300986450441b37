import { describe, expect, it } from 'vitest';
import { MAX_RECORD_ID, requireNumericId } from './ids.ts';

describe('requireNumericId', () => {
  it.each([
    ['1', 1],
    [42, 42],
    [String(MAX_RECORD_ID), MAX_RECORD_ID],
  ])('accepts %j', (value, id) => {
    expect(requireNumericId(value, 'id')).toBe(id);
  });

  it.each(['', 'abc', '0', '-1', '1.5', '1e3', ' 1', '01', '0x10', String(MAX_RECORD_ID + 1), '9'.repeat(30), '1\u0000'])(
    'refuses %j with BAD_USER_INPUT naming the argument',
    (value) => {
      expect(() => requireNumericId(value, 'input.targetId')).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.targetId', reason: 'INVALID_ID' }),
        }),
      );
    },
  );
});
