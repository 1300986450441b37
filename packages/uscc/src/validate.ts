import type { UsccAllowList } from './allow-list.ts';
import { authorityCodes, authorityName, entityTypeCodes, entityTypeName } from './authorities.ts';
import { isUsccCharacter, organizationValue, USCC_LENGTH } from './charset.ts';
import { organizationCheckCharacterOf, usccCheckCharacterOf } from './check-characters.ts';
import { getDivision, isKnownProvince, NATIONAL_REGION_CODE, resolveDivision } from './divisions.ts';
import { normalizeUscc } from './normalize.ts';
import { partsOf } from './parse.ts';
import { problems } from './problems.ts';
import type { UsccCheck, UsccProblem } from './types.ts';

export interface UsccCheckOptions {
  allowList?: UsccAllowList;
}

/**
 * Each field is judged on its meaning only when all its characters are legal: an illegal character
 * is already reported, and a second problem for the same keystroke would only add noise.
 */
function fieldProblems(chars: readonly string[]): UsccProblem[] {
  const found: UsccProblem[] = [];
  // Positions 1–18 judged once; `legal` asks about a range of them (1-based, inclusive).
  const isLegal = chars.map(isUsccCharacter);
  const legal = (from: number, to: number): boolean => {
    for (let position = from; position <= to; position++) if (!isLegal[position - 1]) return false;
    return true;
  };

  const authority = chars[0] ?? '';
  const authorityLabel = authorityName(authority);
  if (legal(1, 1) && authorityLabel === undefined) found.push(problems.unknownAuthority(authority, authorityCodes()));

  const entityType = chars[1] ?? '';
  // Entity types are defined per authority, so an unknown authority leaves nothing to compare with.
  if (authorityLabel !== undefined && legal(2, 2) && entityTypeName(authority, entityType) === undefined) {
    found.push(problems.unknownEntityType(entityType, { code: authority, name: authorityLabel }, entityTypeCodes(authority)));
  }

  const regionCode = chars.slice(2, 8).join('');
  if (legal(3, 8)) {
    if (!/^\d{6}$/.test(regionCode)) found.push(problems.regionNotDigits(regionCode));
    else if (regionCode === NATIONAL_REGION_CODE) {
      // Registered by a central authority: valid although not a GB/T 2260 division.
    } else if (!isKnownProvince(regionCode)) found.push(problems.unknownProvince(regionCode));
    else if (getDivision(regionCode) === null) {
      found.push(problems.historicalDivision(regionCode, resolveDivision(regionCode)?.fullName ?? regionCode));
    }
  }

  // GB 11714 accepts every Latin letter, so the organization code is checked even around USCC-illegal letters.
  const organizationBody = chars.slice(8, 16);
  if (organizationBody.every((char) => organizationValue(char) !== undefined)) {
    const expected = organizationCheckCharacterOf(organizationBody.join(''));
    const actual = chars[16] ?? '';
    if (expected !== undefined && expected !== actual) found.push(problems.organizationCheck(expected, actual));
  }

  if (legal(1, 17)) {
    const expected = usccCheckCharacterOf(chars.slice(0, 17).join(''));
    const actual = chars[17] ?? '';
    if (expected !== undefined && expected !== actual) found.push(problems.checkCharacter(expected, actual));
  }
  return found;
}

function check(input: string, allowList: UsccAllowList | undefined): UsccCheck {
  const normalized = normalizeUscc(input);
  // Code points, so that a pasted emoji or astral character counts as one position.
  const chars = [...normalized];
  const found: UsccProblem[] = [];

  if (chars.length === 0) found.push(problems.empty());
  else if (chars.length !== USCC_LENGTH) found.push(problems.length(chars.length));

  for (const [index, char] of chars.entries()) {
    if (!isUsccCharacter(char)) found.push(problems.illegalCharacter(char, index + 1));
  }
  const wellFormed = chars.length === USCC_LENGTH;
  if (wellFormed) found.push(...fieldProblems(chars));

  // Stable sort: whole-code problems (null) first, then by position, keeping discovery order on ties.
  found.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));

  const hasErrors = found.some((problem) => problem.severity === 'error');
  const allowListed = hasErrors && normalized !== '' && (allowList?.has(normalized) ?? false);
  const reported = allowListed
    ? [
        ...found.map((problem): UsccProblem => ({ ...problem, severity: 'warning' })),
        problems.allowListed(allowList?.reasonFor(normalized)),
      ]
    : found;

  return {
    input,
    normalized,
    valid: !hasErrors || allowListed,
    allowListed,
    problems: reported,
    parts: wellFormed ? partsOf(chars) : null,
  };
}

/** Untyped callers (GraphQL resolvers, CSV imports) may hand over anything. */
function asText(input: unknown): string {
  if (typeof input === 'string') return input;
  try {
    return String(input ?? '');
  } catch {
    return '';
  }
}

/**
 * Longest input checked, before normalising: room for spaces and separators pasted around 18
 * characters. Longer input is refused whole, so a 900 KB paste costs no more than a code.
 */
export const MAX_USCC_INPUT_LENGTH = 64;

function tooLong(input: string): UsccCheck {
  return {
    input: `${[...input.slice(0, MAX_USCC_INPUT_LENGTH * 2)].slice(0, MAX_USCC_INPUT_LENGTH).join('')}…`,
    normalized: '',
    valid: false,
    allowListed: false,
    problems: [problems.tooLong(input.length, MAX_USCC_INPUT_LENGTH)],
    parts: null,
  };
}

/** Every problem with a code, with positions, after normalisation. Never throws. */
export function checkUscc(input: string, options: UsccCheckOptions = {}): UsccCheck {
  const text = asText(input);
  if (text.length > MAX_USCC_INPUT_LENGTH) return tooLong(text);
  return check(text, options?.allowList);
}

export function isValidUscc(input: string, options: UsccCheckOptions = {}): boolean {
  return checkUscc(input, options).valid;
}
