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
 * the offending values, and GraphQL re-wraps the error with the same message. So when any error
 * in the chain comes from the database, every message in the chain is replaced and the stacks
 * lose their first line (which repeats the message); the SQLSTATE code is kept.
 */
export function serializeError(error: unknown): SerializedError {
  const chain: unknown[] = [];
  for (let current: unknown = error; current !== undefined && chain.length < 6 && !chain.includes(current); current = causeOf(current)) {
    chain.push(current);
  }
  const fromDatabase = chain.some(isDatabaseError);
  const serialized = chain.map((link) => serializeOne(link, fromDatabase));
  for (let index = serialized.length - 2; index >= 0; index -= 1) {
    const outer = serialized[index];
    const inner = serialized[index + 1];
    if (outer && inner) outer.cause = inner;
  }
  return serialized[0] ?? { type: 'undefined', message: 'undefined' };
}

function causeOf(error: unknown): unknown {
  if (!(error instanceof Error)) return undefined;
  return error instanceof GraphQLError ? (error.originalError ?? error.cause) : error.cause;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = codeOf(error);
  return (
    'query' in error ||
    'params' in error ||
    'parameters' in error ||
    error.name === 'PostgresError' ||
    (code !== undefined && /^[0-9A-Z]{5}$/.test(code))
  );
}

function serializeOne(error: unknown, fromDatabase: boolean): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: fromDatabase ? 'database query failed' : String(error) };
  const code = codeOf(error);
  const serialized: SerializedError = {
    type: error.name,
    message: fromDatabase ? 'database query failed' : error.message,
    ...(code ? { code } : {}),
  };
  if (error.stack) {
    serialized.stack = fromDatabase
      ? error.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .join('\n')
      : error.stack;
  }
  return serialized;
}
