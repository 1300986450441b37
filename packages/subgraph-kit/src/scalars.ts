import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { previewText } from './text-preview.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 / RFC 3339 instant with an explicit offset; a bare local time would mean different
// instants on different servers.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Years a date of this domain can fall in: anything outside is a typo, and PostgreSQL would refuse 99999. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const invalid = (message: string, reason: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } });

const describe = (value: unknown) => (typeof value === 'string' ? `"${previewText(value)}"` : typeof value);

function inRange(year: number, value: unknown, kind: string): void {
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw invalid(`${describe(value)} is outside the years ${FIRST_YEAR}–${LAST_YEAR} a ${kind} may fall in`, 'OUT_OF_RANGE');
  }
}

/** Parses a calendar date strictly: 2024-02-30 is an error, not 1 March. */
export function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw invalid(`Date must be a string "YYYY-MM-DD", got ${describe(value)}`, 'DATE_FORMAT');
  const match = DATE.exec(value);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  // Counted, not round-tripped through Date and toISOString: a batch import parses two dates a row.
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw invalid(`${describe(value)} is not a calendar date "YYYY-MM-DD"`, 'DATE_FORMAT');
  }
  inRange(year, value, 'date');
  return value;
}

/** Days of a month in the Gregorian calendar: February has 29 in years divisible by 4, except centuries not divisible by 400. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses an instant with its offset; the calendar fields must exist (no 30 February at 10:00). */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw invalid(`DateTime must be an ISO 8601 string, got ${describe(value)}`, 'DATE_TIME_FORMAT');
  const match = DATE_TIME.exec(value);
  const date = match ? new Date(value) : null;
  const [, year, month, day, hour, minute] = match ?? [];
  const calendar = year && month && day ? new Date(`${year}-${month}-${day}T00:00:00Z`) : null;
  if (
    !date ||
    Number.isNaN(date.getTime()) ||
    !calendar ||
    Number.isNaN(calendar.getTime()) ||
    calendar.toISOString().slice(0, 10) !== `${year}-${month}-${day}` ||
    Number(hour) > 23 ||
    Number(minute) > 59
  ) {
    throw invalid(`${describe(value)} is not an ISO 8601 date-time with offset, e.g. "2024-05-01T08:30:00Z"`, 'DATE_TIME_FORMAT');
  }
  inRange(Number(year), value, 'date-time');
  return date;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: `日期 Calendar date, "YYYY-MM-DD" (China Standard Time calendar day), years ${FIRST_YEAR}–${LAST_YEAR}.`,
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('Date must be a string "YYYY-MM-DD"', 'DATE_FORMAT');
    return parseDate(ast.value);
  },
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: `时间 Instant, ISO 8601 with offset, e.g. "2024-05-01T08:30:00.000Z", years ${FIRST_YEAR}–${LAST_YEAR}.`,
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be an ISO 8601 string', 'DATE_TIME_FORMAT');
    return parseDateTime(ast.value);
  },
});

/** Today's date in China (UTC+8), the day publication and listing rules count in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
