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
  if (/^[0-9]$/.test(char)) return Number(char);
  if (/^[A-Z]$/.test(char)) return char.charCodeAt(0) - 55;
  return undefined;
}
