import { fileURLToPath } from 'node:url';
import { authEnvShape, databaseUrlFor, parseEnv } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

export const SUBGRAPH_NAME = 'enterprises';

const shape = {
  ...authEnvShape,
  ENTERPRISES_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  DATA_DIR: z.string().default(fileURLToPath(new URL('../../../.data', import.meta.url))),
  USCC_ALLOW_LIST: z.string().optional(),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  SEED_ENTERPRISES: z.coerce.number().int().min(0).default(2000),
};

/** Validated configuration of the enterprises subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type EnterprisesEnv = ReturnType<typeof loadEnv>;
