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
import { type LicensesDatabase, openLicensesDatabase } from './db/client.ts';
import { type LicensesEnv, loadEnv, rulesFromEnv, SUBGRAPH_NAME } from './env.ts';
import { schema } from './schema/index.ts';
import { countSeededLicenses, seedLicenses } from './seed.ts';

export interface StartOptions {
  env?: LicensesEnv;
  /** Overrides LICENSES_PORT (tests pass 0 for a free port). */
  port?: number;
  /** An already-open database (tests); otherwise opened from the environment and closed on stop. */
  database?: LicensesDatabase;
  /** Fixed "today" (tests of date rules). */
  today?: () => string;
}

export async function startLicensesSubgraph(options: StartOptions = {}): Promise<RunningService & { database: LicensesDatabase }> {
  const env = options.env ?? loadEnv();
  const rules = rulesFromEnv(env);
  const database = options.database ?? (await openLicensesDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  if (env.SEED_DEMO && (await countSeededLicenses(database.db)) === 0) {
    console.log(`[${SUBGRAPH_NAME}] seeding licences of ${env.SEED_ENTERPRISES} demo enterprises…`);
    await seedLicenses(database.db, env.SEED_ENTERPRISES, {
      foodValidityYears: rules.foodValidityYears,
      specialEquipmentValidityYears: rules.specialEquipmentValidityYears,
    });
  }
  const verify = createTokenVerifier(authSettingsFromEnv(env));
  const services = {
    db: database.db,
    allowList: UsccAllowList.fromEnv(env.USCC_ALLOW_LIST),
    rules,
    today: options.today ?? (() => todayInChina()),
  };
  const running = await startSubgraphServer({
    name: SUBGRAPH_NAME,
    schema,
    context: createContextFactory(verify, createContext(services)),
    port: options.port ?? env.LICENSES_PORT,
    host: env.HOST,
    ready: () => database.ping(),
    close: () => (options.database ? Promise.resolve() : database.close()),
  });
  return { ...running, database };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  startLicensesSubgraph().then(
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
