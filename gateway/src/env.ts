import { authEnvShape, parseEnv } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { SUBGRAPH_NAMES } from './supergraph.ts';

const shape = {
  ...authEnvShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  QUERY_MAX_FIELDS: z.coerce.number().int().min(1).default(1500),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(60),
  /** Seconds an anonymous token minted by the gateway stays valid. */
  ANONYMOUS_TOKEN_TTL: z.coerce.number().int().min(10).max(3600).default(120),
  /** Milliseconds one subgraph fetch may take before that subgraph is reported unavailable. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Keep-alive connections the gateway holds open to each subgraph. */
  SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).max(1024).default(64),
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
