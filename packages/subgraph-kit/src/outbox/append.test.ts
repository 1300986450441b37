import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { nextEventId } from './append.ts';

describe('nextEventId', () => {
  it('answers valid, distinct uuidv7 ids that sort in the order they were made, across pool refills', () => {
    // 3 000 ids: several refills of the 256-id pool, and many ids within one millisecond.
    const ids = Array.from({ length: 3000 }, () => nextEventId());
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = nextEventId();
    const msecs = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    // Within a millisecond's burst the counter may carry into the next millisecond.
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(Date.now() + 1);
  });
});
