import { databaseUrlFor, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';

export const SUBGRAPH_NAME = 'enterprises';

const shape = {
  ...subgraphEnvShape,
  ENTERPRISES_PORT: portVariable(4001),
};

/** Validated configuration of the enterprises subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type EnterprisesEnv = ReturnType<typeof loadEnv>;
