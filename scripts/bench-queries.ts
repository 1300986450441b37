/**
 * Operations `npm run bench` measures. FULL_PROFILE grows with every subgraph that adds fields to
 * Enterprise, so the benchmark always measures the whole federated profile.
 */
export const ENTERPRISE_BY_USCC = /* GraphQL */ `
  query Enterprise($uscc: String!) {
    enterprise(uscc: $uscc) { uscc name status legalRepresentative establishedOn region { fullName } keyDomains }
  }
`;

export const SEARCH_BY_NAME = /* GraphQL */ `
  query Search($fragment: String!) {
    searchEnterprises(filter: { nameContains: $fragment }, first: 20) { totalCount edges { node { uscc name } } }
  }
`;

export const FULL_PROFILE = /* GraphQL */ `
  query FullProfile($uscc: String!) {
    enterprise(uscc: $uscc) {
      uscc name status region { fullName } keyDomains
      annualReports { year onTime }
      annualReportCompliance { missingYears lateYears }
      creditCommitments { matter fulfilment }
      licenses { number kind status validTo authority { name } items { activity category } publication { publishedOn late } }
      equipmentRegistrations { registrationCode equipmentCategory status registeredOnTime }
      licenseSummary { valid expiringSoon suspendedOrRevokedRecently }
      penalties { decisionNumber penaltyTypes fineAmount decidedOn authority state disputed publication { publishedOn publicUntil visibleToPublic } }
      abnormalOperations { reason listedOn authority removal { removedOn reason } state }
      seriousViolations { domain reason listedOn scheduledRemovalOn removal { removedOn reason } }
      sanctionSummary { penaltiesInLast3Years finesInLast3Years currentlyAbnormal currentlySerious }
    }
  }
`;
