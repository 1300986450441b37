import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { HARD_RULES } from './hard-rules/index.ts';
import { INDICATORS } from './indicators/index.ts';
import { RISK_CLASSES, type RiskModelVersion } from './model.ts';

export const EXAMPLE_MODEL_FILE = fileURLToPath(new URL('./models/example.json', import.meta.url));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const versionShape = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash, underscore (≤ 64)'),
    effectiveMonth: z.string().regex(MONTH, 'YYYY-MM'),
    note: z.string().min(1),
    thresholds: z.object({ B: z.number(), C: z.number(), D: z.number() }).refine((t) => t.B <= t.C && t.C <= t.D, 'B ≤ C ≤ D'),
    indicators: z.record(z.string(), z.looseObject({ weight: z.number().nonnegative() })),
    hardRules: z.record(z.string(), z.looseObject({ minimumClass: z.enum(RISK_CLASSES) })).default({}),
  })
  .superRefine((version, context) => {
    for (const key of Object.keys(version.indicators)) {
      if (!INDICATORS.has(key)) context.addIssue({ code: 'custom', path: ['indicators', key], message: `unknown indicator ${key}` });
    }
    for (const key of Object.keys(version.hardRules)) {
      if (!HARD_RULES.has(key)) context.addIssue({ code: 'custom', path: ['hardRules', key], message: `unknown hard rule ${key}` });
    }
  });

const fileShape = z.object({ versions: z.array(versionShape).min(1) });

/**
 * Parses and validates a model file (JSON). Each indicator's and rule's parameters are completed
 * with the catalogue's defaults, so a stored version states every number it classified with.
 */
export function parseModelFile(text: string, source = 'model file'): RiskModelVersion[] {
  const parsed = fileShape.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid risk model (${source}):\n${lines.join('\n')}`);
  }
  const ids = new Set<string>();
  return parsed.data.versions
    .map((version) => {
      if (ids.has(version.id)) throw new Error(`invalid risk model (${source}): version ${version.id} appears twice`);
      ids.add(version.id);
      return {
        ...version,
        indicators: Object.fromEntries(
          Object.entries(version.indicators).map(([key, params]) => [key, { ...INDICATORS.get(key)?.defaults, ...params }]),
        ) as RiskModelVersion['indicators'],
        hardRules: Object.fromEntries(
          Object.entries(version.hardRules).map(([key, params]) => [key, { ...HARD_RULES.get(key)?.defaults, ...params }]),
        ) as RiskModelVersion['hardRules'],
      };
    })
    .sort((a, b) => a.effectiveMonth.localeCompare(b.effectiveMonth));
}

export const loadModelFile = (path: string): RiskModelVersion[] => parseModelFile(readFileSync(path, 'utf8'), path);

/** The version in effect for `month`: the latest whose effective month is not after it. */
export function versionForMonth(versions: readonly RiskModelVersion[], month: string): RiskModelVersion | undefined {
  return versions.filter((version) => version.effectiveMonth <= month).at(-1);
}

/** Canonical JSON (sorted keys) hashed: the same definition always has the same checksum. */
export function checksumOf(version: RiskModelVersion): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(version)))
    .digest('hex');
}
