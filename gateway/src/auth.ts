import type { IncomingMessage } from 'node:http';
import {
  type AuthSettings,
  bearerToken,
  type Caller,
  createTokenSource,
  createTokenVerifier,
  gatewayIssuer,
} from '@credit-hub/subgraph-kit';

export interface GatewayContext {
  caller: Caller;
  /** Token forwarded to subgraphs: the caller's own, or one minted for anonymous callers. */
  forwardToken: string;
  requestId: string | undefined;
}

/**
 * Verifies the caller once at the edge. Anonymous callers get a short-lived token the gateway
 * signs, re-minted before it expires rather than per request, so subgraphs can refuse anything
 * that did not come through the gateway.
 */
export function createGatewayAuth(settings: AuthSettings, anonymousTtlSeconds: number) {
  const verify = createTokenVerifier(settings);
  const anonymousToken = createTokenSource({
    secret: settings.gatewaySecret,
    issuer: gatewayIssuer(settings.issuer),
    audience: settings.audience,
    sub: 'anonymous',
    role: 'public',
    ttlSeconds: anonymousTtlSeconds,
  });

  return async (request: IncomingMessage): Promise<GatewayContext> => {
    // Always set: the HTTP layer accepts the caller's id or generates one before the context is built.
    const requestId = request.headers['x-request-id'] as string | undefined;
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      return {
        caller: { sub: 'anonymous', role: 'public', dept: null, region: null, scopes: [] },
        forwardToken: await anonymousToken(),
        requestId,
      };
    }
    return { caller: await verify(token), forwardToken: token, requestId };
  };
}
