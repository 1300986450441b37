/**
 * Calendar periods the way Chinese law counts them (民法典 第二百零一、二百零二条): the day of the
 * event is not counted; a period of months or years ends on the corresponding day of the last
 * month, or on that month's last day when it has no such day. So a 3-month publication starting
 * 2024-03-10 runs through 2024-06-10, and one year from 2024-02-29 ends on 2025-02-28.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date "YYYY-MM-DD": ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Last day of a period of `months` starting the day after `start` (negative months go back). */
export function periodEnd(start: string, months: number): string {
  const [year, month, day] = parts(start);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)))}`;
}

export function addDays(date: string, days: number): string {
  parts(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** First day after a period of `months` from `start`: when the period has 届满 (fully run). */
export const dayAfterPeriod = (start: string, months: number) => addDays(periodEnd(start, months), 1);

export const minDate = (a: string, b: string) => (a < b ? a : b);

/**
 * The latest start day whose period of `months` has fully run by `today` (its end is before
 * today). Month-end clamping makes periods non-invertible by subtraction, so search near the guess.
 */
export function latestStartElapsedBy(today: string, months: number): string {
  let candidate = periodEnd(today, -months);
  while (periodEnd(candidate, months) >= today) candidate = addDays(candidate, -1);
  while (periodEnd(addDays(candidate, 1), months) < today) candidate = addDays(candidate, 1);
  return candidate;
}

/** The earliest start day whose period of `months` still includes `today`. */
export const earliestStartStillRunning = (today: string, months: number) => addDays(latestStartElapsedBy(today, months), 1);

/** The same day `months` later (month-end clamped): 2026-03-31 + 1 → 2026-04-30. */
export const addMonths = (date: string, months: number) => periodEnd(date, months);

export const addYears = (date: string, years: number) => periodEnd(date, years * 12);
