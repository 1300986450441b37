import { authEnvShape, parseEnv, queryLimitsEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { SUBGRAPH_NAMES } from './supergraph.ts';

const shape = {
  ...authEnvShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  ...queryLimitsEnvShape,
  /** Query cost a caller may spend per minute (token bucket refill); 0 turns rate limiting off. */
  RATE_LIMIT_COST_PER_MINUTE: z.coerce.number().int().min(0).default(1_200_000),
  /** Bucket size: the cost a caller may spend at once. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200_000),
  /** Callers whose buckets are kept; the least recently seen are dropped beyond it. */
  RATE_LIMIT_MAX_CALLERS: z.coerce.number().int().min(1).default(100_000),
  /** Proxies in front of the gateway whose X-Forwarded-For entries are trusted (0: use the socket address). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Seconds an anonymous token minted by the gateway stays valid. */
  ANONYMOUS_TOKEN_TTL: z.coerce.number().int().min(10).max(3600).default(120),
  /** Milliseconds one subgraph fetch may take before that subgraph is reported unavailable. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Keep-alive connections the gateway holds open to each subgraph. */
  SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).max(1024).default(64),
  /** Directory of trusted-document manifests (one JSON per app); the committed gateway/trusted-documents by default. */
  TRUSTED_DOCUMENTS_DIR: z.string().min(1).optional(),
  /** Refuse operations no app registered, except for TRUSTED_DOCUMENTS_OPEN_ROLES. */
  TRUSTED_DOCUMENTS_ONLY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Comma-separated roles that may send any operation while TRUSTED_DOCUMENTS_ONLY is on. */
  TRUSTED_DOCUMENTS_OPEN_ROLES: z
    .string()
    .default('analyst')
    .transform(
      (value) =>
        new Set(
          value
            .split(',')
            .map((role) => role.trim())
            .filter(Boolean),
        ),
    ),
  /**
   * Serve /insights (charts): default on, production too. The page is static and reads /graphql
   * with the caller's own token, so it shows nothing the caller could not query anyway.
   */
  INSIGHTS_ENABLED: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(true),
  /**
   * Serve /batch-check: default on, production too. Every lookup runs through this gateway as the
   * uploading caller (their token, their limits), so it reveals nothing a query would not.
   */
  BATCH_CHECK_ENABLED: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(true),
  /** Batch checks without a token (public view only): default on outside production, off in production. */
  BATCH_CHECK_ANONYMOUS: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** Serve GraphiQL at /graphiql; default on outside production, off in production. */
  GRAPHIQL_ENABLED: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
};

/** Validated gateway configuration; `<SUBGRAPH>_URL` points at each subgraph's /graphql. */
export function loadGatewayEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, source[`${name.toUpperCase()}_URL`] || undefined])) as Record<
    string,
    string | undefined
  >;
  return { ...env, subgraphUrls };
}
export type GatewayEnv = ReturnType<typeof loadGatewayEnv>;
