import { pathToFileURL } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { createTokenVerifier, type TokenVerifier } from './auth/tokens.ts';
import { createContextFactory, type SubgraphContext } from './context.ts';
import { type AuthEnv, authSettingsFromEnv, isProduction } from './env.ts';
import type { RouteHandler } from './http.ts';
import { type QueryLimitsEnv, queryLimitsFromEnv } from './limits/config.ts';
import { createLogger, type Logger, type LogLevel } from './logger.ts';
import type { ServiceMetrics } from './metrics.ts';
import type { OutboxService } from './outbox/service.ts';
import { type RunningService, startSubgraphServer, stopOnSignals } from './server.ts';

export interface LaunchOptions<TContext extends SubgraphContext> {
  name: string;
  env: AuthEnv & QueryLimitsEnv & { HOST: string; SEED_DEMO: boolean; SEED_ENTERPRISES: number; LOG_LEVEL: LogLevel };
  port: number;
  schema: GraphQLSchema;
  database: { ping(): Promise<void>; close(): Promise<void> };
  /** False when a test passed its own database: the test closes it. */
  ownsDatabase: boolean;
  createContext: (base: SubgraphContext) => TContext;
  /** Demo data on first start (SEED_DEMO): seeded only when `isEmpty` says the database is new. */
  demo: { isEmpty: () => Promise<boolean>; seed: (enterprises: number) => Promise<unknown> };
  /** Facts /readyz reports beside the status; their `warnings` are also logged at start-up. */
  readyDetails?: () => Record<string, unknown> & { warnings?: readonly string[] };
  /** Where the service logs; a JSON logger on stdout at LOG_LEVEL by default (tests pass their own). */
  logger?: Logger | undefined;
  /** The subgraph's outbox: `GET /outbox` for the exchange, sequencer, retention and daily job. */
  outbox?: OutboxService | undefined;
  /** Extra routes beside /graphql (the exchange's /feed), given the token verifier. */
  routes?: ((verify: TokenVerifier) => Record<string, RouteHandler>) | undefined;
  metrics?: ServiceMetrics | undefined;
}

/**
 * The common start-up of a subgraph once it has opened its database: demo data on first start,
 * token verification, the HTTP server with health routes. Each subgraph's server.ts only wires
 * its own database, rules and context into this.
 */
export async function launchSubgraph<TContext extends SubgraphContext>(options: LaunchOptions<TContext>): Promise<RunningService> {
  const { env, database } = options;
  const logger = (options.logger ?? createLogger({ level: env.LOG_LEVEL })).child({ service: options.name });
  if (env.SEED_DEMO && (await options.demo.isEmpty())) {
    logger.info({ enterprises: env.SEED_ENTERPRISES }, 'seeding demo data');
    await options.demo.seed(env.SEED_ENTERPRISES);
  }
  for (const warning of options.readyDetails?.().warnings ?? []) logger.warn(warning);
  const verify = createTokenVerifier(authSettingsFromEnv(env));
  options.outbox?.start(logger);
  return startSubgraphServer({
    name: options.name,
    schema: options.schema,
    context: createContextFactory(verify, options.createContext),
    routes: { ...(options.outbox ? { '/outbox': options.outbox.route(verify) } : {}), ...options.routes?.(verify) },
    ...(options.metrics ? { metrics: options.metrics } : {}),
    port: options.port,
    host: env.HOST,
    limits: queryLimitsFromEnv(env),
    production: isProduction(env),
    ready: () => database.ping(),
    readyDetails: options.readyDetails,
    close: async () => {
      await options.outbox?.stop();
      if (options.ownsDatabase) await database.close();
    },
    logger,
  });
}

/** Entry point: when `moduleUrl` is the script node was started with, start and stop on signals. */
export function runWhenMain(moduleUrl: string, name: string, start: () => Promise<RunningService & { database: { kind: string } }>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  // Start-up messages only; the service logs through its own logger once it runs.
  const logger = createLogger({ service: name });
  start().then(
    (service) => {
      logger.info({ url: `${service.url}/graphql`, database: service.database.kind }, 'started');
      stopOnSignals(service.stop, logger);
    },
    (error) => {
      logger.fatal({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}
