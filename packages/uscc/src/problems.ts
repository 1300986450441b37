import type { UsccProblem } from './types.ts';

/** Quotes a character so that invisible or look-alike input (full-width, control) is recognisable in a message. */
export function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/^[\x21-\x7E]$/.test(char)) return `"${char}"`;
  if (/^[\p{Cc}\p{Cf}\p{Z}]$/u.test(char)) return hex;
  return `"${char}" (${hex})`;
}

/** Plain alphanumerics read best bare ("expected 6, got 7"); anything else is quoted. */
function bare(char: string): string {
  return /^[0-9A-Z]$/.test(char) ? char : describeCharacter(char);
}

const LOOK_ALIKES: Record<string, string> = { O: '0', I: '1' };

export const problems = {
  empty: (): UsccProblem => ({
    rule: 'EMPTY',
    message: 'USCC is empty (统一社会信用代码为空)',
    position: null,
    severity: 'error',
  }),

  length: (length: number): UsccProblem => ({
    rule: 'LENGTH',
    message: `USCC must be 18 characters, got ${length} (长度应为18位)`,
    position: null,
    severity: 'error',
  }),

  tooLong: (length: number, max: number): UsccProblem => ({
    rule: 'LENGTH',
    message: `input of ${length} characters is not a USCC: at most ${max} are checked (输入过长)`,
    position: null,
    severity: 'error',
  }),

  illegalCharacter: (char: string, position: number): UsccProblem => {
    const lookAlike = LOOK_ALIKES[char];
    const hint = lookAlike === undefined ? '' : `; did you mean "${lookAlike}"?`;
    return {
      rule: 'ILLEGAL_CHARACTER',
      message:
        `illegal character ${describeCharacter(char)} at position ${position}: ` +
        `only digits and upper-case letters except I, O, S, V, Z are used${hint} (非法字符)`,
      position,
      severity: 'error',
    };
  },

  unknownAuthority: (char: string, known: readonly string[]): UsccProblem => ({
    rule: 'UNKNOWN_AUTHORITY',
    message: `unknown registration authority ${describeCharacter(char)} at position 1, expected one of ${known.join(', ')} (登记管理部门代码错误)`,
    position: 1,
    severity: 'error',
  }),

  unknownEntityType: (char: string, authority: { code: string; name: string }, known: readonly string[]): UsccProblem => ({
    rule: 'UNKNOWN_ENTITY_TYPE',
    message:
      `unknown entity type ${describeCharacter(char)} at position 2 for authority ${authority.code} (${authority.name}), ` +
      `expected one of ${known.join(', ')} (机构类别代码错误)`,
    position: 2,
    severity: 'error',
  }),

  regionNotDigits: (regionCode: string): UsccProblem => ({
    rule: 'UNKNOWN_DIVISION',
    message: `administrative division code (positions 3-8) must be 6 digits, got "${regionCode}" (登记管理机关行政区划码错误)`,
    position: 3,
    severity: 'error',
  }),

  unknownProvince: (regionCode: string): UsccProblem => ({
    rule: 'UNKNOWN_DIVISION',
    message:
      `unknown administrative division ${regionCode} at positions 3-8: ` +
      `province code ${regionCode.slice(0, 2)} is not in GB/T 2260 (登记管理机关行政区划码不存在)`,
    position: 3,
    severity: 'error',
  }),

  historicalDivision: (regionCode: string, knownAs: string): UsccProblem => ({
    rule: 'UNKNOWN_DIVISION',
    message:
      `administrative division ${regionCode} at positions 3-8 is not in the current GB/T 2260 table (within ${knownAs}); ` +
      'it may be a historical code of an abolished or renamed division (行政区划码不在现行代码表中，可能为历史代码)',
    position: 3,
    severity: 'warning',
  }),

  organizationCheck: (expected: string, actual: string): UsccProblem => ({
    rule: 'ORGANIZATION_CODE_CHECK',
    message: `organization code check character mismatch at position 17: expected ${expected}, got ${bare(actual)} (组织机构代码校验码错误)`,
    position: 17,
    severity: 'error',
  }),

  checkCharacter: (expected: string, actual: string): UsccProblem => ({
    rule: 'CHECK_CHARACTER',
    message: `check character mismatch at position 18: expected ${expected}, got ${bare(actual)} (校验码错误)`,
    position: 18,
    severity: 'error',
  }),

  allowListed: (reason: string | undefined): UsccProblem => ({
    rule: 'ALLOW_LISTED',
    message: `accepted because the code is on the operator allow-list${reason ? `: ${reason}` : ''} (已列入人工放行名单)`,
    position: null,
    severity: 'warning',
  }),
};
