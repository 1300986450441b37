import {
  createEnterpriseFactsLoader,
  type EnterpriseDirectory,
  type EnterpriseFactsLoader,
  type SubgraphContext,
} from '@credit-hub/subgraph-kit';
import type { UsccAllowList } from '@credit-hub/uscc';
import type { SanctionsDb } from './db/client.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { RuleBook } from './rules/rule-book.ts';

export interface Context extends SubgraphContext {
  db: SanctionsDb;
  loaders: Loaders;
  rules: RuleBook;
  allowList: UsccAllowList;
  /** Enterprises' registered regions, from the enterprises subgraph (per request, batched). */
  enterpriseFacts: EnterpriseFactsLoader;
  /** Today in China, fixed for the whole request: every period rule counts from it. */
  today: string;
}

export interface Services {
  db: SanctionsDb;
  rules: RuleBook;
  allowList: UsccAllowList;
  enterprises: EnterpriseDirectory;
  today: () => string;
}

export const createContext =
  (services: Services) =>
  (base: SubgraphContext): Context => ({
    ...base,
    db: services.db,
    rules: services.rules,
    allowList: services.allowList,
    today: services.today(),
    loaders: createLoaders(services.db),
    enterpriseFacts: createEnterpriseFactsLoader(services.enterprises),
  });
