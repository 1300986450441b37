import {
  createEnterpriseFactsLoader,
  type EnterpriseDirectory,
  type EnterpriseFactsLoader,
  type SubgraphContext,
} from '@credit-hub/subgraph-kit';
import type { CreditCommitmentVerification } from './commitments/credit-commitment-verification.ts';
import type { LicenceVerification } from './commitments/licence-verification.ts';
import type { InspectionsDb } from './db/client.ts';
import type { CandidateSource } from './draw/candidate-source.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { ListingReader } from './talks/listing-reader.ts';

export interface Context extends SubgraphContext {
  db: InspectionsDb;
  loaders: Loaders;
  /** Enterprises' registered regions, from the enterprises subgraph (per request, batched). */
  enterpriseFacts: EnterpriseFactsLoader;
  /** The draw's candidate pool, read through the gateway when a draw runs. */
  candidates: CandidateSource;
  /** Writes a commitment verification to its licence, as the caller. */
  licences: LicenceVerification;
  /** Writes a credit commitment's verification to the sanctions subgraph, as the caller. */
  creditCommitments: CreditCommitmentVerification;
  /** Who listed an enterprise (谁认定、谁约谈), from the sanctions subgraph through the gateway. */
  listings: ListingReader;
  /** Today in China, fixed for the whole request. */
  today: string;
}

export interface Services {
  db: InspectionsDb;
  enterprises: EnterpriseDirectory;
  candidates: CandidateSource;
  licences: LicenceVerification;
  creditCommitments: CreditCommitmentVerification;
  listings: ListingReader;
  today: () => string;
}

export const createContext =
  (services: Services) =>
  (base: SubgraphContext): Context => ({
    ...base,
    db: services.db,
    candidates: services.candidates,
    licences: services.licences,
    creditCommitments: services.creditCommitments,
    listings: services.listings,
    today: services.today(),
    loaders: createLoaders(services.db),
    enterpriseFacts: createEnterpriseFactsLoader(services.enterprises),
  });
