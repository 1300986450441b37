import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { type Logger, sendJson } from '@credit-hub/subgraph-kit';

/**
 * `POST /imports` (a table upload) and `GET /imports/rejects` (a job's rejects workbook) on the
 * gateway: passed to the exchange's routes of the same path with the caller's own token, body and
 * answer streamed through. The exchange decides, by the kit's policy on the forwarded token, who may
 * upload and who may download; import jobs then write through this gateway with that same token.
 * Anonymous callers are refused here: an import runs with a signed-in user's authority.
 */
export function importsProxy(
  exchangeGraphqlUrl: () => string,
  authenticate: (request: IncomingMessage) => Promise<{ forwardToken: string; caller: { role: string } }>,
  logger: Logger,
  path: string,
) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    let token: string;
    try {
      const authenticated = await authenticate(request);
      if (authenticated.caller.role === 'public') throw new Error('anonymous');
      token = authenticated.forwardToken;
    } catch {
      return sendJson(response, 401, {
        errors: [{ message: 'a valid token is required (需要有效的身份令牌)', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }
    const search = new URL(request.url ?? '/', 'http://localhost').search;
    const upstream = new AbortController();
    response.on('close', () => upstream.abort());
    const hasBody = request.method === 'POST';
    try {
      const answer = await fetch(`${exchangeGraphqlUrl().replace(/\/graphql$/, path)}${search}`, {
        method: request.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': request.headers['content-type'] ?? 'application/octet-stream',
          ...(request.headers['content-length'] ? { 'content-length': request.headers['content-length'] } : {}),
          'x-request-id': String(request.headers['x-request-id'] ?? ''),
        },
        ...(hasBody ? { body: Readable.toWeb(request), duplex: 'half' } : {}),
        signal: upstream.signal,
      } as RequestInit);
      const disposition = answer.headers.get('content-disposition');
      response.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
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
      logger.warn({ err: error }, 'imports proxy: exchange unreachable');
      if (!response.headersSent) {
        sendJson(response, 503, {
          errors: [{ message: 'the exchange service is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'exchange' } }],
        });
      } else response.end();
    }
  };
}
