import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { type Logger, sendJson } from '@credit-hub/subgraph-kit';

/**
 * `GET /feed` on the gateway: clients follow the change feed at the same address as GraphQL.
 * The gateway authenticates as for GraphQL (the caller's token, or an anonymous public token it
 * mints) and streams the exchange's `/feed` through unchanged: the exchange decides what the
 * caller may see from the forwarded token. Closing the client connection closes the upstream one.
 */
export function feedProxy(
  exchangeGraphqlUrl: () => string,
  authenticate: (request: IncomingMessage) => Promise<{ forwardToken: string }>,
  logger: Logger,
  /** The exchange route proxied: `/feed`, or `/exports/download` for export files (streamed the same way). */
  path = '/feed',
) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    let token: string;
    try {
      token = (await authenticate(request)).forwardToken;
    } catch {
      return sendJson(response, 401, {
        errors: [{ message: 'a valid token is required (需要有效的身份令牌)', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    const search = new URL(request.url ?? '/', 'http://localhost').search;
    const upstream = new AbortController();
    request.on('close', () => upstream.abort());
    response.on('close', () => upstream.abort());
    try {
      const answer = await fetch(`${exchangeGraphqlUrl().replace(/\/graphql$/, path)}${search}`, {
        headers: {
          authorization: `Bearer ${token}`,
          accept: request.headers.accept ?? 'application/x-ndjson',
          ...(typeof request.headers['last-event-id'] === 'string' ? { 'last-event-id': request.headers['last-event-id'] } : {}),
          'x-request-id': String(request.headers['x-request-id'] ?? ''),
        },
        signal: upstream.signal,
      });
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
        ...(answer.headers.get('content-disposition')
          ? { 'content-disposition': answer.headers.get('content-disposition') as string }
          : {}),
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
      logger.warn({ err: error }, 'feed proxy: exchange unreachable');
      if (!response.headersSent) {
        sendJson(response, 503, {
          errors: [{ message: 'the exchange service is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'exchange' } }],
        });
      } else response.end();
    }
  };
}
