import { type AuthEnv, createHubClient, type HubClient, serviceTokenSource } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { type Candidate, type CandidateFilter, KEY_SUPERVISION_LICENSE_KINDS } from '../rules/draw.ts';

/** Where a draw's pool comes from: the subgraphs that own it, never their tables. */
export interface CandidateSource {
  candidates(filter: CandidateFilter): Promise<Candidate[]>;
}

/**
 * Pages of 3 000 codes: each read below stays under the default static cost (15 000) — codes with
 * their regions (3 000 × 4), licence and equipment membership (3 000 each) — and within the
 * 3 000-code input bound of the class lookup.
 */
const PAGE = 3000;
/** Pages whose classes and licences are being read while the next codes are paged. */
const IN_FLIGHT = 4;

/** Enterprises: the candidates' codes and registered regions, keyset by code. */
const CODES_QUERY = /* GraphQL */ `
  query DrawCandidateCodes($filter: EnterpriseFilter!, $first: Int!, $after: String) {
    enterpriseCodes(filter: $filter, first: $first, after: $after) { codes regionCodes hasNextPage }
  }
`;

/** Risk: the latest class of each code (as Enterprise.creditRisk without a month). */
const CLASSES_QUERY = /* GraphQL */ `
  query DrawCandidateClasses($usccs: [String!]!) {
    riskClassesOf(usccs: $usccs) { codes classes }
  }
`;

/** Licences: which codes hold a licence of the task's kind, which are key supervision, which use equipment. */
const LICENCES_QUERY = /* GraphQL */ `
  query DrawCandidateLicences(
    $usccs: [String!]!
    $kind: [LicenseKind!]!
    $withKind: Boolean!
    $keyKinds: [LicenseKind!]!
    $withKeySupervision: Boolean!
    $withEquipment: Boolean!
  ) {
    kindHolders: licenceHoldersAmong(usccs: $usccs, kinds: $kind) @include(if: $withKind)
    keySupervision: licenceHoldersAmong(usccs: $usccs, kinds: $keyKinds)
      @include(if: $withKeySupervision)
    equipmentUsers: equipmentUsersAmong(usccs: $usccs) @include(if: $withEquipment)
  }
`;

const codesShape = z.object({
  data: z.object({
    enterpriseCodes: z.object({ codes: z.array(z.string()), regionCodes: z.array(z.string()), hasNextPage: z.boolean() }),
  }),
});
const classesShape = z.object({
  data: z.object({ riskClassesOf: z.object({ codes: z.array(z.string()), classes: z.array(z.enum(['A', 'B', 'C', 'D'])) }) }),
});
const licencesShape = z.object({
  data: z.object({
    kindHolders: z.array(z.string()).optional(),
    keySupervision: z.array(z.string()).optional(),
    equipmentUsers: z.array(z.string()).optional(),
  }),
});

/** Special-equipment tasks are where producers and inspection bodies are key supervision. */
export const concernsSpecialEquipment = (filter: CandidateFilter): boolean =>
  filter.equipmentUsers || !!filter.keyDomain?.startsWith('SPECIAL_EQUIPMENT') || !!filter.licenseKind?.startsWith('SPECIAL_EQUIPMENT');

/** The facts of one page of codes, joined in memory into candidates (the task's conditions applied). */
export interface PageFacts {
  codes: readonly string[];
  regionCodes: readonly string[];
  classes: ReadonlyMap<string, Candidate['riskClass']>;
  kindHolders: ReadonlySet<string> | null;
  keySupervision: ReadonlySet<string> | null;
  equipmentUsers: ReadonlySet<string> | null;
}

export function joinPage(facts: PageFacts, filter: CandidateFilter): Candidate[] {
  const candidates: Candidate[] = [];
  facts.codes.forEach((uscc, index) => {
    if (filter.licenseKind && !facts.kindHolders?.has(uscc)) return;
    if (filter.equipmentUsers && !facts.equipmentUsers?.has(uscc)) return;
    candidates.push({
      uscc,
      regionCode: facts.regionCodes[index] as string,
      riskClass: facts.classes.get(uscc) ?? null,
      keySupervision: concernsSpecialEquipment(filter) && !!facts.keySupervision?.has(uscc),
    });
  });
  return candidates;
}

/**
 * The pool, read from the subgraphs that own it through the gateway: codes and regions from the
 * enterprises subgraph in keyset pages, and for each page — while the next is read — its classes
 * (risk) and, only when the task needs them, licence and equipment membership (licences), each one
 * lean statement per page in its subgraph, joined here in memory. An error in any read fails the
 * draw: a pool missing a class or a licence would draw wrongly, not merely less.
 */
export function createGatewayCandidateSource(post: HubClient): CandidateSource {
  return {
    async candidates(filter) {
      const searchFilter = {
        regionCode: filter.regionPrefix,
        statuses: ['ACTIVE'],
        ...(filter.keyDomain ? { keyDomains: [filter.keyDomain] } : {}),
        ...(filter.industryCode ? { industryCode: filter.industryCode } : {}),
      };
      const licenceVariables = {
        kind: filter.licenseKind ? [filter.licenseKind] : [],
        withKind: !!filter.licenseKind,
        keyKinds: [...KEY_SUPERVISION_LICENSE_KINDS],
        withKeySupervision: concernsSpecialEquipment(filter),
        withEquipment: filter.equipmentUsers,
      };
      const needsLicences = licenceVariables.withKind || licenceVariables.withKeySupervision || licenceVariables.withEquipment;
      const pages: Candidate[][] = [];
      const pending: Promise<void>[] = [];
      const readFacts = async (index: number, codes: string[], regionCodes: string[]) => {
        const [classes, licences] = await Promise.all([
          post(CLASSES_QUERY, { usccs: codes }).then((answer) => classesShape.parse(answer).data.riskClassesOf),
          needsLicences
            ? post(LICENCES_QUERY, { usccs: codes, ...licenceVariables }).then((answer) => licencesShape.parse(answer).data)
            : Promise.resolve(null),
        ]);
        const set = (codes: string[] | undefined) => (codes ? new Set(codes) : null);
        pages[index] = joinPage(
          {
            codes,
            regionCodes,
            classes: new Map(classes.codes.map((code, index) => [code, classes.classes[index] ?? null])),
            kindHolders: set(licences?.kindHolders),
            keySupervision: set(licences?.keySupervision),
            equipmentUsers: set(licences?.equipmentUsers),
          },
          filter,
        );
      };
      let after: string | null = null;
      for (let index = 0; ; index++) {
        const page: z.infer<typeof codesShape>['data']['enterpriseCodes'] = codesShape.parse(
          await post(CODES_QUERY, { filter: searchFilter, first: PAGE, after }),
        ).data.enterpriseCodes;
        if (page.codes.length !== page.regionCodes.length) throw new Error('enterpriseCodes: codes and regions differ in length');
        if (page.codes.length) {
          const read = readFacts(index, page.codes, page.regionCodes);
          read.catch(() => {});
          pending.push(read);
          if (pending.length >= IN_FLIGHT) await pending.shift();
        }
        if (!page.hasNextPage || !page.codes.length) break;
        after = page.codes.at(-1) as string;
      }
      await Promise.all(pending);
      return pages.flat();
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
