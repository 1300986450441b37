import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  CALENDAR_COVERAGE,
  calendarStatus,
  holidayName,
  isCovered,
  isWorkingDay,
  isYearKnown,
  registerHolidayYear,
  unregisterHolidayYear,
  workingDayDeadline,
  workingDaysBefore,
  workingDaysBetween,
} from './calendar.ts';
import { parseHolidayYear } from './year-data.ts';

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

describe('years the calendar knows', () => {
  it('knows the current year (load the State Council notice when this fails: npm run holidays -- load <file>)', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(isYearKnown(Number(today.slice(0, 4)))).toBe(true);
    expect(calendarStatus(today).currentYearKnown).toBe(true);
  });

  it('marks a deadline counted through an unknown year as provisional, never as a silent guess', () => {
    // 2027's notice is not published in the data: the date is a Monday–Friday count and says so.
    expect(isYearKnown(2027)).toBe(false);
    expect(workingDayDeadline('2026-12-28', 7)).toEqual({ date: '2027-01-06', provisional: true, unknownYears: [2027] });
    expect(workingDayDeadline('2026-12-01', 7)).toEqual({ date: '2026-12-10', provisional: false, unknownYears: [] });
    expect(workingDaysBefore('2027-03-01', 30).provisional).toBe(true);
    expect(workingDaysBefore('2026-11-30', 30)).toEqual({ date: '2026-10-19', provisional: false, unknownYears: [] });
  });

  it('warns from 1 November when the next year is missing, not before', () => {
    expect(calendarStatus('2026-10-31').warnings).toEqual([]);
    expect(calendarStatus('2026-11-01').warnings).toEqual([expect.stringContaining('2027 is unknown')]);
    expect(calendarStatus('2025-11-15').warnings).toEqual([]);
    expect(calendarStatus('2027-01-04')).toMatchObject({ currentYearKnown: false, warnings: [expect.stringContaining('2027 is unknown')] });
  });

  it('loads a year as data: the deadline stops being provisional and follows the notice', () => {
    const year = parseHolidayYear({
      year: 2099,
      notice: '测试通知',
      holidays: Object.fromEntries(['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2099-10-${d}`, '国庆节'])),
      workdays: { '2099-10-10': '国庆节' },
    });
    expect(workingDayDeadline('2099-09-30', 2).provisional).toBe(true);
    registerHolidayYear(year);
    try {
      expect(workingDayDeadline('2099-09-30', 2)).toEqual({ date: '2099-10-09', provisional: false, unknownYears: [] });
      expect(isWorkingDay('2099-10-10')).toBe(true);
    } finally {
      unregisterHolidayYear(2099);
    }
    expect(workingDayDeadline('2099-09-30', 2)).toEqual({ date: '2099-10-02', provisional: true, unknownYears: [2099] });
  });

  it('refuses a malformed notice, naming each problem', () => {
    const bad = {
      year: 2099,
      notice: '测试通知',
      holidays: { '2099-02-30': '春节', '2098-10-01': '国庆节' },
      workdays: { '2099-10-12': '国庆节' },
    };
    expect(() => parseHolidayYear(bad)).toThrow(/2099-02-30.*\n.*2098-10-01 is not in 2099(.|\n)*2099-10-12 is a weekday/);
    expect(() => parseHolidayYear({ ...bad, extra: 1 })).toThrow();
  });
});
