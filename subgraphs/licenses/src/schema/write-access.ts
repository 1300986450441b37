import { badUserInput, callerOwnsDepartment, callerWritesRegion, forbidden } from '@credit-hub/subgraph-kit';
import type { Context } from '../context.ts';

/** Only regulators and admins write; who may change which record is checked per record below. */
export const writers = { $any: { regulator: true, admin: true } } as const;

/** 谁产生、谁负责: the producing department, inside its own region, alone changes a record. */
export function assertChangesRecord(ctx: Context, record: { department: string; regionCode: string }): void {
  if (!callerWritesRegion(ctx.caller, record.regionCode)) {
    throw forbidden(`region ${record.regionCode} is outside your region ${ctx.caller.region ?? '(none)'} (超出辖区)`);
  }
  if (!callerOwnsDepartment(ctx.caller, record.department)) {
    throw forbidden(`the record was produced by department ${record.department}; only it may change it (谁产生、谁负责)`);
  }
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
