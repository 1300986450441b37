import { parseRegionArgument } from '@credit-hub/subgraph-kit';
import { divisionPrefix } from '@credit-hub/uscc';

/** Accepts 14, 1408, 140802, or 140000/140800 (trailing zero pairs mean the whole province or city). */
export function regionPrefixOf(code: string | null | undefined, field: string): string | undefined {
  const region = parseRegionArgument(code, field);
  return region && divisionPrefix(region);
}
