import { type AuthEnv, createHubClient, type HubClient, serviceTokenSource } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { type Candidate, type CandidateFilter, KEY_SUPERVISION_LICENSE_KINDS } from '../rules/draw.ts';

/** Where a draw's pool comes from: the subgraphs that own it, never their tables. */
export interface CandidateSource {
  candidates(filter: CandidateFilter): Promise<Candidate[]>;
}

/** enterpriseCodes pages (its largest) and federated batches (enterprises(usccs:) takes 500). */
const CODE_PAGE = 3000;
const FACTS_BATCH = 500;
/** Batches read at once while codes are still being paged. */
const IN_FLIGHT = 4;

const CODES_QUERY = /* GraphQL */ `
  query DrawCandidateCodes($filter: EnterpriseFilter!, $first: Int!, $after: String) {
    enterpriseCodes(filter: $filter, first: $first, after: $after) { codes endCursor hasNextPage }
  }
`;

/** One federated query per batch: enterprises (region), licences (kinds in force, equipment in use), risk (class). */
export const CANDIDATES_QUERY = /* GraphQL */ `
  query DrawCandidates($usccs: [String!]!, $withLicences: Boolean!, $withEquipment: Boolean!) {
    enterprises(usccs: $usccs) {
      uscc
      region { code }
      licenses(status: [VALID]) @include(if: $withLicences) { kind }
      equipmentRegistrations @include(if: $withEquipment) { status }
      creditRisk { riskClass }
    }
  }
`;

const codesShape = z.object({
  data: z.object({
    enterpriseCodes: z.object({ codes: z.array(z.string()), endCursor: z.string().nullable(), hasNextPage: z.boolean() }),
  }),
});
const candidateShape = z.object({
  uscc: z.string(),
  region: z.object({ code: z.string() }),
  licenses: z.array(z.object({ kind: z.string() })).nullish(),
  equipmentRegistrations: z.array(z.object({ status: z.string() })).nullish(),
  creditRisk: z.object({ riskClass: z.enum(['A', 'B', 'C', 'D']) }).nullable(),
});
const candidatesShape = z.object({ data: z.object({ enterprises: z.array(candidateShape.nullable()) }) });

/** Special-equipment tasks are where producers and inspection bodies are key supervision. */
export const concernsSpecialEquipment = (filter: CandidateFilter): boolean =>
  filter.equipmentUsers || !!filter.keyDomain?.startsWith('SPECIAL_EQUIPMENT') || !!filter.licenseKind?.startsWith('SPECIAL_EQUIPMENT');

export function toCandidate(row: z.infer<typeof candidateShape>, filter: CandidateFilter): Candidate | null {
  const kinds = new Set((row.licenses ?? []).map((licence) => licence.kind));
  if (filter.licenseKind && !kinds.has(filter.licenseKind)) return null;
  if (filter.equipmentUsers && !(row.equipmentRegistrations ?? []).some((registration) => registration.status === 'IN_USE')) return null;
  return {
    uscc: row.uscc,
    regionCode: row.region.code,
    riskClass: row.creditRisk?.riskClass ?? null,
    keySupervision: concernsSpecialEquipment(filter) && [...kinds].some((kind) => KEY_SUPERVISION_LICENSE_KINDS.has(kind)),
  };
}

export function createGatewayCandidateSource(post: HubClient): CandidateSource {
  return {
    async candidates(filter) {
      const searchFilter = {
        regionCode: filter.regionPrefix,
        statuses: ['ACTIVE'],
        ...(filter.keyDomain ? { keyDomains: [filter.keyDomain] } : {}),
        ...(filter.industryCode ? { industryCode: filter.industryCode } : {}),
      };
      // Licences and equipment are asked for only when the task needs them (a licence kind, key
      // supervision of special equipment, user units): each costs its subgraph a read per batch.
      const withLicences = !!filter.licenseKind || concernsSpecialEquipment(filter);
      const pool: Candidate[] = [];
      const pending: Promise<void>[] = [];
      const readBatch = async (usccs: string[]) => {
        const parsed = candidatesShape.parse(await post(CANDIDATES_QUERY, { usccs, withLicences, withEquipment: filter.equipmentUsers }));
        for (const row of parsed.data.enterprises) {
          const candidate = row && toCandidate(row, filter);
          if (candidate) pool.push(candidate);
        }
      };
      let buffer: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: z.infer<typeof codesShape>['data']['enterpriseCodes'] = codesShape.parse(
          await post(CODES_QUERY, { filter: searchFilter, first: CODE_PAGE, after }),
        ).data.enterpriseCodes;
        buffer.push(...page.codes);
        while (buffer.length >= FACTS_BATCH || (!page.hasNextPage && buffer.length > 0)) {
          const batch = buffer.slice(0, FACTS_BATCH);
          buffer = buffer.slice(FACTS_BATCH);
          const read = readBatch(batch);
          read.catch(() => {});
          pending.push(read);
          if (pending.length >= IN_FLIGHT) await pending.shift();
        }
        if (!page.hasNextPage || !page.endCursor) break;
        after = page.endCursor;
      }
      await Promise.all(pending);
      return pool;
    },
  };
}

/** The gateway as configured (or as known after start-up), read with the inspections service token. */
export function serviceHubClient(
  env: AuthEnv & { GATEWAY_URL: string; INSPECTIONS_FETCH_TIMEOUT_MS: number },
  url: () => string,
  purpose: string,
): HubClient {
  return createHubClient({ url, token: serviceTokenSource(env, 'inspections'), timeoutMs: env.INSPECTIONS_FETCH_TIMEOUT_MS, purpose });
}
