import { fileURLToPath } from 'node:url';
import { authEnvShape, databaseUrlFor, parseEnv } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { DEFAULT_RULES, rulesWith, type SanctionRules } from './rules/config.ts';

export const SUBGRAPH_NAME = 'sanctions';

const shape = {
  ...authEnvShape,
  SANCTIONS_PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  DATA_DIR: z.string().default(fileURLToPath(new URL('../../../.data', import.meta.url))),
  USCC_ALLOW_LIST: z.string().optional(),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  SEED_ENTERPRISES: z.coerce.number().int().min(0).default(2000),
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
