import { authorityName, entityTypeName } from './authorities.ts';
import { USCC_LENGTH } from './charset.ts';
import { resolveDivision } from './divisions.ts';
import { normalizeUscc } from './normalize.ts';
import type { UsccParts } from './types.ts';

/** Splits an 18-character code (as code points) into its fields; checks nothing. */
export function partsOf(chars: readonly string[]): UsccParts {
  const authorityCode = chars[0] ?? '';
  const entityTypeCode = chars[1] ?? '';
  const authority = authorityName(authorityCode);
  const entityType = entityTypeName(authorityCode, entityTypeCode);
  const regionCode = chars.slice(2, 8).join('');
  return {
    authority: authority === undefined ? null : { code: authorityCode, name: authority },
    entityType: entityType === undefined ? null : { code: entityTypeCode, name: entityType },
    regionCode,
    division: resolveDivision(regionCode),
    organizationCode: chars.slice(8, 17).join(''),
    checkCharacter: chars[17] ?? '',
  };
}

/** The fields of a code after normalisation, whether or not it is valid; null unless 18 characters. */
export function parseUscc(input: string): UsccParts | null {
  const chars = [...normalizeUscc(input)];
  return chars.length === USCC_LENGTH ? partsOf(chars) : null;
}
