import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Logger } from './logger.ts';
import { boundMessage } from './text-preview.ts';

/** The error codes of the public contract (ARCHITECTURE.md): clients switch on these. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401 };

export function codedError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

/** Bad input names the offending field and the rule it broke, so a client can point at it. */
export function badUserInput(message: string, details: { field: string; reason?: string; [key: string]: unknown }): GraphQLError {
  return codedError('BAD_USER_INPUT', message, details);
}

export const unauthenticated = (message = 'a valid token is required (需要有效的身份令牌)') => codedError('UNAUTHENTICATED', message);
export const forbidden = (message: string, extensions: Record<string, unknown> = {}) => codedError('FORBIDDEN', message, extensions);
export const notFound = (message: string, extensions: Record<string, unknown> = {}) => codedError('NOT_FOUND', message, extensions);
export const conflict = (message: string, extensions: Record<string, unknown> = {}) => codedError('CONFLICT', message, extensions);

/**
 * A create whose natural key (licence number, decision number, …) is already stored. The reason
 * says whether the stored record is this very row again (same holder, same producing department:
 * `ALREADY_RECORDED`, so a re-run or a resumed import reports it unchanged) or another record that
 * holds the key (`KEY_TAKEN`, which an import rejects: counting it as there would hide a lost row).
 */
export const KEY_EXISTS_REASONS = { same: 'ALREADY_RECORDED', other: 'KEY_TAKEN' } as const;

export function keyExists(message: string, details: { field: string; sameRecord: boolean }): GraphQLError {
  return conflict(message, { field: details.field, reason: details.sameRecord ? KEY_EXISTS_REASONS.same : KEY_EXISTS_REASONS.other });
}

const PUBLIC_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'SUBGRAPH_UNAVAILABLE',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * The gateway cannot reach or get an answer from `subgraph` in time. Names the subgraph only: its
 * URL, host and port are internal and stay in the log.
 */
export const subgraphUnavailable = (subgraph: string) =>
  codedError('SUBGRAPH_UNAVAILABLE', `the ${subgraph} service is unavailable (${subgraph} 服务暂不可用)`, { subgraph });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTERNAL_MESSAGE = 'internal error (内部错误)';

/**
 * Apollo `formatError`: errors we raised on purpose pass through; anything else (a database
 * failure, a bug) is logged with a fresh `errorId` and replaced by a generic message carrying the
 * same id, so no SQL, URL or stack leaks out and support can still find the log line. An internal
 * error a subgraph already reported keeps the subgraph's id (its log line has the details).
 */
export function formatError(formatted: { message: string; extensions?: Record<string, unknown> }, error: unknown, logger: Logger) {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, http: _http, ...extensions } = formatted.extensions ?? {};
    // graphql-js repeats a whole variable value in its coercion messages: a 900 KB string would come back whole.
    return { ...formatted, message: boundMessage(formatted.message), extensions };
  }
  const reported = formatted.extensions?.errorId;
  if (code === 'INTERNAL_SERVER_ERROR' && typeof reported === 'string' && UUID.test(reported)) {
    const subgraph = formatted.extensions?.serviceName;
    logger.warn({ errorId: reported, subgraph }, 'a subgraph reported an internal error');
    return { ...formatted, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: reported } };
  }
  const errorId = randomUUID();
  logger.error({ errorId, err: error }, 'unexpected error while executing a request');
  return { ...formatted, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
}
