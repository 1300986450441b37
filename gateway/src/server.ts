import type { IncomingMessage } from 'node:http';
import { pathToFileURL } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import {
  authSettingsFromEnv,
  createHttpService,
  createLogger,
  formatError,
  isProduction,
  type LimitCheck,
  type Logger,
  listen,
  metricsRoute,
  operationResolutionPlugin,
  queryLimits,
  queryLimitsFromEnv,
  type RunningService,
  requestLogPlugin,
  ServiceMetrics,
  sendJson,
  stopHttp,
  stopOnSignals,
} from '@credit-hub/subgraph-kit';
import { createGatewayAuth, type GatewayContext } from './auth.ts';
import { executeAsCaller } from './batch-check/execute.ts';
import { batchCheckRoutes } from './batch-check/routes.ts';
import { clientAddress } from './client-address.ts';
import { type GatewayEnv, loadGatewayEnv } from './env.ts';
import { exchangeProxy } from './exchange-proxy.ts';
import { type GraphiqlOptions, graphiqlRoutes } from './graphiql.ts';
import { insightsRoutes } from './insights/routes.ts';
import { CostRateLimiter, rateLimited } from './rate-limit.ts';
import { SubgraphDataSource, subgraphFetchHistogram } from './subgraph-source.ts';
import { loadSupergraph, SUBGRAPH_DEFAULTS } from './supergraph.ts';
import {
  documentIdToPersistedQuery,
  loadTrustedDocuments,
  TRUSTED_DOCUMENTS_DIR,
  trustedDocumentCache,
  trustedDocumentsPlugin,
} from './trusted-documents.ts';

export interface GatewayOptions {
  env?: GatewayEnv;
  port?: number;
  /** Subgraph GraphQL URLs by name, overriding the supergraph's (tests run subgraphs on free ports). */
  subgraphUrls?: Record<string, string>;
  graphiql?: GraphiqlOptions;
  /** Where the gateway logs; a JSON logger on stdout at LOG_LEVEL by default (tests pass their own). */
  logger?: Logger;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningService> {
  const env = options.env ?? loadGatewayEnv();
  const auth = authSettingsFromEnv(env);
  const logger = (options.logger ?? createLogger({ level: env.LOG_LEVEL })).child({ service: 'gateway' });
  const urls: Record<string, string> = Object.fromEntries(
    SUBGRAPH_DEFAULTS.map(({ name, url }) => [name, options.subgraphUrls?.[name] ?? env.subgraphUrls[name] ?? url]),
  );
  const metrics = new ServiceMetrics('gateway');
  const fetches = subgraphFetchHistogram(metrics);
  const fetchSettings = { timeoutMs: env.SUBGRAPH_TIMEOUT_MS, maxSockets: env.SUBGRAPH_MAX_SOCKETS };
  const gateway = new ApolloGateway({
    supergraphSdl: loadSupergraph(),
    buildService: ({ name, url }) => new SubgraphDataSource(name, urls[name] ?? url ?? '', fetchSettings, logger, fetches),
  });
  const limits = queryLimits<RequestContext>({
    limits: queryLimitsFromEnv(env),
    production: isProduction(env),
    charge: chargeRateLimit(env),
  });
  const trusted = loadTrustedDocuments(env.TRUSTED_DOCUMENTS_DIR ?? TRUSTED_DOCUMENTS_DIR);
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    introspection: true,
    // Signals are handled once for the whole process (stopOnSignals), in order: HTTP, Apollo, database.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, logger),
    parseOptions: limits.parseOptions,
    // Trusted documents by id (documentId or the persisted-query extension); nothing registers at run time.
    persistedQueries: { cache: trustedDocumentCache(trusted), ttl: null },
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      operationResolutionPlugin(),
      trustedDocumentsPlugin({ documents: trusted, only: env.TRUSTED_DOCUMENTS_ONLY, openRoles: env.TRUSTED_DOCUMENTS_OPEN_ROLES }),
      limits.plugin,
      metrics.plugin(),
      requestLogPlugin(),
    ],
  });
  await apollo.start();
  const graphiqlEnabled = env.GRAPHIQL_ENABLED ?? !isProduction(env);
  const authenticate = createGatewayAuth(auth, env.ANONYMOUS_TOKEN_TTL);
  const context = async (request: IncomingMessage): Promise<RequestContext> => ({
    ...(await authenticate(request)),
    clientAddress: clientAddress(request, env.TRUST_PROXY),
  });
  const batchCheckAnonymous = env.BATCH_CHECK_ANONYMOUS ?? !isProduction(env);
  /** A batch check of up to 10 000 codes is work: in production only signed-in callers start one. */
  const batchCheckContext = async (request: IncomingMessage): Promise<RequestContext> => {
    const built = await context(request);
    if (!batchCheckAnonymous && built.caller.role === 'public') throw new Error('sign in to run a batch check (需要登录)');
    return built;
  };
  const exchangeUrl = () => urls.exchange ?? 'http://127.0.0.1:4006/graphql';
  const server = createHttpService({
    apollo,
    context,
    logger,
    prepareBody: documentIdToPersistedQuery,
    routes: {
      ...(graphiqlEnabled ? graphiqlRoutes(options.graphiql) : {}),
      // The analyst's browser tools run as the caller (their token, their limits), so they stay on
      // in production where GraphiQL is off; each has its own switch.
      ...(env.INSIGHTS_ENABLED ? insightsRoutes({ graphiql: graphiqlEnabled, batchCheck: env.BATCH_CHECK_ENABLED }) : {}),
      ...(env.BATCH_CHECK_ENABLED ? batchCheckRoutes(executeAsCaller(apollo, batchCheckContext)) : {}),
      '/healthz': (_request, response) => sendJson(response, 200, { status: 'ok', service: 'gateway' }),
      '/readyz': async (_request, response) => {
        const checks = await Promise.all(Object.entries(urls).map(async ([name, url]) => ({ name, ready: await isReady(url) })));
        const ready = checks.every((check) => check.ready);
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: checks });
      },
      '/metrics': metricsRoute(metrics),
      // The exchange's HTTP routes at the gateway's address; the exchange judges the forwarded token.
      ...Object.fromEntries(
        [
          { path: '/feed' },
          { path: '/exports/download' },
          { path: '/imports', signedInOnly: true },
          { path: '/imports/rejects', signedInOnly: true },
        ].map((route) => [route.path, exchangeProxy(exchangeUrl, authenticate, logger, route)]),
      ),
    },
  });
  const url = await listen(server, options.port ?? env.PORT, env.HOST);
  return {
    name: 'gateway',
    url,
    stop: async () => {
      await stopHttp(server);
      await apollo.stop();
    },
  };
}

