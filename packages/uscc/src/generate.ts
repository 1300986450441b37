import { entityTypeCodes, entityTypeName } from './authorities.ts';
import { USCC_CHARSET } from './charset.ts';
import { computeOrganizationCheckCharacter, computeUsccCheckCharacter } from './check-characters.ts';
import { isKnownProvince, NATIONAL_REGION_CODE } from './divisions.ts';

export interface GenerateUsccOptions {
  /** 6-digit GB/T 2260 code of the registering authority. */
  regionCode: string;
  /** Position 1; defaults to 9 (market regulation). */
  authority?: string;
  /** Position 2; defaults to 1 (enterprise) or, when that is not defined for the authority, its first type. */
  entityType?: string;
}

const DIGITS = '0123456789';

function pick(random: () => number, from: string): string {
  // Clamped so that a sloppy generator returning exactly 1 cannot index past the end.
  const index = Math.min(from.length - 1, Math.max(0, Math.floor(random() * from.length)));
  return from[index] ?? '0';
}

function pickMany(random: () => number, from: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += pick(random, from);
  return out;
}

/**
 * Organization code bodies look like the real population: pre-2015 codes are all digits, codes
 * issued since the USCC reform mostly start with MA and use the USCC charset.
 */
function organizationBody(random: () => number): string {
  return random() < 0.5 ? pickMany(random, DIGITS, 8) : `MA${pickMany(random, USCC_CHARSET, 6)}`;
}

/** A valid code (both check characters right) from the given random source, for seeds and tests. */
export function generateUscc(random: () => number, options: GenerateUsccOptions): string {
  const { regionCode } = options;
  const authority = options.authority ?? '9';
  const entityType = options.entityType ?? (entityTypeName(authority, '1') !== undefined ? '1' : (entityTypeCodes(authority)[0] ?? '1'));
  if (!/^\d{6}$/.test(regionCode) || (regionCode !== NATIONAL_REGION_CODE && !isKnownProvince(regionCode))) {
    throw new RangeError(`generateUscc: unknown region code ${JSON.stringify(regionCode)}`);
  }
  if (entityTypeName(authority, entityType) === undefined) {
    throw new RangeError(`generateUscc: unknown authority/entity type ${JSON.stringify(authority + entityType)}`);
  }
  const body = organizationBody(random);
  const first17 = `${authority}${entityType}${regionCode}${body}${computeOrganizationCheckCharacter(body)}`;
  return first17 + computeUsccCheckCharacter(first17);
}
