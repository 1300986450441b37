import type { IncomingMessage, Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphContext } from './context.ts';
import { guardEntityRepresentations } from './entity-representations.ts';
import { formatError } from './errors.ts';
import { createHttpService, listen, type RouteHandler, requestsSettled, sendJson } from './http.ts';
import type { QueryLimits } from './limits/config.ts';
import { queryLimits } from './limits/plugin.ts';
import type { Logger } from './logger.ts';
import { ServiceMetrics } from './metrics.ts';
import { noStorePlugin } from './no-store.ts';
import { operationResolutionPlugin } from './operation-resolution.ts';
import { requestLogPlugin } from './request-log.ts';

export interface RunningService {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:4001 (GraphQL at `${url}/graphql`). */
  url: string;
  stop(): Promise<void>;
}

export interface SubgraphServerOptions<TContext extends SubgraphContext> {
  name: string;
  schema: GraphQLSchema;
  context: (request: IncomingMessage) => Promise<TContext>;
  port: number;
  host: string;
  /** The same limits as the gateway's, so that a direct call gains nothing. */
  limits: QueryLimits;
  /** Production mode: introspection only for the roles that need it. */
  production: boolean;
  /** Readiness check (database round trip). */
  ready: () => Promise<void>;
  /** Extra facts for /readyz (e.g. holiday-calendar warnings); they inform, they do not fail readiness. */
  readyDetails?: () => Record<string, unknown>;
  /** Closes what the service owns (database) after the HTTP server has drained. */
  close: () => Promise<void>;
  logger: Logger;
  /** The service's metrics registry, when it adds metrics of its own (the exchange's lag, deliveries). */
  metrics?: ServiceMetrics;
  /** Extra routes (a subgraph's service-only `/outbox`). */
  routes?: Record<string, RouteHandler>;
}

/**
 * Starts one subgraph: Apollo Server with federation inline tracing and the cache-control plugin
 * off (the gateway uses neither, and both cost every request; see noStorePlugin), /healthz,
 * /readyz, /metrics, and a drain on stop.
 */
export async function startSubgraphServer<TContext extends SubgraphContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningService> {
  const { logger } = options;
  const metrics = options.metrics ?? new ServiceMetrics(options.name);
  const limits = queryLimits<TContext>({ limits: options.limits, production: options.production });
  const apollo = new ApolloServer<TContext>({
    schema: guardEntityRepresentations(options.schema),
    introspection: true,
    // Signals are handled once for the whole process (stopOnSignals), in order: HTTP, Apollo, database.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, logger),
    parseOptions: limits.parseOptions,
    // No cache hints are used (every answer depends on the caller): Apollo's default cache-control
    // plugin would otherwise wrap every field's resolver (a batch import answers 500 rows × 6 fields).
    // noStorePlugin keeps the `cache-control: no-store` that plugin put on every answer.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      operationResolutionPlugin(),
      limits.plugin,
      metrics.plugin(),
      requestLogPlugin(),
    ],
  });
  await apollo.start();
  const server = createHttpService({
    apollo,
    context: options.context,
    routes: { ...healthRoutes(options.name, options.ready, metrics, logger, options.readyDetails), ...options.routes },
    logger,
  });
  const url = await listen(server, options.port, options.host);
  return {
    name: options.name,
    url,
    stop: async () => {
      await stopHttp(server);
      await apollo.stop();
      await options.close();
    },
  };
}

export function healthRoutes(
  name: string,
  ready: () => Promise<void>,
  metrics: ServiceMetrics,
  logger: Logger,
  details?: () => Record<string, unknown>,
): Record<string, RouteHandler> {
  return {
    '/healthz': (_request, response) => sendJson(response, 200, { status: 'ok', service: name }),
    '/readyz': async (_request, response) => {
      try {
        await ready();
        sendJson(response, 200, { status: 'ready', service: name, ...(details ? { details: details() } : {}) });
      } catch (error) {
        // The reason (a driver message naming the database host) goes to the log, not the probe.
        logger.warn({ err: error }, 'readiness check failed');
        sendJson(response, 503, { status: 'not ready', service: name, reason: 'database unreachable' });
      }
    },
    '/metrics': metricsRoute(metrics),
  };
}

/** Prometheus scrape of one service's registry. */
export function metricsRoute(metrics: ServiceMetrics): RouteHandler {
  return async (_request, response) => {
    const body = await metrics.render();
    response.writeHead(200, { 'content-type': metrics.contentType });
    response.end(body);
  };
}

/** Stops accepting connections, lets in-flight requests finish, then closes idle keep-alives. */
export async function stopHttp(server: Server | undefined, graceMs = 10_000): Promise<void> {
  if (!server?.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, graceMs);
  });
  await Promise.race([Promise.all([closed, requestsSettled(server)]), grace]);
  clearTimeout(timer);
}

/**
 * SIGTERM/SIGINT: drain and exit. Used by every service's entry point and by `npm start`, so
 * Ctrl-C and a container stop both end cleanly (PGlite flushes its data directory on close).
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'clean stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
