import {
  createOutboxService,
  enterpriseDirectoryFromEnv,
  type Logger,
  launchSubgraph,
  type OutboxService,
  type RunningService,
  runWhenMain,
  todayInChina,
} from '@credit-hub/subgraph-kit';
import { UsccAllowList } from '@credit-hub/uscc';
import { calendarReadiness } from '@credit-hub/workdays';
import { sanctionsBulkRoutes } from './bulk-routes.ts';
import { createContext } from './context.ts';
import { appendDailyEvents } from './data/daily-events.ts';
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
  /** Where the service logs (tests capture it); stdout at LOG_LEVEL by default. */
  logger?: Logger;
}

export async function startSanctionsSubgraph(
  options: StartOptions = {},
): Promise<RunningService & { database: SanctionsDatabase; outbox: OutboxService }> {
  const env = options.env ?? loadEnv();
  const rules = rulesFromEnv(env);
  const today = options.today ?? (() => todayInChina());
  const database = options.database ?? (await openSanctionsDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  const outbox = createOutboxService({
    db: database.db,
    retentionDays: env.OUTBOX_RETENTION_DAYS,
    today,
    daily: (day) => appendDailyEvents(database.db, day, rules),
  });
  const running = await launchSubgraph({
    outbox,
    name: SUBGRAPH_NAME,
    env,
    port: options.port ?? env.SANCTIONS_PORT,
    schema,
    database,
    ownsDatabase: !options.database,
    readyDetails: () => calendarReadiness(today()),
    logger: options.logger,
    routes: sanctionsBulkRoutes(database.db, today),
    demo: {
      isEmpty: async () => (await countSeededRecords(database.db)) === 0,
      seed: (count) => seedSanctions(database.db, count, { rules }),
    },
    createContext: createContext({
      db: database.db,
      allowList: UsccAllowList.fromEnv(env.USCC_ALLOW_LIST),
      rules,
      enterprises: enterpriseDirectoryFromEnv(SUBGRAPH_NAME, env),
      today,
    }),
  });
  return { ...running, database, outbox };
}

runWhenMain(import.meta.url, SUBGRAPH_NAME, startSanctionsSubgraph);
