import { describe, expect, it } from 'vitest';
import { addWorkingDays, CALENDAR_COVERAGE, holidayName, isCovered, isWorkingDay, workingDaysBetween } from './calendar.ts';

describe('official working-day calendar', () => {
  it.each([
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the National Day break'],
    ['2026-10-10', true, 'Saturday make-up working day after National Day'],
    ['2026-09-20', true, 'Sunday make-up working day before National Day'],
    ['2026-02-14', true, 'Saturday make-up working day before Spring Festival'],
    ['2026-02-23', false, 'Monday inside the Spring Festival break'],
    ['2026-11-21', false, 'ordinary Saturday'],
    ['2026-11-20', true, 'ordinary Friday'],
  ])('%s working=%s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('counts a 7-working-day deadline across National Day and the make-up Saturday', () => {
    // Decision on Tue 29 Sep 2026: 30 Sep (1), 1–7 Oct holidays, 8 Oct (2), 9 Oct (3), Sat 10 Oct make-up (4), 12–14 Oct (5–7).
    expect(addWorkingDays('2026-09-29', 7)).toBe('2026-10-14');
    // Plain Monday–Friday counting would give 8 Oct: the difference is the point of the calendar.
    expect(addWorkingDays('2026-09-29', 7)).not.toBe('2026-10-08');
  });

  it('counts a 20-working-day deadline across Spring Festival', () => {
    // Tue 10 Feb: 11–13 (3), Sat 14 make-up (4), 15–23 holiday, 24–27 (8), Sat 28 make-up (9), 2–6 Mar (14), 9–13 Mar (19), 16 Mar (20).
    expect(addWorkingDays('2026-02-10', 20)).toBe('2026-03-16');
    expect(workingDaysBetween('2026-02-10', '2026-03-16')).toBe(20);
  });

  it('names holidays and reports coverage', () => {
    expect(holidayName('2026-10-01')).toBe('国庆节');
    expect(holidayName('2026-10-08')).toBeNull();
    expect(CALENDAR_COVERAGE.firstYear).toBeLessThanOrEqual(2020);
    expect(isCovered('2026-06-01')).toBe(true);
    expect(isCovered('2099-06-01')).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-13-01')).toThrow();
    expect(() => addWorkingDays('2026-01-01', -1)).toThrow();
  });
});
