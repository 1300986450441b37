import { DEFAULT_REGISTRATION_DEPARTMENTS, databaseUrlFor, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

export const SUBGRAPH_NAME = 'enterprises';

const shape = {
  ...subgraphEnvShape,
  ENTERPRISES_PORT: portVariable(4001),
  /** Department codes of the registration function (登记注册): they alone keep master data and annual reports. */
  REGISTRATION_DEPARTMENTS: z
    .string()
    .default(DEFAULT_REGISTRATION_DEPARTMENTS.join(','))
    .transform((value) =>
      value
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Z0-9_]{1,32}$/)).min(1)),
};

/** Validated configuration of the enterprises subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type EnterprisesEnv = ReturnType<typeof loadEnv>;
