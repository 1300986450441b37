import { organizationValue, USCC_CHARSET, usccValue } from './charset.ts';

/** 3^(i-1) mod 31 for positions 1–17 (GB 32100-2015, after GB/T 17710). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 weights for the eight body characters of an organization code. */
const ORGANIZATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Non-throwing variant for the validator: undefined when a character is not in the USCC charset. */
export function usccCheckCharacterOf(first17: string): string | undefined {
  const chars = [...first17];
  if (chars.length !== USCC_WEIGHTS.length) return undefined;
  let sum = 0;
  for (let index = 0; index < chars.length; index++) {
    const value = usccValue(chars[index] as string);
    if (value === undefined) return undefined;
    sum += value * (USCC_WEIGHTS[index] as number);
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Non-throwing variant for the validator: undefined when a character is not 0–9 or A–Z. */
export function organizationCheckCharacterOf(first8: string): string | undefined {
  const chars = [...first8];
  if (chars.length !== ORGANIZATION_WEIGHTS.length) return undefined;
  let sum = 0;
  for (let index = 0; index < chars.length; index++) {
    const value = organizationValue(chars[index] as string);
    if (value === undefined) return undefined;
    sum += value * (ORGANIZATION_WEIGHTS[index] as number);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/** Position 18 for the given positions 1–17 (upper-case, no normalisation). Throws on bad input. */
export function computeUsccCheckCharacter(first17: string): string {
  const check = usccCheckCharacterOf(first17);
  if (check === undefined) {
    throw new RangeError(`computeUsccCheckCharacter expects 17 characters from ${USCC_CHARSET}, got ${JSON.stringify(first17)}`);
  }
  return check;
}

/** GB 11714 check character for an 8-character organization code body. Throws on bad input. */
export function computeOrganizationCheckCharacter(first8: string): string {
  const check = organizationCheckCharacterOf(first8);
  if (check === undefined) {
    throw new RangeError(`computeOrganizationCheckCharacter expects 8 characters 0-9 or A-Z, got ${JSON.stringify(first8)}`);
  }
  return check;
}
