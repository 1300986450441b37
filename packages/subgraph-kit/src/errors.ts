import { GraphQLError } from 'graphql';
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
 * Apollo `formatError`: errors we raised on purpose pass through; anything else (a database
 * failure, a bug) is logged and replaced by a generic message, so no SQL or stack leaks out.
 */
export function formatError(
  formatted: { message: string; extensions?: Record<string, unknown> },
  error: unknown,
  log: (message: string, error: unknown) => void = (message, cause) => console.error(message, cause),
) {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
    const { stacktrace: _drop, http: _http, ...extensions } = formatted.extensions ?? {};
    // graphql-js repeats a whole variable value in its coercion messages: a 900 KB string would come back whole.
    return { ...formatted, message: boundMessage(formatted.message), extensions };
  }
  log('unexpected error while executing a request', error);
  return { ...formatted, message: 'internal error (内部错误)', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
