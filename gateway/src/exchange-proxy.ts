import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { type Logger, sendJson } from '@credit-hub/subgraph-kit';

export interface ExchangeProxyOptions {
  /** The exchange route proxied at the same path: `/feed`, `/exports/download`, `/imports`, `/imports/rejects`. */
  path: string;
  /** Refuse anonymous callers here (imports run with a signed-in user's authority). */
  signedInOnly?: boolean;
}

/** Request headers passed through when present: content negotiation, SSE resume, upload framing. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'last-event-id', 'content-type', 'content-length'] as const;

const unauthenticated = (response: ServerResponse) =>
  sendJson(response, 401, {
    errors: [{ message: 'a valid token is required (需要有效的身份令牌)', extensions: { code: 'UNAUTHENTICATED' } }],
  });

/**
 * The exchange's HTTP routes on the gateway, so clients use one address for GraphQL, the change
 * feed (`GET /feed`), export files and table imports. The gateway authenticates as for GraphQL
 * (the caller's token, or an anonymous public token it mints) and streams request and answer
 * through unchanged: the exchange decides, by the kit's policy on the forwarded token, what the
 * caller may read, upload or download. Closing the client connection closes the upstream one.
 */
export function exchangeProxy(
  exchangeGraphqlUrl: () => string,
  authenticate: (request: IncomingMessage) => Promise<{ forwardToken: string; caller: { role: string } }>,
  logger: Logger,
  { path, signedInOnly = false }: ExchangeProxyOptions,
) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    let token: string;
    try {
      const authenticated = await authenticate(request);
      if (signedInOnly && authenticated.caller.role === 'public') return unauthenticated(response);
      token = authenticated.forwardToken;
    } catch {
      return unauthenticated(response);
    }
    const search = new URL(request.url ?? '/', 'http://localhost').search;
    const upstream = new AbortController();
    // The response's close, not the request's: an upload's request "closes" once its body is read.
    response.on('close', () => upstream.abort());
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'x-request-id': String(request.headers['x-request-id'] ?? ''),
    };
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const hasBody = request.method === 'POST';
    try {
      const answer = await fetch(`${exchangeGraphqlUrl().replace(/\/graphql$/, path)}${search}`, {
        method: hasBody ? 'POST' : 'GET',
        headers,
        ...(hasBody ? { body: Readable.toWeb(request), duplex: 'half' } : {}),
        signal: upstream.signal,
      } as RequestInit);
      const disposition = answer.headers.get('content-disposition');
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        ...(disposition ? { 'content-disposition': disposition } : {}),
      });
      if (!answer.body) return void response.end();
      await new Promise<void>((resolve) => {
        const body = Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream);
        body.on('error', () => resolve());
        body.on('end', () => resolve());
        body.pipe(response);
      });
    } catch (error) {
      if (upstream.signal.aborted) return void response.end();
      logger.warn({ err: error, path }, 'exchange proxy: exchange unreachable');
      if (!response.headersSent) {
        sendJson(response, 503, {
          errors: [{ message: 'the exchange service is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'exchange' } }],
        });
      } else response.end();
    }
  };
}
