import { checkUscc, type UsccAllowList } from '@credit-hub/uscc';
import { badUserInput } from './errors.ts';

/**
 * Normalises a USCC argument or throws BAD_USER_INPUT naming the first broken rule (and listing
 * all of them), so every subgraph rejects malformed codes the same way.
 */
export function requireValidUscc(input: string, field: string, allowList?: UsccAllowList): string {
  const check = checkUscc(input, allowList ? { allowList } : {});
  if (check.valid) return check.normalized;
  const errors = check.problems.filter((problem) => problem.severity === 'error');
  const first = errors[0];
  throw badUserInput(`${field}: invalid unified social credit code "${input}": ${first?.message ?? 'invalid'}`, {
    field,
    reason: first?.rule ?? 'INVALID',
    position: first?.position ?? null,
    problems: errors.map(({ rule, message, position }) => ({ rule, message, position })),
  });
}
