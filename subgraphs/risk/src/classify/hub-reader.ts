import { type AuthEnv, createHubClient, serviceTokenSource } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import type { EnterpriseRiskFacts } from '../rules/facts.ts';

/**
 * Where the classifier reads its indicators: the subgraphs that own them, through the gateway, as
 * a service client. It never reads another subgraph's tables (ARCHITECTURE.md, ownership).
 */
export interface HubReader {
  /** How many enterprises there are (for the progress bar). */
  countEnterprises(): Promise<number>;
  /** Every enterprise code, page by page (keyset). */
  enterpriseCodes(): AsyncIterable<string[]>;
  /** Indicators of up to 500 enterprises in one federated query; unknown codes are left out. */
  readFacts(usccs: readonly string[]): Promise<EnterpriseRiskFacts[]>;
}

/** The page size searchEnterprises allows. */
const CODE_PAGE = 100;

const CODES_QUERY = /* GraphQL */ `
  query RiskEnterpriseCodes($first: Int!, $after: String, $withTotal: Boolean!) {
    searchEnterprises(first: $first, after: $after) {
      totalCount @include(if: $withTotal)
      edges { node { uscc } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/**
 * One federated query per batch: the gateway asks each owning subgraph once (enterprises,
 * licenses, sanctions), and each answers from per-request loaders, so the SQL statements of a
 * batch do not grow with its size.
 */
export const FACTS_QUERY = /* GraphQL */ `
  query RiskFacts($usccs: [String!]!) {
    enterprises(usccs: $usccs) {
      uscc
      status
      establishedOn
      region { code }
      keyDomains
      annualReportCompliance { missingYears lateYears }
      licenseSummary { expired suspendedOrRevokedRecently }
      licenses(status: [REVOKED]) { statusChangedOn }
      sanctionSummary { currentlyAbnormal currentlySerious }
      penalties { decidedOn fineAmount penaltyTypes state }
      inspectionSummary { failures refusals }
    }
  }
`;

const codesShape = z.object({
  data: z.object({
    searchEnterprises: z.object({
      totalCount: z.number().optional(),
      edges: z.array(z.object({ node: z.object({ uscc: z.string() }) })),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    }),
  }),
});

// Money may travel as a number or as an exact decimal string: read it either way.
const amount = z
  .union([z.number(), z.string()])
  .nullable()
  .optional()
  .transform((value) => (value == null ? 0 : Number(value)));

const enterpriseShape = z.object({
  uscc: z.string(),
  status: z.string(),
  establishedOn: z.string(),
  region: z.object({ code: z.string() }),
  keyDomains: z.array(z.string()),
  annualReportCompliance: z.object({ missingYears: z.array(z.number()), lateYears: z.array(z.number()) }),
  licenseSummary: z.object({ expired: z.number(), suspendedOrRevokedRecently: z.number() }).nullable(),
  licenses: z.array(z.object({ statusChangedOn: z.string() })).nullable(),
  sanctionSummary: z.object({ currentlyAbnormal: z.boolean(), currentlySerious: z.boolean() }).nullable(),
  penalties: z
    .array(z.object({ decidedOn: z.string(), fineAmount: amount, penaltyTypes: z.array(z.string()), state: z.string() }))
    .nullable(),
  inspectionSummary: z.object({ failures: z.number(), refusals: z.number() }).nullable(),
});
const factsShape = z.object({ data: z.object({ enterprises: z.array(enterpriseShape.nullable()) }) });

export interface GatewayReaderOptions {
  url: string;
  token: () => Promise<string>;
  timeoutMs: number;
}

/**
 * Reads through the gateway. Any error in an answer fails the batch (and so the run): a class
 * computed on a partial profile (one subgraph down) would be wrong, not merely incomplete.
 */
export function createGatewayReader(options: GatewayReaderOptions): HubReader {
  const post = createHubClient({ ...options, purpose: 'reading indicators' });
  const page = async (after: string | null, withTotal: boolean) =>
    codesShape.parse(await post(CODES_QUERY, { first: CODE_PAGE, after, withTotal })).data.searchEnterprises;
  return {
    countEnterprises: async () => (await page(null, true)).totalCount ?? 0,
    async *enterpriseCodes() {
      let after: string | null = null;
      for (;;) {
        const result = await page(after, false);
        if (result.edges.length) yield result.edges.map((edge) => edge.node.uscc);
        if (!result.pageInfo.hasNextPage || !result.pageInfo.endCursor) return;
        after = result.pageInfo.endCursor;
      }
    },
    async readFacts(usccs) {
      const parsed = factsShape.parse(await post(FACTS_QUERY, { usccs }));
      return parsed.data.enterprises.filter((row) => row !== null).map(toFacts);
    },
  };
}

function toFacts(row: z.infer<typeof enterpriseShape>): EnterpriseRiskFacts {
  return {
    uscc: row.uscc,
    regionCode: row.region.code,
    status: row.status,
    establishedOn: row.establishedOn,
    keyDomains: row.keyDomains,
    missingAnnualReports: row.annualReportCompliance.missingYears.length,
    lateAnnualReports: row.annualReportCompliance.lateYears.length,
    expiredLicences: row.licenseSummary?.expired ?? 0,
    suspendedOrRevokedLicences: row.licenseSummary?.suspendedOrRevokedRecently ?? 0,
    licenceRevocations: (row.licenses ?? []).map((licence) => licence.statusChangedOn),
    penalties: (row.penalties ?? [])
      .filter((penalty) => penalty.state !== 'REVOKED')
      .map((penalty) => ({ decidedOn: penalty.decidedOn, fineAmount: penalty.fineAmount, types: penalty.penaltyTypes })),
    currentlyAbnormal: row.sanctionSummary?.currentlyAbnormal ?? false,
    currentlySerious: row.sanctionSummary?.currentlySerious ?? false,
    failedInspections: row.inspectionSummary?.failures ?? 0,
    refusedInspections: row.inspectionSummary?.refusals ?? 0,
  };
}

/** The gateway as configured, read with the risk subgraph's service token. */
export function gatewayReaderFromEnv(
  env: AuthEnv & { GATEWAY_URL: string; RISK_FETCH_TIMEOUT_MS: number },
  url = env.GATEWAY_URL,
): HubReader {
  return createGatewayReader({ url, timeoutMs: env.RISK_FETCH_TIMEOUT_MS, token: serviceTokenSource(env, 'risk') });
}
