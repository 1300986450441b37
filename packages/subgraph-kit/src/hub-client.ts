import { GraphQLError } from 'graphql';
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
    const body = await postToGateway(url, { query, variables }, options);
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

/**
 * One POST and its GraphQL answer. A gateway that cannot be reached, does not answer within the
 * deadline or answers something other than GraphQL (a proxy's HTML 502, an empty body) is
 * SUBGRAPH_UNAVAILABLE naming the gateway, like a subgraph it cannot reach: never a bare
 * TypeError or SyntaxError that the caller would report as an internal error.
 */
async function postToGateway(url: string, request: object, options: HubClientOptions): Promise<Answer> {
  const unavailable = (why: string) =>
    codedError('SUBGRAPH_UNAVAILABLE', `${options.purpose} failed: the gateway ${why}`, { subgraph: 'gateway' });
  const token = await options.token();
  let status = 0;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.status;
    const text = await response.text();
    const answer = text ? (JSON.parse(text) as Answer | null) : null;
    if (answer && typeof answer === 'object' && ('data' in answer || 'errors' in answer)) return answer;
    throw unavailable(`answered HTTP ${status} without a GraphQL result`);
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw unavailable(`did not answer within ${options.timeoutMs} ms`);
    if (error instanceof SyntaxError) throw unavailable(`answered HTTP ${status} with a body that is not JSON`);
    throw unavailable('could not be reached');
  }
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
