import DataLoader from 'dataloader';
import { z } from 'zod';
import { serviceIssuer } from './auth/tokens.ts';
import { type AuthEnv, authSettingsFromEnv } from './env.ts';
import { badUserInput, codedError, notFound } from './errors.ts';
import { TEXT } from './input-bounds.ts';
import { postJson } from './service-post.ts';
import { createTokenSource } from './token-source.ts';

/**
 * What the access policy needs to know about an enterprise, from the subgraph that owns it: its
 * registered region (the region a regulator must cover to write about it) and its status.
 */
export interface EnterpriseFacts {
  uscc: string;
  regionCode: string;
  status: string;
}

/** Looks enterprises up in the enterprises subgraph; `null` for a code it does not know. */
export interface EnterpriseDirectory {
  lookup(usccs: readonly string[]): Promise<(EnterpriseFacts | null)[]>;
}

/** The largest list `enterprises(usccs:)` takes in one call. */
const LOOKUP_BATCH = 500;

const FACTS_QUERY = /* GraphQL */ `
  query EnterpriseFacts($usccs: [String!]!) {
    enterprises(usccs: $usccs) { uscc status region { code } }
  }
`;

const answerShape = z.object({
  data: z.object({
    enterprises: z.array(z.object({ uscc: z.string(), status: z.string(), region: z.object({ code: z.string() }) }).nullable()),
  }),
});

export interface RemoteDirectoryOptions {
  /** GraphQL URL of the enterprises subgraph (a function when it is known only after start-up). */
  url: string | (() => string);
  /** A service token the enterprises subgraph accepts (see `createTokenSource`). */
  token: () => Promise<string>;
  timeoutMs: number;
}

const unavailable = () =>
  codedError('SUBGRAPH_UNAVAILABLE', 'the enterprises subgraph could not confirm the enterprise; nothing was written (企业库暂不可用)', {
    subgraph: 'enterprises',
  });

/**
 * The enterprises subgraph as a client, with a service token: a subgraph never reads another's
 * tables (ARCHITECTURE.md, "Rules of ownership"). Fails closed: when the owner cannot answer, the
 * write is refused with SUBGRAPH_UNAVAILABLE rather than judged on the caller's word.
 */
export function createRemoteEnterpriseDirectory(options: RemoteDirectoryOptions): EnterpriseDirectory {
  return {
    async lookup(usccs) {
      const url = typeof options.url === 'function' ? options.url() : options.url;
      let body: unknown;
      try {
        const answer = await postJson(
          url,
          { 'content-type': 'application/json', authorization: `Bearer ${await options.token()}` },
          JSON.stringify({ query: FACTS_QUERY, variables: { usccs } }),
          options.timeoutMs,
        );
        if (answer.status < 200 || answer.status > 299) throw unavailable();
        body = JSON.parse(answer.text);
      } catch {
        throw unavailable();
      }
      const parsed = answerShape.safeParse(body);
      if (!parsed.success) throw unavailable();
      return parsed.data.data.enterprises.map((row) => (row ? { uscc: row.uscc, regionCode: row.region.code, status: row.status } : null));
    },
  };
}

/**
 * A directory over a fixed list, for a subgraph's in-process tests: the stand-in for the
 * enterprises subgraph, not for any database. `fallback` answers codes not in the list.
 */
export function createStaticEnterpriseDirectory(
  entries: readonly EnterpriseFacts[],
  fallback: (uscc: string) => EnterpriseFacts | null = () => null,
): EnterpriseDirectory & { add(facts: EnterpriseFacts): void } {
  const byCode = new Map(entries.map((entry) => [entry.uscc, entry]));
  return {
    add: (facts) => void byCode.set(facts.uscc, facts),
    lookup: async (usccs) => usccs.map((uscc) => byCode.get(uscc) ?? fallback(uscc)),
  };
}

export type EnterpriseFactsLoader = DataLoader<string, EnterpriseFacts | null>;

/** Per-request loader: every enterprise a request writes about is looked up in one call. */
export function createEnterpriseFactsLoader(directory: EnterpriseDirectory): EnterpriseFactsLoader {
  return new DataLoader((usccs) => directory.lookup(usccs), { maxBatchSize: LOOKUP_BATCH });
}

/** The enterprise a write is about, as its owner knows it; NOT_FOUND naming `field` when unknown. */
export async function requireEnterprise(loader: EnterpriseFactsLoader, uscc: string, field: string): Promise<EnterpriseFacts> {
  const facts = await loader.load(uscc);
  if (!facts) throw notFound(`${field}: no enterprise with code ${uscc} is registered (企业不存在)`, { field });
  return facts;
}

/** Variables of the subgraphs that write records about enterprises (README: "Environment variables"). */
export const enterpriseDirectoryEnvShape = {
  ENTERPRISES_URL: z.url().default('http://127.0.0.1:4001/graphql'),
  ENTERPRISE_LOOKUP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
};

/** The enterprises subgraph as configured, read with a service token of subgraph `name`. */
export function enterpriseDirectoryFromEnv(
  name: string,
  env: AuthEnv & { ENTERPRISES_URL: string; ENTERPRISE_LOOKUP_TIMEOUT_MS: number },
): EnterpriseDirectory {
  const auth = authSettingsFromEnv(env);
  return createRemoteEnterpriseDirectory({
    url: env.ENTERPRISES_URL,
    timeoutMs: env.ENTERPRISE_LOOKUP_TIMEOUT_MS,
    token: createTokenSource({
      secret: auth.gatewaySecret,
      issuer: serviceIssuer(auth.issuer),
      audience: auth.audience,
      sub: `service:${name}`,
      role: 'service',
      ttlSeconds: 300,
    }),
  });
}

/**
 * The region a new record about `uscc` belongs to: the enterprise's registered region, as the
 * enterprises subgraph knows it. A region the input names may only confirm it; one that differs
 * is refused (BAD_USER_INPUT `REGION_MISMATCH`), so no caller can file a record under a region of
 * its choosing.
 */
export async function registeredRegionOf(
  loader: EnterpriseFactsLoader,
  uscc: string,
  field: string,
  claimed?: { value: string | null | undefined; field: string },
): Promise<string> {
  const { regionCode } = await requireEnterprise(loader, uscc, field);
  if (claimed?.value && claimed.value !== regionCode) {
    throw badUserInput(`${claimed.field}: the enterprise is registered in ${regionCode}, not ${claimed.value.slice(0, 16)}`, {
      field: claimed.field,
      reason: 'REGION_MISMATCH',
    });
  }
  return regionCode;
}

/**
 * Options of the deprecated `regionCode` input field of a new record (every subgraph's the same):
 * it may only confirm the registered region `registeredRegionOf` looks up, never choose one.
 */
export const claimedRegionFieldOptions = {
  description:
    '区划代码 Optional check only: the record belongs to the enterprise’s registered region, looked up in the enterprises subgraph; a different value is refused (REGION_MISMATCH).',
  deprecationReason: 'The region is the enterprise’s registered region, looked up; the input can no longer choose it.',
  bounds: TEXT.code,
} as const;
