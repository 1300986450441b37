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
import { openSanctionsDatabase, type SanctionsDatabase } from './db/client.ts';
import { loadEnv, rulesFromEnv, type SanctionsEnv, SUBGRAPH_NAME } from './env.ts';
import { schema } from './schema/index.ts';
import { countSeededRecords, seedSanctions } from './seed.ts';

export interface StartOptions {
  env?: SanctionsEnv;
  /** Overrides SANCTIONS_PORT (tests pass 0 for a free port). */
  port?: number;
  /** An already-open database (tests); otherwise opened from the environment and closed on stop. */
  database?: SanctionsDatabase;
  /** Fixed "today" (tests of date rules); read once per request. */
  today?: () => string;
}

export async function startSanctionsSubgraph(options: StartOptions = {}): Promise<RunningService & { database: SanctionsDatabase }> {
  const env = options.env ?? loadEnv();
  const rules = rulesFromEnv(env);
  const database = options.database ?? (await openSanctionsDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  if (env.SEED_DEMO && (await countSeededRecords(database.db)) === 0) {
    console.log(`[${SUBGRAPH_NAME}] seeding sanctions for ${env.SEED_ENTERPRISES} demo enterprises…`);
    await seedSanctions(database.db, env.SEED_ENTERPRISES, { rules });
  }
  const verify = createTokenVerifier(authSettingsFromEnv(env));
  const services = {
    db: database.db,
    rules,
    allowList: UsccAllowList.fromEnv(env.USCC_ALLOW_LIST),
    today: options.today ?? (() => todayInChina()),
  };
  const running = await startSubgraphServer({
    name: SUBGRAPH_NAME,
    schema,
    context: createContextFactory(verify, createContext(services)),
    port: options.port ?? env.SANCTIONS_PORT,
    host: env.HOST,
    ready: () => database.ping(),
    close: () => (options.database ? Promise.resolve() : database.close()),
  });
  return { ...running, database };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startSanctionsSubgraph().then(
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
