import { describe, expect, it } from 'vitest';
import { dayAfterPeriod, earliestStartStillRunning, latestStartElapsedBy, periodEnd } from './periods.ts';

describe('calendar periods (民法典 第二百零一、二百零二条: start day not counted, ends on the corresponding day)', () => {
  it.each([
    ['2024-03-10', 3, '2024-06-10'],
    ['2024-03-10', 36, '2027-03-10'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-12-31', 6, '2025-06-30'],
    ['2024-06-10', -3, '2024-03-10'],
  ])('%s + %i months ends on %s', (start, months, end) => {
    expect(periodEnd(start, months)).toBe(end);
  });

  it('has fully run the day after its last day', () => {
    expect(dayAfterPeriod('2024-03-10', 6)).toBe('2024-09-11');
    expect(dayAfterPeriod('2024-02-29', 12)).toBe('2025-03-01');
  });

  it.each([
    ['2027-03-11', 36],
    ['2025-03-01', 12],
    ['2024-02-29', 3],
    ['2024-03-01', 3],
    ['2025-05-31', 3],
  ])('inverts periods around %s (%i months)', (today, months) => {
    const latest = latestStartElapsedBy(today, months);
    expect(periodEnd(latest, months) < today).toBe(true);
    const earliest = earliestStartStillRunning(today, months);
    expect(periodEnd(earliest, months) >= today).toBe(true);
  });
});
