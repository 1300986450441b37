import { boundMessage } from '@credit-hub/subgraph-kit';
import { GraphQLError } from 'graphql';

/** Codes a subgraph answers with HTTP 400 that are the caller's doing, not a fault of the hub. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

interface SubgraphErrorBody {
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
}

/**
 * A subgraph checks what the gateway cannot: the gateway's API schema knows `Date` only as a
 * custom scalar, so "2026-02-30" passes it and the subgraph refuses the request with HTTP 400.
 * `RemoteGraphQLDataSource` turns any non-2xx answer into "400: Bad Request" without a code,
 * which reached callers as INTERNAL_SERVER_ERROR; this keeps the subgraph's own error instead.
 */
export function clientErrorFromSubgraph(status: number, body: unknown): GraphQLError | null {
  if (status !== 400 || typeof body !== 'object' || body === null) return null;
  const errors = (body as SubgraphErrorBody).errors ?? [];
  const first = errors.find((error) => CLIENT_CODES.has(String(error.extensions?.code)));
  if (!first) return null;
  const { code, field, reason } = first.extensions ?? {};
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new GraphQLError(boundMessage(`${String(first.message)}${more}`), {
    extensions: {
      code: code === 'GRAPHQL_VALIDATION_FAILED' ? 'BAD_USER_INPUT' : code,
      ...(field ? { field } : {}),
      ...(reason ? { reason } : {}),
    },
  });
}
