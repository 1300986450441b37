import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a calendar date strictly: 2024-02-30 is an error, not 1 March. */
export function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('Date must be a string "YYYY-MM-DD"');
  const match = DATE.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`"${value}" is not a calendar date "YYYY-MM-DD"`, {
      extensions: { code: 'BAD_USER_INPUT', reason: 'DATE_FORMAT' },
    });
  }
  return value;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日期 Calendar date, "YYYY-MM-DD" (China Standard Time calendar day).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string "YYYY-MM-DD"');
    return parseDate(ast.value);
  },
});

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: '时间 Instant, ISO 8601 with offset, e.g. "2024-05-01T08:30:00.000Z".',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`"${value}" is not an ISO 8601 date-time`);
    return date;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    const date = new Date(ast.value);
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`"${ast.value}" is not an ISO 8601 date-time`);
    return date;
  },
});

/** Today's date in China (UTC+8), the day publication and listing rules count in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
