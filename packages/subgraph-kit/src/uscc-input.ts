import { checkUscc, MAX_USCC_INPUT_LENGTH, type UsccAllowList } from '@credit-hub/uscc';
import { badUserInput } from './errors.ts';
import { previewText } from './text-preview.ts';

const MAX_LISTED_PROBLEMS = 5;

/**
 * Codes found valid on their own, by the text as sent, and their normal form. A bulk import names
 * the same few hundred enterprises row after row (500 rows a call), and the full check (code
 * points, authority, division, both check characters, the parts) cost more than the rest of a
 * row's checks. A code valid on its own is valid whatever the allow list says (the list only
 * rescues codes that fail), so the list is not part of the key; allow-listed codes are never
 * remembered, since an operator may take them off the list. Forgotten wholesale when full.
 */
const validOnTheirOwn = new Map<string, string>();
const MAX_REMEMBERED_CODES = 4096;

/**
 * Normalises a USCC argument or throws BAD_USER_INPUT naming the first broken rule (and listing
 * all of them), so every subgraph rejects malformed codes the same way. Input over 64 characters
 * is refused before normalising; messages repeat at most a short prefix of what was sent.
 */
export function requireValidUscc(input: string, field: string, allowList?: UsccAllowList): string {
  if (input.length > MAX_USCC_INPUT_LENGTH) {
    throw badUserInput(`${field}: a unified social credit code has 18 characters, got ${input.length} (长度错误)`, {
      field,
      reason: 'TOO_LONG',
      maxLength: MAX_USCC_INPUT_LENGTH,
    });
  }
  const remembered = validOnTheirOwn.get(input);
  if (remembered !== undefined) return remembered;
  const check = checkUscc(input, allowList ? { allowList } : {});
  if (check.valid) {
    if (!check.allowListed) {
      if (validOnTheirOwn.size >= MAX_REMEMBERED_CODES) validOnTheirOwn.clear();
      validOnTheirOwn.set(input, check.normalized);
    }
    return check.normalized;
  }
  const errors = check.problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  throw badUserInput(`${field}: invalid unified social credit code "${previewText(input)}": ${first?.message ?? 'invalid'}`, {
    field,
    reason: first?.rule ?? 'INVALID',
    position: first?.position ?? null,
    // The first few are enough to correct a code; 64 illegal characters need not come back as 64 problems.
    problems: errors.slice(0, MAX_LISTED_PROBLEMS).map(({ rule, message, position }) => ({ rule, message, position })),
  });
}
