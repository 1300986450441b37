import {
  assertCanChange,
  assertCanWrite,
  badUserInput,
  type Caller,
  callerSeesRegion,
  forbidden,
  newRecordFacts,
  parseRegionArgument,
  type RecordFacts,
  registeredRegionOf,
} from '@credit-hub/subgraph-kit';
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

/** What the kit's access policy judges a stored record by: its own region, owner and publication. */
export const recordFacts = (record: { regionCode: string; department: string | null }, published: boolean): RecordFacts => ({
  region: record.regionCode,
  owner: record.department,
  published,
});

/**
 * 谁产生、谁负责: a record is changed only by its producing department, inside the caller's region.
 * Checked on every write before anything is touched; a record the caller may not even read is
 * answered as not found, and a refusal never repeats the record's content.
 */
export function assertOwnsRecord(ctx: Context, facts: RecordFacts, what: string, field: string): void {
  assertCanChange(ctx.caller, facts, what, field);
}

/**
 * Owner of a new record: the caller's department, in the enterprise's registered region as the
 * enterprises subgraph knows it. A region in the input may only confirm that one.
 */
export async function newRecordOwner(ctx: Context, uscc: string, claimedRegion: string | null | undefined, field: string) {
  const regionCode = await registeredRegionOf(ctx.enterpriseFacts, uscc, 'input.uscc', { value: claimedRegion, field });
  assertCanWrite(ctx.caller, newRecordFacts(ctx.caller, regionCode), `records of ${uscc}`);
  return { regionCode, department: ctx.caller.dept ?? 'ADMIN', recordedBy: ctx.caller.sub };
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
