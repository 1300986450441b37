import type { HubClient } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

/** A listing (经营异常名录 / 严重违法失信名单) as the sanctions subgraph holds it. */
export interface Listing {
  kind: 'ABNORMAL' | 'SERIOUS';
  id: number;
  department: string;
  currentlyListed: boolean;
}

/** The enterprise's listings, read through the gateway with the service token (谁认定: who listed it). */
export type ListingReader = (uscc: string) => Promise<Listing[]>;

const QUERY = /* GraphQL */ `
  query TalkListings($uscc: String!) {
    enterprise(uscc: $uscc) {
      abnormalOperations { id department currentlyListed }
      seriousViolations { id department currentlyListed }
    }
  }
`;
const row = z.object({ id: z.coerce.number(), department: z.string(), currentlyListed: z.boolean() });
const shape = z.object({
  data: z.object({
    enterprise: z.object({ abnormalOperations: z.array(row).nullable(), seriousViolations: z.array(row).nullable() }).nullable(),
  }),
});

export function createListingReader(post: HubClient): ListingReader {
  return async (uscc) => {
    const enterprise = shape.parse(await post(QUERY, { uscc })).data.enterprise;
    return [
      ...(enterprise?.abnormalOperations ?? []).map((listing) => ({ kind: 'ABNORMAL' as const, ...listing })),
      ...(enterprise?.seriousViolations ?? []).map((listing) => ({ kind: 'SERIOUS' as const, ...listing })),
    ];
  };
}
