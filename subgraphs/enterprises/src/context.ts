import type { SubgraphContext } from '@credit-hub/subgraph-kit';
import type { UsccAllowList } from '@credit-hub/uscc';
import type { EnterprisesDb } from './db/client.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context extends SubgraphContext {
  db: EnterprisesDb;
  loaders: Loaders;
  allowList: UsccAllowList;
  /** Departments that keep master data and annual reports (登记注册). */
  registrationDepartments: readonly string[];
  /** Today in China, fixed for the whole request. */
  today: string;
}

export interface Services {
  db: EnterprisesDb;
  allowList: UsccAllowList;
  registrationDepartments: readonly string[];
  today: () => string;
}

export const createContext =
  (services: Services) =>
  (base: SubgraphContext): Context => ({
    ...base,
    db: services.db,
    allowList: services.allowList,
    registrationDepartments: services.registrationDepartments,
    today: services.today(),
    loaders: createLoaders(services.db),
  });
