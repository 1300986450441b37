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
