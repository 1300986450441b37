import {
  createEnterpriseFactsLoader,
  type EnterpriseDirectory,
  type EnterpriseFactsLoader,
  type SubgraphContext,
} from '@credit-hub/subgraph-kit';
import type { UsccAllowList } from '@credit-hub/uscc';
import type { LicensesDb } from './db/client.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { LicenseRules } from './rules/config.ts';

export interface Context extends SubgraphContext {
  db: LicensesDb;
  loaders: Loaders;
  allowList: UsccAllowList;
  rules: LicenseRules;
  /** Holders' registered regions, from the enterprises subgraph (per request, batched). */
  enterpriseFacts: EnterpriseFactsLoader;
  /** Today in China, fixed for the whole request: expiry and lateness are judged against it. */
  today: string;
}

export interface Services {
  db: LicensesDb;
  allowList: UsccAllowList;
  rules: LicenseRules;
  enterprises: EnterpriseDirectory;
  today: () => string;
}

export const createContext =
  (services: Services) =>
  (base: SubgraphContext): Context => ({
    ...base,
    db: services.db,
    allowList: services.allowList,
    rules: services.rules,
    today: services.today(),
    loaders: createLoaders(services.db),
    enterpriseFacts: createEnterpriseFactsLoader(services.enterprises),
  });
