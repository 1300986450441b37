import { pathToFileURL } from 'node:url';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import {
  authSettingsFromEnv,
  createHttpService,
  formatError,
  type LimitCheck,
  listen,
  operationResolutionPlugin,
  queryLimits,
  queryLimitsFromEnv,
  type RunningService,
  ServiceMetrics,
  sendJson,
  stopHttp,
  stopOnSignals,
} from '@credit-hub/subgraph-kit';
import { createGatewayAuth, type GatewayContext } from './auth.ts';
import { clientAddress } from './client-address.ts';
import { type GatewayEnv, loadGatewayEnv } from './env.ts';
import { type GraphiqlOptions, graphiqlRoutes } from './graphiql.ts';
import { CostRateLimiter, rateLimited } from './rate-limit.ts';
import { clientErrorFromSubgraph, subgraphHttpError } from './subgraph-errors.ts';
import { loadSupergraph, SUBGRAPH_DEFAULTS } from './supergraph.ts';

export interface GatewayOptions {
  env?: GatewayEnv;
  port?: number;
  /** Subgraph GraphQL URLs by name, overriding the supergraph's (tests run subgraphs on free ports). */
  subgraphUrls?: Record<string, string>;
  graphiql?: GraphiqlOptions;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningService> {
  const env = options.env ?? loadGatewayEnv();
  const urls: Record<string, string> = Object.fromEntries(
    SUBGRAPH_DEFAULTS.map(({ name, url }) => [name, options.subgraphUrls?.[name] ?? env.subgraphUrls[name] ?? url]),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: loadSupergraph(),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: urls[name] ?? url,
        willSendRequest({ request, context }) {
          if (context.forwardToken) request.http?.headers.set('authorization', `Bearer ${context.forwardToken}`);
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        },
        async errorFromResponse(response) {
          const body = await this.parseBody(response).catch(() => null);
          return clientErrorFromSubgraph(response.status, body) ?? subgraphHttpError(response.status, name);
        },
      }),
  });
  const metrics = new ServiceMetrics('gateway');
  const limits = queryLimits<RequestContext>({
    limits: queryLimitsFromEnv(env),
    production: env.NODE_ENV === 'production',
    charge: chargeRateLimit(env),
  });
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    introspection: true,
    // Signals are handled once for the whole process (stopOnSignals), in order: HTTP, Apollo, database.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error),
    parseOptions: limits.parseOptions,
    plugins: [ApolloServerPluginUsageReportingDisabled(), operationResolutionPlugin(), limits.plugin, metrics.plugin()],
  });
  await apollo.start();
  const authenticate = createGatewayAuth(authSettingsFromEnv(env), env.ANONYMOUS_TOKEN_TTL);
  const server = createHttpService({
    apollo,
    context: async (request) => ({ ...(await authenticate(request)), clientAddress: clientAddress(request, env.TRUST_PROXY) }),
    routes: {
      ...graphiqlRoutes(options.graphiql),
      '/healthz': (_request, response) => sendJson(response, 200, { status: 'ok', service: 'gateway' }),
      '/readyz': async (_request, response) => {
        const checks = await Promise.all(Object.entries(urls).map(async ([name, url]) => ({ name, ready: await isReady(url) })));
        const ready = checks.every((check) => check.ready);
        sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: checks });
      },
      '/metrics': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        response.end(metrics.render());
      },
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
  startGateway().then(
    (gateway) => {
      console.log(`[gateway] ${gateway.url}/graphql · GraphiQL ${gateway.url}/graphiql`);
      stopOnSignals(gateway.stop);
    },
    (error) => {
      console.error('[gateway] failed to start', error);
      process.exit(1);
    },
  );
}
