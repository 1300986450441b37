import { databaseUrlFor, enterpriseDirectoryEnvShape, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { DEFAULT_RULES, rulesWith, type SanctionRules } from './rules/config.ts';

export const SUBGRAPH_NAME = 'sanctions';

const shape = {
  ...subgraphEnvShape,
  ...enterpriseDirectoryEnvShape,
  SANCTIONS_PORT: portVariable(4003),
  /** 较低数额罚款 ceiling in yuan (provincial; verify against the province's own rule). */
  PENALTY_LOW_FINE_THRESHOLD: z.coerce.number().nonnegative().default(DEFAULT_RULES.lowFineThreshold),
};

/** Validated configuration of the sanctions subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type SanctionsEnv = ReturnType<typeof loadEnv>;

export const rulesFromEnv = (env: SanctionsEnv): SanctionRules => rulesWith({ lowFineThreshold: env.PENALTY_LOW_FINE_THRESHOLD });
