import type { SubgraphContext } from '@credit-hub/subgraph-kit';
import type { ExchangeDb } from './db/client.ts';
import type { ExportRunner } from './exports/export-runner.ts';
import type { OutboxSource } from './feed/sources.ts';
import type { ImportRunner } from './imports/import-runner.ts';
import type { WebhookSettings } from './webhooks/settings.ts';

export interface Services {
  db: ExchangeDb;
  sources: readonly OutboxSource[];
  webhooks: WebhookSettings;
  /** 双公示 export jobs (startExport, exportJob). */
  exports: ExportRunner;
  /** Table import jobs (importJob, resumeImport; uploads at POST /imports). */
  imports: ImportRunner;
}

export interface Context extends SubgraphContext, Services {}

export const createContext =
  (services: Services) =>
  (base: SubgraphContext): Context => ({ ...base, ...services });