type RequestContext = GatewayContext & { clientAddress: string };

/**
 * Each operation spends its cost from its caller's bucket: the token's subject, or the client
 * address for anonymous callers. An operation refused as too complex is charged the maximum cost,
 * so a flood of hostile queries runs dry like any other; its own answer stays QUERY_TOO_COMPLEX.
 */
function chargeRateLimit(env: GatewayEnv) {
  const limiter = new CostRateLimiter({
    costPerMinute: env.RATE_LIMIT_COST_PER_MINUTE,
    burst: env.RATE_LIMIT_BURST,
    maxCallers: env.RATE_LIMIT_MAX_CALLERS,
  });
  return (check: LimitCheck, context: RequestContext) => {
    // The hub's own services (tokens only the gateway secret can sign: the risk classifier, the
    // 双随机 draw reading 100 000 candidates) are not callers to ration; each operation still
    // passes the per-operation query limits.
    if (context.caller.role === 'service') return;
    const key = context.caller.role === 'public' ? `address:${context.clientAddress}` : `subject:${context.caller.sub}`;
    const decision = limiter.take(key, check.exceeded ? env.QUERY_MAX_COST : check.cost);
    if (!decision.allowed && !check.exceeded) throw rateLimited(decision.retryAfterSeconds);
  };
}

/** A subgraph is ready when its own /readyz (database reachable) answers 200 within 2 s. */
async function isReady(graphqlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const logger = createLogger({ service: 'gateway' });
  startGateway().then(
    (gateway) => {
      logger.info({ url: `${gateway.url}/graphql` }, 'started');
      stopOnSignals(gateway.stop, logger);
    },
    (error) => {
      logger.fatal({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}
