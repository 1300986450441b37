import type { EnterpriseDirectory, SubgraphContext } from '@credit-hub/subgraph-kit';
import type { UsccAllowList } from '@credit-hub/uscc';
import { createRequestAudit, type RequestAudit } from './audit.ts';
import type { RiskDb } from './db/client.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context extends SubgraphContext {
  db: RiskDb;
  loaders: Loaders;
  /** Records each read of a class; one insert per request. */
  audit: RequestAudit;
  /** The enterprises subgraph, to confirm imported codes and their registered regions. */
  enterprises: EnterpriseDirectory;
  allowList: UsccAllowList;
  /** Today in China, fixed for the whole request. */
  today: string;
}

export interface Services {
  db: RiskDb;
  enterprises: EnterpriseDirectory;
  allowList: UsccAllowList;
  today: () => string;
}

export const createContext =
  (services: Services) =>
  (base: SubgraphContext): Context => ({
    ...base,
    db: services.db,
    enterprises: services.enterprises,
    allowList: services.allowList,
    today: services.today(),
    loaders: createLoaders(services.db),
    audit: createRequestAudit(services.db, base),
  });
