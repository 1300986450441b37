import type { Database, DatabaseKind, TestDatabase } from '@credit-hub/db';
import type { EnterprisesDatabase } from '@credit-hub/enterprises';
import type { InspectionsDatabase } from '@credit-hub/inspections';
import type { LicensesDatabase } from '@credit-hub/licenses';
import type { RiskDatabase } from '@credit-hub/risk';
import type { SanctionsDatabase } from '@credit-hub/sanctions';
import type { SeedOptions } from '@credit-hub/seed';
import type { Logger, RunningService } from '@credit-hub/subgraph-kit';

/**
 * Every subgraph of the hub: its name (as in the supergraph), default port, printed schema and
 * how to start it in-process. `npm start`, `npm run generate` and the end-to-end tests read this
 * one list, so adding a subgraph is one entry here.
 */
export interface SubgraphEntry {
  name: string;
  defaultPort: number;
  schemaFile: URL;
  loadSchema: () => Promise<import('graphql').GraphQLSchema>;
  /** A fresh migrated database for tests (in-memory PGlite, or a throwaway PostgreSQL schema). */
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  openTestDatabase: (kind: DatabaseKind) => Promise<TestDatabase<any>>;
  start: (options: StartOptions) => Promise<RunningService>;
  /** Opens the configured database (DATABASE_URL / <NAME>_DATABASE_URL, else PGlite under DATA_DIR). */
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  openDatabase: (env: Record<string, string | undefined>, options?: { countStatements?: boolean }) => Promise<Database<any>>;
  /** Bulk-loads this subgraph's part of the first `count` synthetic enterprises. */
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  seed: (database: Database<any>, count: number, options: SeedOptions) => Promise<void>;
}

export interface StartOptions {
  port?: number;
  env?: Record<string, string | undefined>;
  /** An open database the service uses instead of its configured one (tests); not closed on stop. */
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  database?: Database<any>;
  /** Fixed "today" for subgraphs with date rules (tests); the real date in China otherwise. */
  today?: () => string;
  /** Where the service logs; stdout at LOG_LEVEL by default. */
  logger?: Logger;
}

/** Only the keys that are set, for option objects under exactOptionalPropertyTypes-style APIs. */
const given = <T extends object>(options: T) =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;

