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
import { createContext } from './context.ts';
import { openRiskDatabase, type RiskDatabase } from './db/client.ts';
import { loadEnv, type RiskEnv, SUBGRAPH_NAME } from './env.ts';
import { loadModelFile } from './rules/model-file.ts';
import { schema } from './schema/index.ts';
import { seedRisk } from './seed.ts';

export interface StartOptions {
  env?: RiskEnv;
  /** Overrides RISK_PORT (tests pass 0 for a free port). */
  port?: number;
  /** An already-open database (tests); otherwise opened from the environment and closed on stop. */
  database?: RiskDatabase;
  /** Fixed "today" (tests); read once per request. */
  today?: () => string;
  /** Where the service logs (tests and `npm start` pass one logger for the process). */
  logger?: Logger;
}

export async function startRiskSubgraph(options: StartOptions = {}): Promise<RunningService & { database: RiskDatabase }> {
  const env = options.env ?? loadEnv();
  // A broken or changed-in-place model file stops the start, not the first classification.
  const versions = loadModelFile(env.RISK_MODEL_FILE);
  const database = options.database ?? (await openRiskDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  try {
    await seedRisk(database.db, versions);
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
  const outbox = createOutboxService({ db: database.db, retentionDays: env.OUTBOX_RETENTION_DAYS });
  const running = await launchSubgraph({
    outbox,
    name: SUBGRAPH_NAME,
    env,
    port: options.port ?? env.RISK_PORT,
    schema,
    database,
    ownsDatabase: !options.database,
    logger: options.logger,
    // Classes are computed from the other subgraphs through the gateway: the demo classification
    // runs once the whole hub is up (scripts/start.ts), not here.
    demo: { isEmpty: async () => false, seed: async () => {} },
    createContext: createContext({
      db: database.db,
      allowList: UsccAllowList.fromEnv(env.USCC_ALLOW_LIST),
      enterprises: enterpriseDirectoryFromEnv(SUBGRAPH_NAME, env),
      today: options.today ?? (() => todayInChina()),
    }),
  });
  return { ...running, database };
}

runWhenMain(import.meta.url, SUBGRAPH_NAME, startRiskSubgraph);
