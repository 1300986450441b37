import { join } from 'node:path';
import {
  createLogger,
  type Logger,
  launchSubgraph,
  type RunningService,
  runWhenMain,
  serviceTokenSource,
  todayInChina,
} from '@credit-hub/subgraph-kit';
import { createContext } from './context.ts';
import { ExportJobStore } from './data/export-jobs.ts';
import { ImportJobStore } from './data/import-jobs.ts';
import { type ExchangeDatabase, openExchangeDatabase } from './db/client.ts';
import { type ExchangeEnv, loadEnv, SUBGRAPH_NAME } from './env.ts';
import { partyLookup } from './exports/bulk-reader.ts';
import { DOWNLOAD_PATH, downloadRoute } from './exports/download-route.ts';
import { ExportRunner } from './exports/export-runner.ts';
import { type OutboxSource, type SourceUrls, sourcesFromEnv } from './feed/sources.ts';
import { feedRoute } from './feed/stream-route.ts';
import { ImportRunner } from './imports/import-runner.ts';
import { IMPORTS_PATH, REJECTS_PATH, rejectsRoute, uploadRoute } from './imports/upload-route.ts';
import { ExchangeMetrics } from './metrics.ts';
import { schema } from './schema/index.ts';
import { startDispatcher } from './webhooks/dispatcher.ts';
import type { WebhookSettings } from './webhooks/settings.ts';

export interface StartOptions {
  env?: ExchangeEnv;
  port?: number;
  database?: ExchangeDatabase;
  logger?: Logger;
  /** Outbox URLs known only after start-up (tests on free ports); the environment's otherwise. */
  sourceUrls?: SourceUrls;
  /** Outboxes read in-process (benchmarks, tests); replaces `sourceUrls`. */
  sources?: OutboxSource[];
  /** The webhook clock (tests move it to see retries over three days). */
  now?: () => Date;
  /** False: no webhook dispatcher (tests that drive `dispatchOnce` themselves). */
  dispatcher?: boolean;
  /** The gateway's URL, known only after the exchange starts (npm start, tests); GATEWAY_URL otherwise. */
  gatewayUrl?: () => string | undefined;
  /** Fixed "today" (tests): whether an exported licence is still valid, and the date import rows are validated against. China's date otherwise. */
  today?: () => string;
}

export async function startExchange(options: StartOptions = {}): Promise<RunningService & { database: ExchangeDatabase }> {
  const env = options.env ?? loadEnv();
  const database = options.database ?? (await openExchangeDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  const sources = options.sources ?? sourcesFromEnv(env, options.sourceUrls);
  const production = env.NODE_ENV === 'production' || env.CREDIT_HUB_MODE === 'production';
  const webhooks: WebhookSettings = {
    // Private addresses (SSRF) are refused in production unless explicitly allowed.
    allowPrivateAddresses: env.WEBHOOK_ALLOW_PRIVATE || !production,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    pollMs: env.WEBHOOK_POLL_MS,
    leaseMs: Math.max(env.WEBHOOK_LEASE_MS, env.WEBHOOK_TIMEOUT_MS + 1_000),
    now: options.now ?? (() => new Date()),
  };
  const metrics = new ExchangeMetrics();
  const stopping = new AbortController();
  const logger = options.logger;
  const serviceLogger = (logger ?? createLogger({ level: env.LOG_LEVEL })).child({ service: SUBGRAPH_NAME });
  const exportStore = new ExportJobStore(env.EXPORT_DIR ?? join(env.DATA_DIR, 'exchange-exports'));
  const serviceToken = serviceTokenSource(env, SUBGRAPH_NAME);
  const url = (name: 'enterprises' | 'licenses' | 'sanctions') => {
    const given = options.sourceUrls?.[name];
    const fallback = { enterprises: env.ENTERPRISES_URL, licenses: env.LICENSES_URL, sanctions: env.SANCTIONS_URL }[name];
    return () => (typeof given === 'function' ? given() : (given ?? fallback));
  };
  const exports = new ExportRunner(
    exportStore,
    {
      sources,
      urls: { licenses: url('licenses'), sanctions: url('sanctions') },
      token: serviceToken,
      parties: partyLookup({ graphqlUrl: url('enterprises'), token: serviceToken, timeoutMs: env.OUTBOX_TIMEOUT_MS }),
      source: {
        sourceName: env.EXPORT_SOURCE_NAME,
        sourceCode: env.EXPORT_SOURCE_CODE ?? null,
        authorityCodes: env.EXPORT_AUTHORITY_CODES,
      },
      pageSize: env.EXPORT_PAGE_SIZE,
      timeoutMs: env.OUTBOX_TIMEOUT_MS,
      today: options.today ?? (() => todayInChina()),
    },
    serviceLogger,
  );
  // Export jobs read with the exchange's own service token, so unlike imports they can run again unattended.
  const exportsResumed = await exports.resumeUnfinished();
  if (exportsResumed.length > 0) serviceLogger.warn({ jobs: exportsResumed.length }, 'export jobs interrupted by the last stop run again');
  const importStore = new ImportJobStore(env.IMPORT_DIR ?? join(env.DATA_DIR, 'exchange-imports'));
  const interrupted = await importStore.interruptUnfinished();
  if (interrupted > 0) serviceLogger.warn({ jobs: interrupted }, 'import jobs interrupted by the last stop wait for resumeImport');
  const imports = new ImportRunner(
    importStore,
    { gatewayUrl: () => options.gatewayUrl?.() ?? env.GATEWAY_URL, today: options.today ?? (() => todayInChina()) },
    serviceLogger,
  );
  const running = await launchSubgraph({
    name: SUBGRAPH_NAME,
    env,
    port: options.port ?? env.EXCHANGE_PORT,
    schema,
    database,
    ownsDatabase: !options.database,
    logger,
    metrics: metrics.service,
    demo: { isEmpty: async () => false, seed: async () => undefined },
    routes: (verify) => ({
      '/feed': feedRoute({ sources, verify, heartbeatMs: env.FEED_HEARTBEAT_SECONDS * 1000, metrics, stopping: stopping.signal }),
      [DOWNLOAD_PATH]: downloadRoute(exportStore, verify),
      [IMPORTS_PATH]: uploadRoute(imports, verify, env.IMPORT_MAX_BYTES),
      [REJECTS_PATH]: rejectsRoute(importStore, verify),
    }),
    createContext: createContext({ db: database.db, sources, webhooks, exports, imports }),
  });
  const dispatcher =
    options.dispatcher === false
      ? undefined
      : startDispatcher(
          database.db,
          sources,
          webhooks,
          (logger ?? (await import('@credit-hub/subgraph-kit')).createLogger({ level: env.LOG_LEVEL })).child({ service: SUBGRAPH_NAME }),
          metrics,
        );
  return {
    ...running,
    database,
    stop: async () => {
      stopping.abort();
      await dispatcher?.stop();
      await exports.stop();
      await imports.stop();
      await running.stop();
    },
  };
}

runWhenMain(import.meta.url, SUBGRAPH_NAME, startExchange);
