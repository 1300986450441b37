import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize } from './pagination.ts';
import { parseDate } from './scalars.ts';

describe('keyset cursors', () => {
  it('round-trips sort keys', () => {
    expect(decodeCursor(encodeCursor(['91140802MA0000010X', 3]), ['text', 'id'])).toEqual(['91140802MA0000010X', 3]);
  });
  it.each(['', 'garbage', encodeCursor(['a']).slice(1), encodeCursor(['a', 'b'])])('rejects %j with BAD_USER_INPUT', (cursor) => {
    expect(() => decodeCursor(cursor, ['text'])).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }),
    );
  });
  it.each([
    ['a date that does not exist', encodeCursor(['2024-13-45', 1])],
    ['an id that is not a record id', encodeCursor(['2024-01-01', 1e308])],
    ['a negative id', encodeCursor(['2024-01-01', -1])],
    ['a text id', encodeCursor(['2024-01-01', '1'])],
    ['an oversized cursor', encodeCursor(['2024-01-01', 1]) + 'A'.repeat(600)],
    ['a control character', encodeCursor(['2024-01-01\u0000', 1])],
  ])('rejects a cursor with %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, ['date', 'id'], 'after')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after', reason: 'INVALID_CURSOR' }),
      }),
    );
  });
  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(() => pageSize(101)).toThrow();
    expect(() => pageSize(-1)).toThrow();
  });
});

describe('Date scalar', () => {
  it('accepts real calendar dates only', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(() => parseDate('2023-02-29')).toThrow();
    expect(() => parseDate('2024-2-1')).toThrow();
  });
});
