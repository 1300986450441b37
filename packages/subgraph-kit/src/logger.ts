import { GraphQLError } from 'graphql';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { DestinationStream, Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** `service` field of every line (one process may run several services under `npm start`). */
  service?: string;
  level?: LogLevel;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/**
 * The one logger factory of the hub: JSON lines (pino) on stdout, ISO timestamps, and an error
 * serializer that never writes SQL text or its parameters, whatever the database layer put in
 * the message of the error it threw.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: options.service ? { service: options.service } : {},
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

interface SerializedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: SerializedError;
}

/**
 * drizzle wraps a failed statement as "Failed query: <sql> params: <values>" and postgres.js
 * attaches `query` and `parameters` to its errors; PostgreSQL's own messages and details quote
 * the offending values. A database error is therefore logged by its SQLSTATE code only, and an
 * error carrying a statement loses its message and the stack whose first line repeats it.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const rawCode = (error as Error & { code?: unknown }).code;
  const code = typeof rawCode === 'string' ? rawCode : undefined;
  const carriesStatement = 'query' in error || 'params' in error || 'parameters' in error;
  const fromDatabase = carriesStatement || error.name === 'PostgresError' || (code !== undefined && /^[0-9A-Z]{5}$/.test(code));
  const serialized: SerializedError = {
    type: error.name,
    message: fromDatabase ? 'database query failed' : error.message,
    ...(code ? { code } : {}),
  };
  if (!fromDatabase && error.stack) serialized.stack = error.stack;
  else if (error.stack) serialized.stack = error.stack.split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
  const cause = error instanceof GraphQLError ? (error.originalError ?? error.cause) : error.cause;
  if (cause !== undefined && cause !== error && depth < 5) serialized.cause = serializeError(cause, depth + 1);
  return serialized;
}
