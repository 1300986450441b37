import { fileURLToPath } from 'node:url';
import { workdaysEnv } from './env.ts';
import { type HolidayYear, readHolidayYears } from './year-data.ts';

/**
 * China's official calendar: public holidays and make-up working days (调休) from the State Council
 * General Office's yearly notice, one data file per year (`data/<year>.json`, plus any in
 * HOLIDAY_DATA_DIR). Plain Monday–Friday counting is wrong around every long holiday, so a date
 * counted through a year the calendar does not know is marked provisional, never silently guessed.
 */
const bundledDirectory = fileURLToPath(new URL('../data', import.meta.url));

const years = new Map<number, HolidayYear>();
const holidays = new Map<string, string>();
const makeUpWorkdays = new Set<string>();

/** Adds (or replaces) one year of the calendar; computed deadlines are recomputed. */
export function registerHolidayYear(year: HolidayYear): void {
  const previous = years.get(year.year);
  if (previous) {
    for (const date of Object.keys(previous.holidays)) holidays.delete(date);
    for (const date of Object.keys(previous.workdays)) makeUpWorkdays.delete(date);
  }
  years.set(year.year, year);
  for (const [date, name] of Object.entries(year.holidays)) holidays.set(date, name);
  for (const date of Object.keys(year.workdays)) makeUpWorkdays.add(date);
  deadlines.clear();
}

/** Forgets a year (tests of the unknown-year path). */
export function unregisterHolidayYear(year: number): void {
  const previous = years.get(year);
  if (!previous) return;
  for (const date of Object.keys(previous.holidays)) holidays.delete(date);
  for (const date of Object.keys(previous.workdays)) makeUpWorkdays.delete(date);
  years.delete(year);
  deadlines.clear();
}

/** Years whose notice the calendar holds, ascending. */
export const knownYears = (): number[] => [...years.keys()].sort((a, b) => a - b);

export const isYearKnown = (year: number): boolean => years.has(year);

/** The notice a year was loaded from, e.g. 国务院办公厅关于2026年部分节假日安排的通知; null when unknown. */
export const noticeOf = (year: number): string | null => years.get(year)?.notice ?? null;

export function isCovered(date: string): boolean {
  assertDate(date);
  return years.has(Number(date.slice(0, 4)));
}

/** Name of the holiday on `date` (e.g. "国庆节"), or null. */
export const holidayName = (date: string): string | null => holidays.get(date) ?? null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(date: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new Error(`not a date "YYYY-MM-DD": ${date}`);
}

/**
 * Working day by the official calendar: make-up working days count even on weekends, holidays
 * never do. In a year the calendar does not know, Monday–Friday is all there is to go on: callers
 * that compute deadlines use `workingDayDeadline`, which says so.
 */
