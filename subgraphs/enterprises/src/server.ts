import { createOutboxService, type Logger, launchSubgraph, type RunningService, runWhenMain, todayInChina } from '@credit-hub/subgraph-kit';
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
  /** Fixed "today" (tests of date rules); read once per request. */
  today?: () => string;
  /** Where the service logs (tests capture it); stdout at LOG_LEVEL by default. */
  logger?: Logger;
}

export async function startEnterprisesSubgraph(options: StartOptions = {}): Promise<RunningService & { database: EnterprisesDatabase }> {
  const env = options.env ?? loadEnv();
  const database = options.database ?? (await openEnterprisesDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  const outbox = createOutboxService({ db: database.db, retentionDays: env.OUTBOX_RETENTION_DAYS });
  const running = await launchSubgraph({
    outbox,
    name: SUBGRAPH_NAME,
    env,
    port: options.port ?? env.ENTERPRISES_PORT,
    schema,
    database,
    ownsDatabase: !options.database,
    logger: options.logger,
    demo: {
      isEmpty: async () => (await countSeededEnterprises(database.db)) === 0,
      seed: (count) => seedEnterprises(database.db, count),
    },
    createContext: createContext({
      db: database.db,
      allowList: UsccAllowList.fromEnv(env.USCC_ALLOW_LIST),
      registrationDepartments: env.REGISTRATION_DEPARTMENTS,
      today: options.today ?? (() => todayInChina()),
    }),
  });
  return { ...running, database };
}

runWhenMain(import.meta.url, SUBGRAPH_NAME, startEnterprisesSubgraph);
