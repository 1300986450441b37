import { databaseUrlFor, enterpriseDirectoryEnvShape, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { EXAMPLE_MODEL_FILE } from './rules/model-file.ts';

export const SUBGRAPH_NAME = 'risk';

const shape = {
  ...subgraphEnvShape,
  ...enterpriseDirectoryEnvShape,
  RISK_PORT: portVariable(4005),
  /** The province's model file (JSON, versions); the shipped example otherwise. */
  RISK_MODEL_FILE: z.string().min(1).default(EXAMPLE_MODEL_FILE),
  /** Gateway the classifier reads indicators through, as a service client. */
  GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /** Enterprises per federated read (enterprises(usccs:) takes at most 500). */
  RISK_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(500),
  /** How long one batch read may take before the run fails (nothing of it becomes visible). */
  RISK_FETCH_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
};

/** Validated configuration of the risk subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type RiskEnv = ReturnType<typeof loadEnv>;
