import {
  createOutboxService,
  enterpriseDirectoryFromEnv,
  type Logger,
  launchSubgraph,
  type RunningService,
  runWhenMain,
  todayInChina,
} from '@credit-hub/subgraph-kit';
import { UsccAllowList } from '@credit-hub/uscc';
import { calendarReadiness } from '@credit-hub/workdays';
import { licensesBulkRoutes } from './bulk-routes.ts';
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
  /** Where the service logs (tests capture it); stdout at LOG_LEVEL by default. */
  logger?: Logger;
}

export async function startLicensesSubgraph(options: StartOptions = {}): Promise<RunningService & { database: LicensesDatabase }> {
  const env = options.env ?? loadEnv();
  const rules = rulesFromEnv(env);
  const today = options.today ?? (() => todayInChina());
  const database = options.database ?? (await openLicensesDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  const outbox = createOutboxService({ db: database.db, retentionDays: env.OUTBOX_RETENTION_DAYS });
  const running = await launchSubgraph({
    outbox,
    name: SUBGRAPH_NAME,
    env,
    port: options.port ?? env.LICENSES_PORT,
    schema,
    database,
    ownsDatabase: !options.database,
    readyDetails: () => calendarReadiness(today()),
    logger: options.logger,
    routes: licensesBulkRoutes(database.db, today),
    demo: {
      isEmpty: async () => (await countSeededLicenses(database.db)) === 0,
      seed: (count) =>
        seedLicenses(database.db, count, {
          foodValidityYears: rules.foodValidityYears,
          specialEquipmentValidityYears: rules.specialEquipmentValidityYears,
        }),
    },
    createContext: createContext({
      db: database.db,
      allowList: UsccAllowList.fromEnv(env.USCC_ALLOW_LIST),
      rules,
      enterprises: enterpriseDirectoryFromEnv(SUBGRAPH_NAME, env),
      today,
    }),
  });
  return { ...running, database };
}

runWhenMain(import.meta.url, SUBGRAPH_NAME, startLicensesSubgraph);
