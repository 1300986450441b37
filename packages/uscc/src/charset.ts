/** GB 32100-2015: digits and upper-case letters without I, O, S, V, Z (too easily misread). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export const USCC_LENGTH = 18;

const usccValues = new Map<string, number>([...USCC_CHARSET].map((char, index) => [char, index]));

export function isUsccCharacter(char: string): boolean {
  return usccValues.has(char);
}

/** The character's value in the check-character computation (its index in the charset). */
export function usccValue(char: string): number | undefined {
  return usccValues.get(char);
}

/**
 * GB 11714 predates the USCC and values every Latin letter (A=10 … Z=35), including the five the
 * USCC charset leaves out, so an old organization code is checked on its own terms.
 */
export function organizationValue(char: string): number | undefined {
  if (char.length !== 1) return undefined;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0–9
  if (code >= 65 && code <= 90) return code - 55; // A–Z
  return undefined;
}
