import { createHubClient } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

/**
 * 信用承诺核查: the outcome is written to the commitment through the sanctions subgraph's own
 * mutation (recordCreditCommitmentVerification), with the CALLER's token, so the sanctions policy
 * judges the real caller (the department that recorded the commitment, in the enterprise's region).
 * Same pattern as the licence verification: never a service write into another subgraph's data.
 */
export interface CreditCommitmentVerification {
  /** The enterprise's commitments as the caller may read them (through the gateway). */
  read(token: string, uscc: string): Promise<{ id: string; status: string }[]>;
  record(token: string, input: { id: string; kept: boolean; inspectionId: number; findings: string; verifiedOn: string }): Promise<void>;
}

const READ = /* GraphQL */ `
  query InspectionCreditCommitments($uscc: String!) { enterprise(uscc: $uscc) { verifiableCommitments { id status } } }
`;
const RECORD = /* GraphQL */ `
  mutation InspectionCreditCommitmentVerification($id: ID!, $kept: Boolean!, $inspectionId: Int!, $findings: String!, $verifiedOn: Date) {
    recordCreditCommitmentVerification(id: $id, kept: $kept, inspectionId: $inspectionId, findings: $findings, verifiedOn: $verifiedOn) { id status }
  }
`;
const readShape = z.object({
  data: z.object({
    enterprise: z.object({ verifiableCommitments: z.array(z.object({ id: z.string(), status: z.string() })).nullable() }).nullable(),
  }),
});

export function createCreditCommitmentVerification(options: { url: () => string; timeoutMs: number }): CreditCommitmentVerification {
  const client = (token: string) =>
    createHubClient({
      url: options.url,
      token: () => Promise.resolve(token),
      timeoutMs: options.timeoutMs,
      purpose: 'sanctions subgraph (recordCreditCommitmentVerification)',
      passThroughCodes: ['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'UNAUTHENTICATED'],
    });
  return {
    async read(token, uscc) {
      return readShape.parse(await client(token)(READ, { uscc })).data.enterprise?.verifiableCommitments ?? [];
    },
    async record(token, input) {
      await client(token)(RECORD, input);
    },
  };
}
