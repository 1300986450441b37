import { createHubClient } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

/**
 * 告知承诺核查: the outcome is written to the licence through the licences subgraph's own mutation
 * (recordCommitmentVerification), with the CALLER's token, so the licences subgraph's policy judges
 * the real caller (谁产生、谁负责: the department that granted the licence, in its region). The
 * inspections subgraph never writes another subgraph's data as a service.
 */
export interface LicenceVerification {
  /** The licence as the caller may read it; null when absent or hidden from the caller. */
  read(token: string, number: string): Promise<{ holderUscc: string; grantedByCommitment: boolean } | null>;
  record(
    token: string,
    input: { number: string; outcome: 'CONFIRMED' | 'NOT_MET'; verifiedOn: string; note: string | null },
  ): Promise<void>;
}

const READ = /* GraphQL */ `
  query InspectionLicence($number: String!) { license(number: $number) { holderUscc grantedByCommitment } }
`;
const RECORD = /* GraphQL */ `
  mutation InspectionCommitmentVerification($input: RecordCommitmentVerificationInput!) {
    recordCommitmentVerification(input: $input) { number commitmentVerification }
  }
`;
const readShape = z.object({
  data: z.object({ license: z.object({ holderUscc: z.string(), grantedByCommitment: z.boolean() }).nullable() }),
});

export function createLicenceVerification(options: { url: () => string; timeoutMs: number }): LicenceVerification {
  const client = (token: string) =>
    createHubClient({
      url: options.url,
      token: () => Promise.resolve(token),
      timeoutMs: options.timeoutMs,
      purpose: 'licences subgraph (recordCommitmentVerification)',
      passThroughCodes: ['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED'],
    });
  return {
    async read(token, number) {
      return readShape.parse(await client(token)(READ, { number })).data.license;
    },
    async record(token, input) {
      await client(token)(RECORD, { input: { ...input, note: input.note ?? undefined } });
    },
  };
}
