import { createRequire } from 'node:module';

/**
 * China's official calendar: public holidays and make-up working days (调休) as announced each
 * year by the State Council General Office, from the maintained `chinese-days` package (dated
 * table, 2004 onward). Plain Monday–Friday counting is wrong around every long holiday.
 */
interface CalendarTable {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);
const table = require('chinese-days/dist/chinese-days.json') as CalendarTable;

const holidays = new Set(Object.keys(table.holidays));
const makeUpWorkdays = new Set(Object.keys(table.workdays));
const years = Object.keys(table.holidays).map((date) => Number(date.slice(0, 4)));

/** First and last year the official table covers. */
export const CALENDAR_COVERAGE = { firstYear: Math.min(...years), lastYear: Math.max(...years) } as const;

export function isCovered(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= CALENDAR_COVERAGE.firstYear && year <= CALENDAR_COVERAGE.lastYear;
}

/** Name of the holiday on `date` (e.g. "国庆节"), or null. */
export function holidayName(date: string): string | null {
  const entry = table.holidays[date];
  return entry ? (entry.split(',')[1] ?? null) : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(date: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new Error(`not a date "YYYY-MM-DD": ${date}`);
}

/**
 * Working day by the official calendar: make-up working days count even on weekends, holidays
 * never do. Outside the table's years it falls back to Monday–Friday (see `isCovered`).
 */
export function isWorkingDay(date: string): boolean {
  assertDate(date);
  if (makeUpWorkdays.has(date)) return true;
  if (holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The date `count` working days after `start` (the day of the decision is day 0, as deadlines
 * "within N working days of the decision" are counted). Deadline = addWorkingDays(decidedOn, 7).
 */
export function addWorkingDays(start: string, count: number): string {
  const key = `${start}+${count}`;
  const known = deadlines.get(key);
  if (known) return known;
  const deadline = countWorkingDays(start, count);
  if (deadlines.size >= 50_000) deadlines.clear();
  deadlines.set(key, deadline);
  return deadline;
}

/**
 * Deadlines are asked for the same few (decision date, n) pairs over and over — every record of a
 * profile, every request — and the day-by-day walk is the costly part, so results are kept.
 */
const deadlines = new Map<string, string>();

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

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  assertDate(from);
  assertDate(to);
  let days = 0;
  for (let date = nextDay(from); date <= to; date = nextDay(date)) if (isWorkingDay(date)) days += 1;
  return days;
}
