import { assertCanChange, assertCanWrite, badUserInput, forbidden, newRecordFacts, type RecordFacts } from '@credit-hub/subgraph-kit';
import type { Context } from '../context.ts';

/** Only regulators and admins write; who may change which record is the kit's policy, per record. */
export const writers = { $any: { regulator: true, admin: true } } as const;

/**
 * 谁产生、谁负责: the producing department, inside its own region, alone changes a record. A
 * record the caller may not even read is answered as not found.
 */
export function assertChangesRecord(ctx: Context, facts: RecordFacts, what: string, field: string): void {
  assertCanChange(ctx.caller, facts, what, field);
}

/** A new record about an enterprise registered in `regionCode`, owned by `department`. */
export function assertCreatesRecord(ctx: Context, department: string, regionCode: string, what: string): void {
  const facts =
    ctx.caller.role === 'admin' ? { ...newRecordFacts(ctx.caller, regionCode), owner: department } : newRecordFacts(ctx.caller, regionCode);
  assertCanWrite(ctx.caller, facts, what);
}

/** A new record belongs to the caller's department; admins, who have none, must name one. */
export function producingDepartment(ctx: Context, requested: string | null | undefined): string {
  if (ctx.caller.role === 'admin') {
    if (!requested?.trim())
      throw badUserInput('input.department: admins must name the producing department', { field: 'input.department', reason: 'REQUIRED' });
    return requested.trim();
  }
  if (!ctx.caller.dept) throw forbidden('your token names no department, so nothing you record would have an owner (缺少部门)');
  if (requested && requested !== ctx.caller.dept) throw forbidden(`you record for department ${ctx.caller.dept}, not ${requested}`);
  return ctx.caller.dept;
}

export function fail(field: string, reason: string, message: string): never {
  throw badUserInput(`${field}: ${message}`, { field, reason });
}

/** Decisions and events are dated today or earlier: a future date would publish what has not happened. */
export function requirePastOrToday(ctx: Context, date: string, field: string): string {
  if (date > ctx.today) fail(field, 'IN_FUTURE', `${date} is after today (${ctx.today})`);
  return date;
}

export function requireText(value: string, field: string): string {
  const text = value.trim();
  if (!text) fail(field, 'EMPTY', 'cannot be empty');
  if (text.length > 500) fail(field, 'TOO_LONG', 'at most 500 characters');
  return text;
}
