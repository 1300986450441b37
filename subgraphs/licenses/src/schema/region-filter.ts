import { badUserInput } from '@credit-hub/subgraph-kit';

/** Accepts 14, 1408, 140802, or 140000/140800 (trailing zero pairs mean the whole province or city). */
export function regionPrefixOf(code: string | null | undefined, field: string): string | undefined {
  if (!code) return undefined;
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(code)) {
    throw badUserInput(`${field}: give 2, 4 or 6 digits of a division code`, { field, reason: 'FORMAT' });
  }
  return code.length === 6 ? code.replace(/(00)+$/, '') || code : code;
}
