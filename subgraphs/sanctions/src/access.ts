import {
  badUserInput,
  type Caller,
  callerOwnsDepartment,
  callerSeesRegion,
  callerWritesRegion,
  forbidden,
  parseRegionArgument,
} from '@credit-hub/subgraph-kit';
import { getDivision } from '@credit-hub/uscc';
import type { Context } from './context.ts';
import type { Audience } from './data/visibility-filter.ts';

/** What a search may return to the caller (see Audience). The platform sees what the public sees. */
export function audienceOf(caller: Caller): Audience {
  if (caller.role === 'admin' || caller.role === 'analyst') return { kind: 'all' };
  if (caller.role === 'regulator' && caller.region) return { kind: 'region', region: caller.region };
  return { kind: 'public' };
}

/** Sees the whole record, unpublished state and history included. */
export const seesFull = (ctx: Context, record: { regionCode: string }) => callerSeesRegion(ctx.caller, record.regionCode);

/**
 * 谁产生、谁负责: a record is changed only by its producing department, and only inside the
 * caller's region. Checked on every write before anything is touched.
 */
export function assertOwnsRecord(ctx: Context, record: { department: string; regionCode: string }, what: string): void {
  if (!callerWritesRegion(ctx.caller, record.regionCode)) {
    throw forbidden(`${what} is in region ${record.regionCode}, outside your region ${ctx.caller.region ?? '(none)'} (超出辖区)`);
  }
  if (!callerOwnsDepartment(ctx.caller, record.department)) {
    throw forbidden(`${what} was produced by department ${record.department}; only it may change it (谁产生、谁负责)`);
  }
}

/** Owner of a new record: the caller's department, in a region the caller writes. */
export function newRecordOwner(ctx: Context, uscc: string, regionCode: string | null | undefined, field: string) {
  const region = regionCode ?? uscc.slice(2, 8);
  if (!getDivision(region)) {
    throw badUserInput(`${field}: ${region} is not a GB/T 2260 division code`, { field, reason: 'UNKNOWN_DIVISION' });
  }
  if (!callerWritesRegion(ctx.caller, region)) {
    throw forbidden(`region ${region} is outside your region ${ctx.caller.region ?? '(none)'} (超出辖区)`);
  }
  return { regionCode: region, department: ctx.caller.dept ?? 'ADMIN', recordedBy: ctx.caller.sub };
}

/**
 * The region a supervision-only list runs over: analysts and admins any (or all), regulators
 * their own or a part of it.
 */
export function supervisedRegion(ctx: Context, argument: string | null | undefined): string | undefined {
  const requested = parseRegionArgument(argument, 'regionCode');
  if (ctx.caller.role !== 'regulator') return requested;
  const own = ctx.caller.region ?? '';
  if (!requested) return own;
  if (!callerSeesRegion(ctx.caller, requested)) throw forbidden(`region ${requested} is outside your region ${own} (超出辖区)`);
  return requested;
}

/** Dates a write may carry: not in the future, not before an earlier fact. */
export function assertDateWithin(value: string, field: string, bounds: { notBefore?: string; today: string }): void {
  if (value > bounds.today) throw badUserInput(`${field}: cannot be in the future`, { field, reason: 'FUTURE_DATE' });
  if (bounds.notBefore && value < bounds.notBefore) {
    throw badUserInput(`${field}: cannot be before ${bounds.notBefore}`, { field, reason: 'BEFORE_EARLIER_FACT' });
  }
}

/** Non-empty text; null too is refused (an optional change field sent as null). */
export function requireText(value: string | null | undefined, field: string): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badUserInput(`${field}: cannot be empty`, { field, reason: 'EMPTY' });
  return trimmed;
}
