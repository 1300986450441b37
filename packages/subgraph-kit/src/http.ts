import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import type { Logger } from './logger.ts';
import { attachRequestLogFields, type RequestLogFields, requestIdOf } from './request-log.ts';
import { securityHeaders } from './security-headers.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface HttpServiceOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  context: (request: IncomingMessage) => Promise<TContext>;
  /** Extra routes by path (health, readiness, metrics, GraphiQL). */
  routes?: Record<string, RouteHandler>;
  /** One line per request: request id, caller role, operation, status, duration. */
  logger: Logger;
  /** Rewrites a parsed POST body before Apollo reads it (the gateway maps `documentId`). */
  prepareBody?: (body: unknown) => unknown;
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  // Encoded once: byteLength and then end(text) would each walk a multi-megabyte bulk page.
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
  response.end(bytes);
}

/**
 * Apollo Server on plain node:http through its integration API: no web framework, so health
 * routes, GraphiQL and /graphql share one small handler in the gateway and in every subgraph.
 */
export function createHttpService<TContext extends BaseContext>(options: HttpServiceOptions<TContext>): Server {
  const { apollo, context, routes = {}, logger, prepareBody } = options;
  const server = createServer(async (request, response) => {
    const settled = trackInFlight(server);
    const started = process.hrtime.bigint();
    // Set on the incoming headers too, so the context (and the gateway's subgraph fetches) see it.
    const fields: RequestLogFields = { requestId: requestIdOf(request) };
    request.headers['x-request-id'] = fields.requestId;
    response.setHeader('x-request-id', fields.requestId);
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    const url = requestUrl(request);
    try {
      const route = routes[url.pathname];
      if (route) return await route(request, response);
      if (url.pathname !== '/graphql') return sendJson(response, 404, { error: 'not found' });
      const parsed = request.method === 'POST' ? await readJsonBody(request) : undefined;
      const body = prepareBody ? prepareBody(parsed) : parsed;
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const value = await context(request);
          const role = (value as { caller?: { role?: string } }).caller?.role;
          if (role) fields.role = role;
          attachRequestLogFields(value, fields);
          return value;
        },
      });
      for (const [key, value] of result.headers) response.setHeader(key, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') return void response.end(result.body.string);
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    } catch (error) {
      if (error instanceof HttpError) {
        // The rest of an oversized body is never read: the connection cannot carry another request.
        if (error.status === 413) response.setHeader('connection', 'close');
        return sendJson(response, error.status, { errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      }
      logger.error({ requestId: fields.requestId, err: error }, 'request failed outside GraphQL execution');
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'internal error' }] });
      else response.end();
    } finally {
      settled();
      const line = {
        ...fields,
        method: request.method,
        path: url.pathname.length <= 64 ? url.pathname : `${url.pathname.slice(0, 64)}…`,
        status: response.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      };
      // Probes and scrapes arrive every few seconds: only GraphQL requests are worth an info line.
      if (url.pathname === '/graphql') logger.info(line, 'request');
      else logger.debug(line, 'request');
    }
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/** The request's URL; a request line that is not a valid path is treated as an unknown path. */
function requestUrl(request: IncomingMessage): URL {
  try {
    return new URL(request.url ?? '/', 'http://localhost');
  } catch {
    return new URL('/invalid-request-target', 'http://localhost');
  }
}

/**
 * Requests still being handled, per server. A client that hangs up leaves its operation running
 * (a gateway may still be calling subgraphs for it); stopping waits for those, not only for open
 * sockets, so services shut down in order without cutting each other off mid-request.
 */
const inFlight = new WeakMap<Server, { count: number; idle: (() => void)[] }>();

function trackInFlight(server: Server): () => void {
  const state = inFlight.get(server) ?? { count: 0, idle: [] };
  inFlight.set(server, state);
  state.count += 1;
  return () => {
    state.count -= 1;
    if (state.count === 0) for (const resolve of state.idle.splice(0)) resolve();
  };
}

/** Resolves once no request of `server` is being handled. */
export function requestsSettled(server: Server): Promise<void> {
  const state = inFlight.get(server);
  if (!state || state.count === 0) return Promise.resolve();
  return new Promise((resolve) => state.idle.push(resolve));
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes (请求体过大)`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return undefined;
  const type = request.headers['content-type'] ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON (请求体不是有效的 JSON)');
  }
}

export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
