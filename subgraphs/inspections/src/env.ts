import { databaseUrlFor, enterpriseDirectoryEnvShape, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

export const SUBGRAPH_NAME = 'inspections';

const shape = {
  ...subgraphEnvShape,
  ...enterpriseDirectoryEnvShape,
  INSPECTIONS_PORT: portVariable(4004),
  /** Gateway the draw reads its candidate pool through (enterprises, licences, risk), as a service client. */
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /** How long one page of the candidate pool may take before the draw fails (nothing is stored). */
  INSPECTIONS_FETCH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
};

/** Validated configuration of the inspections subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type InspectionsEnv = ReturnType<typeof loadEnv>;
