import { checkUscc, MAX_USCC_INPUT_LENGTH, type UsccAllowList } from '@credit-hub/uscc';
import { badUserInput } from './errors.ts';
import { previewText } from './text-preview.ts';

const MAX_LISTED_PROBLEMS = 5;

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
  const check = checkUscc(input, allowList ? { allowList } : {});
  if (check.valid) return check.normalized;
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
