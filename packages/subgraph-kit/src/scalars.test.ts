import { describe, expect, it } from 'vitest';
import { parseDate, parseDateTime } from './scalars.ts';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

describe('Date', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31', '2026-04-30', '2026-01-31'])('accepts %s', (value) => {
    expect(parseDate(value)).toBe(value);
  });
  it.each([
    '2026-02-30',
    '2023-02-29',
    '2100-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-01-32',
    '2026-01-00',
    '2026-13-01',
    '2026-00-10',
    '0000-01-01',
    '99999-01-01',
    '1899-12-31',
    '2200-01-01',
    '2024-1-1',
    '２０２４-０１-０１',
    '2024-01-01T00:00:00Z',
    '',
    20240101,
    null,
    {},
  ])('refuses %j with BAD_USER_INPUT', (value) => {
    expect(() => parseDate(value)).toThrow(badInput);
  });
  it('repeats at most a short prefix of what it refuses', () => {
    try {
      parseDate(`2024-${'9'.repeat(100_000)}`);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(120);
    }
  });
});

describe('DateTime', () => {
  it.each([
    ['2024-05-01T08:30:00.000Z', '2024-05-01T08:30:00.000Z'],
    ['2024-05-01T16:30:00+08:00', '2024-05-01T08:30:00.000Z'],
    ['2024-05-01T08:30Z', '2024-05-01T08:30:00.000Z'],
  ])('accepts %s', (value, instant) => {
    expect(parseDateTime(value).toISOString()).toBe(instant);
  });
  it.each([
    '2024-02-30T10:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T08:30:00',
    '2024-05-01',
    'tomorrow',
    '99999-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    1714550000000,
    null,
  ])('refuses %j with BAD_USER_INPUT', (value) => {
    expect(() => parseDateTime(value)).toThrow(badInput);
  });
});
