import { databaseUrlFor, enterpriseDirectoryEnvShape, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { readConfiguredRules } from './rules/configured-rules.ts';
import { DEFAULT_RULE_BOOK, type RuleBook } from './rules/rule-book.ts';

export const SUBGRAPH_NAME = 'sanctions';

const shape = {
  ...subgraphEnvShape,
  ...enterpriseDirectoryEnvShape,
  SANCTIONS_PORT: portVariable(4003),
  /**
   * JSON file of extra rule versions (e.g. another province's 较低数额罚款 thresholds), each with
   * its citation and effective date; added to the built-in ones, never replacing them.
   */
  SANCTION_RULES_FILE: z.string().trim().min(1).optional(),
};

/** Validated configuration of the sanctions subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type SanctionsEnv = ReturnType<typeof loadEnv>;

export const rulesFromEnv = (env: SanctionsEnv): RuleBook =>
  env.SANCTION_RULES_FILE ? DEFAULT_RULE_BOOK.with(readConfiguredRules(env.SANCTION_RULES_FILE)) : DEFAULT_RULE_BOOK;
