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
