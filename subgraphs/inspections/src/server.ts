import {
  createOutboxService,
  enterpriseDirectoryFromEnv,
  type Logger,
  launchSubgraph,
  type RunningService,
  runWhenMain,
  todayInChina,
} from '@credit-hub/subgraph-kit';
import { createCreditCommitmentVerification } from './commitments/credit-commitment-verification.ts';
import { createLicenceVerification } from './commitments/licence-verification.ts';
import { createContext } from './context.ts';
import { type InspectionsDatabase, openInspectionsDatabase } from './db/client.ts';
import { createGatewayCandidateSource, serviceHubClient } from './draw/candidate-source.ts';
import { type InspectionsEnv, loadEnv, SUBGRAPH_NAME } from './env.ts';
import { schema } from './schema/index.ts';
import { hasInspections, seedInspections } from './seed.ts';
import { createListingReader } from './talks/listing-reader.ts';

export interface StartOptions {
  env?: InspectionsEnv;
  /** Overrides INSPECTIONS_PORT (tests pass 0 for a free port). */
  port?: number;
  /** An already-open database (tests); otherwise opened from the environment and closed on stop. */
  database?: InspectionsDatabase;
  /** Fixed "today" (tests); read once per request. */
  today?: () => string;
  logger?: Logger;
  /**
   * Where the gateway answers, read when a draw runs: the gateway starts after the subgraphs
   * (npm start, tests), so its URL may be known only later. GATEWAY_URL otherwise.
   */
  gatewayUrl?: () => string | undefined;
}

export async function startInspectionsSubgraph(options: StartOptions = {}): Promise<RunningService & { database: InspectionsDatabase }> {
  const env = options.env ?? loadEnv();
  const database = options.database ?? (await openInspectionsDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  const gatewayUrl = () => options.gatewayUrl?.() ?? env.GATEWAY_URL;
  const outbox = createOutboxService({ db: database.db, retentionDays: env.OUTBOX_RETENTION_DAYS });
  const running = await launchSubgraph({
    outbox,
    name: SUBGRAPH_NAME,
    env,
    port: options.port ?? env.INSPECTIONS_PORT,
    schema,
    database,
    ownsDatabase: !options.database,
    logger: options.logger,
    demo: {
      isEmpty: async () => !(await hasInspections(database.db)),
      seed: (enterprises) => seedInspections(database.db, enterprises, { today: (options.today ?? todayInChina)() }),
    },
    createContext: createContext({
      db: database.db,
      enterprises: enterpriseDirectoryFromEnv(SUBGRAPH_NAME, env),
      candidates: createGatewayCandidateSource(serviceHubClient(env, gatewayUrl, 'reading the draw pool')),
      listings: createListingReader(serviceHubClient(env, gatewayUrl, 'reading the enterprise’s listings')),
      licences: createLicenceVerification({ url: gatewayUrl, timeoutMs: env.ENTERPRISE_LOOKUP_TIMEOUT_MS }),
      creditCommitments: createCreditCommitmentVerification({ url: gatewayUrl, timeoutMs: env.ENTERPRISE_LOOKUP_TIMEOUT_MS }),
      today: options.today ?? (() => todayInChina()),
    }),
  });
  return { ...running, database };
}

runWhenMain(import.meta.url, SUBGRAPH_NAME, startInspectionsSubgraph);
