import { pathToFileURL } from 'node:url';
import {
  authSettingsFromEnv,
  createContextFactory,
  createTokenVerifier,
  type RunningService,
  startSubgraphServer,
  stopOnSignals,
  todayInChina,
} from '@credit-hub/subgraph-kit';
import { UsccAllowList } from '@credit-hub/uscc';
import { createContext } from './context.ts';
import { type EnterprisesDatabase, openEnterprisesDatabase } from './db/client.ts';
import { type EnterprisesEnv, loadEnv, SUBGRAPH_NAME } from './env.ts';
import { schema } from './schema/index.ts';
import { countSeededEnterprises, seedEnterprises } from './seed.ts';

export interface StartOptions {
  env?: EnterprisesEnv;
  /** Overrides ENTERPRISES_PORT (tests pass 0 for a free port). */
  port?: number;
  /** An already-open database (tests); otherwise opened from the environment and closed on stop. */
  database?: EnterprisesDatabase;
  /** Fixed "today" (tests of date rules). */
  today?: () => string;
}

export async function startEnterprisesSubgraph(options: StartOptions = {}): Promise<RunningService & { database: EnterprisesDatabase }> {
  const env = options.env ?? loadEnv();
  const database = options.database ?? (await openEnterprisesDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  if (env.SEED_DEMO && (await countSeededEnterprises(database.db)) === 0) {
    console.log(`[${SUBGRAPH_NAME}] seeding ${env.SEED_ENTERPRISES} demo enterprises…`);
    await seedEnterprises(database.db, env.SEED_ENTERPRISES);
  }
  const verify = createTokenVerifier(authSettingsFromEnv(env));
  const services = {
    db: database.db,
    allowList: UsccAllowList.fromEnv(env.USCC_ALLOW_LIST),
    today: options.today ?? (() => todayInChina()),
  };
  const running = await startSubgraphServer({
    name: SUBGRAPH_NAME,
    schema,
    context: createContextFactory(verify, createContext(services)),
    port: options.port ?? env.ENTERPRISES_PORT,
    host: env.HOST,
    ready: () => database.ping(),
    close: () => (options.database ? Promise.resolve() : database.close()),
  });
  return { ...running, database };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startEnterprisesSubgraph().then(
    (service) => {
      console.log(`[${SUBGRAPH_NAME}] ${service.url}/graphql (${service.database.kind})`);
      stopOnSignals(service.stop);
    },
    (error) => {
      console.error(`[${SUBGRAPH_NAME}] failed to start`, error);
      process.exit(1);
    },
  );
}
