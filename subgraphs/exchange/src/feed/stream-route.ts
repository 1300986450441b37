import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, sendJson, type TokenVerifier } from '@credit-hub/subgraph-kit';
import type { GraphQLError } from 'graphql';
import type { ExchangeMetrics } from '../metrics.ts';
import { decodeCursor } from './cursor.ts';
import { readChangeLines, readScope } from './merge.ts';
import type { OutboxSource } from './sources.ts';

/** Events per outbox read: large pages amortise the round trip to each subgraph (kit maximum). */
const PAGE = 10_000;
const IDLE_POLL_MS = 250;

export interface FeedRouteOptions {
  sources: readonly OutboxSource[];
  verify: TokenVerifier;
  heartbeatMs: number;
  metrics?: ExchangeMetrics;
  /** Aborted when the service stops: open streams end so the server can drain. */
  stopping: AbortSignal;
}

const errorBody = (error: GraphQLError) => ({ errors: [{ message: error.message, extensions: error.extensions }] });

/**
 * `GET /feed?after=<cursor>`: the merged feed as a stream, Server-Sent Events when the client
 * accepts `text/event-stream` (each event's `id:` is its cursor, so `Last-Event-ID` resumes), NDJSON
 * otherwise (each line carries `cursor`). Idle streams get a heartbeat (an SSE comment, or a
 * `{"type":"heartbeat","cursor":…}` line) so proxies keep them open and clients notice a dead one.
 * `follow=false` ends the stream once the feed is read to its head (exports, tests, benchmarks).
 */
export function feedRoute(options: FeedRouteOptions) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET') return sendJson(response, 405, { errors: [{ message: 'GET only' }] });
    const token = bearerToken(request.headers.authorization);
    const caller = token ? await options.verify(token).catch(() => null) : null;
    if (!caller)
      return sendJson(response, 401, {
        errors: [{ message: 'a valid token is required (需要有效的身份令牌)', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    const url = new URL(request.url ?? '/', 'http://localhost');
    const sse = (request.headers.accept ?? '').includes('text/event-stream');
    const lastEventId = request.headers['last-event-id'];
    const kinds = url.searchParams.get('kinds')?.split(',').filter(Boolean).slice(0, 50) ?? null;
    const regionPrefix = url.searchParams.get('regionPrefix');
    const follow = url.searchParams.get('follow') !== 'false';
    let positions: Record<string, number>;
    try {
      positions = decodeCursor(url.searchParams.get('after') ?? (typeof lastEventId === 'string' ? lastEventId : null));
      if (regionPrefix !== null && !/^\d{0,6}$/.test(regionPrefix)) throw new Error('regionPrefix');
    } catch (error) {
      return sendJson(
        response,
        400,
        (error as GraphQLError).extensions
          ? errorBody(error as GraphQLError)
          : { errors: [{ message: 'regionPrefix: up to 6 digits', extensions: { code: 'BAD_USER_INPUT', field: 'regionPrefix' } }] },
      );
    }
    const filter = { ...readScope(caller), kinds, regionPrefix: regionPrefix || null };
    // First page before the headers: an expired or unreadable cursor is a plain error answer.
    const format = sse ? 'sse' : 'ndjson';
    let page: Awaited<ReturnType<typeof readChangeLines>>;
    try {
      page = await readChangeLines(options.sources, positions, PAGE, filter, format);
    } catch (error) {
      const status = (error as GraphQLError).extensions?.code === 'BAD_USER_INPUT' ? 400 : 503;
      return sendJson(response, status, errorBody(error as GraphQLError));
    }
    response.writeHead(200, {
      'content-type': sse ? 'text/event-stream; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    let closed = false;
    const end = () => {
      closed = true;
    };
    request.on('close', end);
    options.stopping.addEventListener('abort', end, { once: true });
    let lastWrite = Date.now();
    const write = (text: string) =>
      new Promise<void>((resolve) => {
        lastWrite = Date.now();
        if (response.write(text)) resolve();
        else response.once('drain', resolve);
      });
    let cursor = page.endCursor;
    const read = (from: string) => readChangeLines(options.sources, decodeCursor(from), PAGE, filter, format);
    while (!closed) {
      // Read ahead: the next page is on its way while this one is written to the client.
      const ahead = page.hasMore
        ? read(page.endCursor).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          )
        : undefined;
      if (page.count > 0) {
        await write(page.text);
        options.metrics?.feedEvents.inc(page.count);
      }
      cursor = page.endCursor;
      if (!ahead) {
        if (!follow) break;
        if (Date.now() - lastWrite >= options.heartbeatMs) {
          await write(sse ? `: heartbeat ${cursor}\n\n` : `${JSON.stringify({ type: 'heartbeat', cursor })}\n`);
        }
        await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
        if (closed) break;
      }
      const next = ahead
        ? await ahead
        : await read(cursor).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
      if ('error' in next) {
        // A subgraph is down: tell the client where to resume and end; it reconnects later.
        await write(sse ? `event: error\ndata: ${JSON.stringify({ cursor })}\n\n` : `${JSON.stringify({ type: 'error', cursor })}\n`);
        break;
      }
      page = next.value;
    }
    response.end();
  };
}
