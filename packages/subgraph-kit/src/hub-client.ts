import { serviceIssuer } from './auth/tokens.ts';
import { type AuthEnv, authSettingsFromEnv } from './env.ts';
import { codedError, type ErrorCode } from './errors.ts';
import { createTokenSource } from './token-source.ts';

type Answer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

export interface HubClientOptions {
  /** The gateway's GraphQL URL (a function when it is known only after start-up). */
  url: string | (() => string);
  /** A token the gateway accepts: a service token (`serviceTokenSource`) or the caller's own. */
  token: () => Promise<string>;
  timeoutMs: number;
  /** What the client was doing, for the error message: "reading indicators". */
  purpose: string;
  /**
   * Error codes answered as they are (with the purpose prepended) rather than as
   * SUBGRAPH_UNAVAILABLE: for writes on the caller's behalf, where the owner's FORBIDDEN or
   * BAD_USER_INPUT is the answer the caller must see.
   */
  passThroughCodes?: readonly ErrorCode[];
}

/** Posts one operation; any error in the answer throws. */
export type HubClient = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

/**
 * The hub, through its gateway, as a client of a service (the risk classifier, the inspections
 * draw). Any error in an answer fails the call with SUBGRAPH_UNAVAILABLE naming the subgraph:
 * a decision made on a partial answer (one subgraph down) would be wrong, not merely incomplete.
 */
export function createHubClient(options: HubClientOptions): HubClient {
  return async (query, variables) => {
    const url = typeof options.url === 'function' ? options.url() : options.url;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = (await response.json()) as Answer;
    if (body.errors?.length) {
      const first = body.errors[0];
      const code = first?.extensions?.code as ErrorCode | undefined;
      if (code && options.passThroughCodes?.includes(code)) {
        const { code: _code, stacktrace: _stack, ...extensions } = first?.extensions ?? {};
        throw codedError(code, `${options.purpose}: ${first?.message ?? code}`, extensions);
      }
      throw codedError('SUBGRAPH_UNAVAILABLE', `${options.purpose} failed: ${first?.message ?? 'unknown error'}`, {
        subgraph: first?.extensions?.serviceName ?? 'gateway',
      });
    }
    return body;
  };
}

/** A service token of subgraph `name` (role `service`: reads everything, writes nothing). */
export function serviceTokenSource(env: AuthEnv, name: string): () => Promise<string> {
  const auth = authSettingsFromEnv(env);
  return createTokenSource({
    secret: auth.gatewaySecret,
    issuer: serviceIssuer(auth.issuer),
    audience: auth.audience,
    sub: `service:${name}`,
    role: 'service',
    ttlSeconds: 300,
  });
}
