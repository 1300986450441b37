import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Caller } from './auth/caller.ts';
import { bearerToken, type TokenVerifier } from './auth/tokens.ts';
import { unauthenticated } from './errors.ts';

/** What every subgraph's resolvers get; each subgraph adds its per-request loaders. */
export interface SubgraphContext {
  caller: Caller;
  requestId: string;
  /**
   * The caller's own bearer token, for the rare write a subgraph makes on the caller's behalf in
   * another subgraph (an inspection's commitment verification written to the licence), so that
   * subgraph's policy judges the real caller. Never logged, never stored.
   */
  token?: string;
}

/**
 * Builds the per-request context. A subgraph only answers requests that carry a token (the
 * caller's, or the one the gateway mints for anonymous callers), so nobody reaches it around the
 * gateway's limits.
 */
export function createContextFactory<TContext extends SubgraphContext>(verify: TokenVerifier, extend: (base: SubgraphContext) => TContext) {
  return async (request: IncomingMessage): Promise<TContext> => {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthenticated('subgraphs answer only requests that carry a token vouched for by the gateway');
    const caller = await verify(token);
    const requestId = headerValue(request.headers['x-request-id']) ?? randomUUID();
    return extend({ caller, requestId, token });
  };
}

const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
