import type { Role } from '../auth/caller.ts';

/** The bounds every operation must stay within, at the gateway and at each subgraph. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens of the document, enforced by the parser before anything else runs. */
  maxTokens: number;
  /** Static cost (cost.ts): fields, multiplied by the list sizes their arguments ask for. */
  maxCost: number;
}

export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'introspection';

/** `__schema` answers the whole schema; no client needs it twice in one operation. */
export const MAX_SCHEMA_FIELDS = 1;

export interface QueryLimitsEnv {
  QUERY_MAX_DEPTH: number;
  QUERY_MAX_ALIASES: number;
  QUERY_MAX_DIRECTIVES: number;
  QUERY_MAX_TOKENS: number;
  QUERY_MAX_COST: number;
}

export function queryLimitsFromEnv(env: QueryLimitsEnv): QueryLimits {
  return {
    maxDepth: env.QUERY_MAX_DEPTH,
    maxAliases: env.QUERY_MAX_ALIASES,
    maxDirectives: env.QUERY_MAX_DIRECTIVES,
    maxTokens: env.QUERY_MAX_TOKENS,
    maxCost: env.QUERY_MAX_COST,
  };
}

/**
 * Who may introspect in production: people who build against the API. The public portal and the
 * provincial platform consume fixed operations and have no need to map the schema.
 */
export const INTROSPECTION_ROLES: ReadonlySet<Role> = new Set<Role>(['analyst', 'admin', 'regulator']);