export function isWorkingDay(date: string): boolean {
  assertDate(date);
  if (makeUpWorkdays.has(date)) return true;
  if (holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A deadline and whether it rests on a year the calendar does not know yet (then it may move). */
export interface WorkingDayDeadline {
  date: string;
  provisional: boolean;
  /** Years counted through whose notice is missing, e.g. [2027]. */
  unknownYears: number[];
}

/**
 * The date `count` working days after `start` (the day of the decision is day 0, as deadlines
 * "within N working days of the decision" are counted), with whether it is provisional.
 */
export function workingDayDeadline(start: string, count: number): WorkingDayDeadline {
  const key = `${start}+${count}`;
  const known = deadlines.get(key);
  if (known) return known;
  const date = countWorkingDays(start, count);
  const unknownYears: number[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(date.slice(0, 4)); year += 1) if (!years.has(year)) unknownYears.push(year);
  const deadline = { date, provisional: unknownYears.length > 0, unknownYears };
  if (deadlines.size >= 50_000) deadlines.clear();
  deadlines.set(key, deadline);
  return deadline;
}

/** The date of `workingDayDeadline` alone (check `isCovered` or use `workingDayDeadline` for provisional dates). */
export const addWorkingDays = (start: string, count: number): string => workingDayDeadline(start, count).date;

/**
 * Deadlines are asked for the same few (decision date, n) pairs over and over — every record of a
 * profile, every request — and the day-by-day walk is the costly part, so results are kept.
 */
const deadlines = new Map<string, WorkingDayDeadline>();

function countWorkingDays(start: string, count: number): string {
  assertDate(start);
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer: ${count}`);
  let date = start;
  let remaining = count;
  while (remaining > 0) {
    date = nextDay(date);
    if (isWorkingDay(date)) remaining -= 1;
  }
  return date;
}

/**
 * The latest date whose deadline of `count` working days falls on or before `deadline`, i.e.
 * `count` working days before it (used for "apply 30 working days before expiry").
 */
export function workingDaysBefore(end: string, count: number): WorkingDayDeadline {
  assertDate(end);
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a non-negative integer: ${count}`);
  let date = end;
  let remaining = count;
  while (remaining > 0) {
    date = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (isWorkingDay(date)) remaining -= 1;
  }
  const unknownYears: number[] = [];
  for (let year = Number(date.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1) if (!years.has(year)) unknownYears.push(year);
  return { date, provisional: unknownYears.length > 0, unknownYears };
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  assertDate(from);
  assertDate(to);
  let days = 0;
  for (let date = nextDay(from); date <= to; date = nextDay(date)) if (isWorkingDay(date)) days += 1;
  return days;
}

/** What the calendar knows, for start-up logs and readiness details. */
export interface CalendarStatus {
  knownYears: { first: number; last: number; count: number };
  currentYear: number;
  currentYearKnown: boolean;
  nextYearKnown: boolean;
  /** Human-readable problems: missing current year always; missing next year from 1 November. */
  warnings: string[];
}

/**
 * The State Council publishes next year's notice in November or December: from 1 November a
 * missing next year is worth a warning, since deadlines running into it are provisional.
 */
export function calendarStatus(today: string): CalendarStatus {
  assertDate(today);
  const currentYear = Number(today.slice(0, 4));
  const all = knownYears();
  const warnings: string[] = [];
  const currentYearKnown = years.has(currentYear);
  const nextYearKnown = years.has(currentYear + 1);
  if (!currentYearKnown) {
    warnings.push(
      `holiday calendar: ${currentYear} is unknown; every working-day deadline this year is provisional (load it: npm run holidays -- load <file>)`,
    );
  }
  if (!nextYearKnown && today.slice(5) >= '11-01') {
    warnings.push(
      `holiday calendar: ${currentYear + 1} is unknown; deadlines running into it are provisional until the State Council's notice is loaded (npm run holidays -- load <file>)`,
    );
  }
  return {
    knownYears: { first: all[0] ?? 0, last: all.at(-1) ?? 0, count: all.length },
    currentYear,
    currentYearKnown,
    nextYearKnown,
    warnings,
  };
}

export const BUNDLED_HOLIDAY_DIRECTORY = bundledDirectory;

for (const year of readHolidayYears(bundledDirectory)) registerHolidayYear(year);
if (workdaysEnv.HOLIDAY_DATA_DIR) for (const year of readHolidayYears(workdaysEnv.HOLIDAY_DATA_DIR)) registerHolidayYear(year);

/** First and last year the calendar knows at start-up. */
export const CALENDAR_COVERAGE = { firstYear: knownYears()[0] ?? 0, lastYear: knownYears().at(-1) ?? 0 } as const;

/**
 * What a service reports about the calendar in /readyz and logs at start-up: the years known and
 * the warnings (a missing current year, or from 1 November a missing next year). Informational:
 * deadlines still compute, marked provisional.
 */
export function calendarReadiness(today: string) {
  const status = calendarStatus(today);
  return {
    holidayCalendar: { knownYears: status.knownYears, currentYearKnown: status.currentYearKnown, nextYearKnown: status.nextYearKnown },
    warnings: status.warnings,
  };
}