export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: 'enterprises',
    defaultPort: 4001,
    schemaFile: new URL('../subgraphs/enterprises/schema.graphql', import.meta.url),
    loadSchema: async () => (await import('@credit-hub/enterprises')).schema,
    openTestDatabase: async (kind) => (await import('@credit-hub/enterprises')).openEnterprisesTestDatabase(kind),
    start: async ({ port, env, database, today, logger }) => {
      const { startEnterprisesSubgraph, loadEnv } = await import('@credit-hub/enterprises');
      return startEnterprisesSubgraph({ env: loadEnv(env ?? process.env), ...given({ port, database, today, logger }) });
    },
    openDatabase: async (env, options = {}) => {
      const { openEnterprisesDatabase, loadEnv } = await import('@credit-hub/enterprises');
      const config = loadEnv(env);
      return openEnterprisesDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, ...options });
    },
    seed: async (database, count, options) => {
      await (await import('@credit-hub/enterprises')).seedEnterprises((database as EnterprisesDatabase).db, count, options);
    },
  },
  {
    name: 'licenses',
    defaultPort: 4002,
    schemaFile: new URL('../subgraphs/licenses/schema.graphql', import.meta.url),
    loadSchema: async () => (await import('@credit-hub/licenses')).schema,
    openTestDatabase: async (kind) => (await import('@credit-hub/licenses')).openLicensesTestDatabase(kind),
    start: async ({ port, env, database, today, logger }) => {
      const { startLicensesSubgraph, loadEnv } = await import('@credit-hub/licenses');
      return startLicensesSubgraph({ env: loadEnv(env ?? process.env), ...given({ port, database, today, logger }) });
    },
    openDatabase: async (env, options = {}) => {
      const { openLicensesDatabase, loadEnv } = await import('@credit-hub/licenses');
      const config = loadEnv(env);
      return openLicensesDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, ...options });
    },
    seed: async (database, count, options) => {
      await (await import('@credit-hub/licenses')).seedLicenses((database as LicensesDatabase).db, count, options);
    },
  },
  {
    name: 'sanctions',
    defaultPort: 4003,
    schemaFile: new URL('../subgraphs/sanctions/schema.graphql', import.meta.url),
    loadSchema: async () => (await import('@credit-hub/sanctions')).schema,
    openTestDatabase: async (kind) => (await import('@credit-hub/sanctions')).openSanctionsTestDatabase(kind),
    start: async ({ port, env, database, today, logger }) => {
      const { startSanctionsSubgraph, loadEnv } = await import('@credit-hub/sanctions');
      return startSanctionsSubgraph({ env: loadEnv(env ?? process.env), ...given({ port, database, today, logger }) });
    },
    openDatabase: async (env, options = {}) => {
      const { openSanctionsDatabase, loadEnv } = await import('@credit-hub/sanctions');
      const config = loadEnv(env);
      return openSanctionsDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, ...options });
    },
    seed: async (database, count, options) => {
      await (await import('@credit-hub/sanctions')).seedSanctions((database as SanctionsDatabase).db, count, options);
    },
  },
  {
    name: 'inspections',
    defaultPort: 4004,
    schemaFile: new URL('../subgraphs/inspections/schema.graphql', import.meta.url),
    loadSchema: async () => (await import('@credit-hub/inspections')).schema,
    openTestDatabase: async (kind) => (await import('@credit-hub/inspections')).openInspectionsTestDatabase(kind),
    start: async ({ port, env, database, today, logger }) => {
      const { startInspectionsSubgraph, loadEnv } = await import('@credit-hub/inspections');
      const source = env ?? process.env;
      // The gateway starts last: its URL is read from the live environment when a draw runs.
      const gatewayUrl = () => source.GATEWAY_URL;
      return startInspectionsSubgraph({ env: loadEnv(source), gatewayUrl, ...given({ port, database, today, logger }) });
    },
    openDatabase: async (env, options = {}) => {
      const { openInspectionsDatabase, loadEnv } = await import('@credit-hub/inspections');
      const config = loadEnv(env);
      return openInspectionsDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, ...options });
    },
    seed: async (database, count, options) => {
      const { seedInspections } = await import('@credit-hub/inspections');
      const { todayInChina } = await import('@credit-hub/subgraph-kit');
      await seedInspections((database as InspectionsDatabase).db, count, { ...options, today: options.referenceDate ?? todayInChina() });
    },
  },
  {
    name: 'risk',
    defaultPort: 4005,
    schemaFile: new URL('../subgraphs/risk/schema.graphql', import.meta.url),
    loadSchema: async () => (await import('@credit-hub/risk')).schema,
    openTestDatabase: async (kind) => (await import('@credit-hub/risk')).openRiskTestDatabase(kind),
    start: async ({ port, env, database, today, logger }) => {
      const { startRiskSubgraph, loadEnv } = await import('@credit-hub/risk');
      return startRiskSubgraph({ env: loadEnv(env ?? process.env), ...given({ port, database, today, logger }) });
    },
    openDatabase: async (env, options = {}) => {
      const { openRiskDatabase, loadEnv } = await import('@credit-hub/risk');
      const config = loadEnv(env);
      return openRiskDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, ...options });
    },
    // Classes come from the running hub (npm start, npm run classify); seeding stores the model.
    seed: async (database, _count, _options) => {
      const { seedRisk, loadModelFile, loadEnv } = await import('@credit-hub/risk');
      await seedRisk((database as RiskDatabase).db, loadModelFile(loadEnv(process.env).RISK_MODEL_FILE));
    },
  },
  // Last: it reads the outboxes of the subgraphs above (their *_URL is set once they run).
  {
    name: 'exchange',
    defaultPort: 4006,
    schemaFile: new URL('../subgraphs/exchange/schema.graphql', import.meta.url),
    loadSchema: async () => (await import('@credit-hub/exchange')).schema,
    openTestDatabase: async (kind) => (await import('@credit-hub/exchange')).openExchangeTestDatabase(kind),
    start: async ({ port, env, database, today, logger }) => {
      const { startExchange, loadEnv } = await import('@credit-hub/exchange');
      const source = env ?? process.env;
      // Import jobs write through the gateway, which starts last: its URL is read when a job starts.
      const gatewayUrl = () => source.GATEWAY_URL;
      return startExchange({ env: loadEnv(source), gatewayUrl, ...given({ port, database, today, logger }) });
    },
    openDatabase: async (env, options = {}) => {
      const { openExchangeDatabase, loadEnv } = await import('@credit-hub/exchange');
      const config = loadEnv(env);
      return openExchangeDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, ...options });
    },
    // Subscriptions and deliveries are operational state, not demo data.
    seed: async () => {},
  },
];
