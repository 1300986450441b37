import { readFileSync } from 'node:fs';
import type { RuleVersion } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { SANCTION_RULES } from './catalogue.ts';

const knownCodes = [...new Set(SANCTION_RULES.map((rule) => rule.code))] as [string, ...string[]];

/**
 * A rule version an operator adds without a release (SANCTION_RULES_FILE), e.g. another
 * province's lower-fine thresholds. It must carry its source and effective date like the built-in
 * ones; it never edits them, it adds a version.
 */
const configuredRule = z
  .object({
    code: z.enum(knownCodes),
    title: z.string().trim().min(2),
    value: z.union([z.string().trim().min(1), z.number().nonnegative(), z.array(z.string())]),
    unit: z.string().trim().min(1).nullable().default(null),
    citation: z.object({ document: z.string().trim().min(2), article: z.string().trim().min(1).nullable().default(null) }),
    effectiveFrom: z.iso.date(),
    province: z
      .string()
      .regex(/^\d{2}$/, 'two digits: the province part of the division code')
      .nullable()
      .default(null),
    note: z.string().trim().min(1).nullable().default(null),
  })
  .strict()
  .refine((rule) => !rule.code.startsWith('PENALTY_LOWER_FINE') || /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/.test(String(rule.value)), {
    message: 'a lower-fine threshold is an amount of yuan with at most 2 decimals, e.g. "20000"',
    path: ['value'],
  });

export function parseConfiguredRules(json: unknown, source: string): RuleVersion[] {
  const parsed = z.array(configuredRule).safeParse(json);
  if (!parsed.success) {
    throw new Error(`${source}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data.map((rule) => ({ ...rule, value: typeof rule.value === 'number' ? String(rule.value) : rule.value }));
}

export const readConfiguredRules = (path: string) => parseConfiguredRules(JSON.parse(readFileSync(path, 'utf8')), path);
