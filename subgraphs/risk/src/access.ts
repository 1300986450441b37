import { badUserInput, type Caller, canRead, forbidden, parseRegionPrefix, type RecordFacts } from '@credit-hub/subgraph-kit';
import { divisionPrefix } from '@credit-hub/uscc';

/**
 * A class is supervision data shared with related departments of the region (joint supervision);
 * its indicators and score are supervision data only. Never published, never the platform's
 * (运市监信用〔2022〕4号 part 8: 分类结果只在规定范围内作为监管工作参考，不向社会提供查询).
 */
export const classFacts = (region: string): RecordFacts => ({
  region,
  owner: null,
  published: false,
  supervisionOnly: true,
  sharedWithDepartments: true,
});
export const indicatorFacts = (region: string): RecordFacts => ({ region, owner: null, published: false, supervisionOnly: true });

const REFUSALS: Record<string, string> = {
  SIGN_IN: 'credit risk classes are never public (信用风险分类结果不向社会公开)',
  SUPERVISION_ONLY: 'credit risk data is for supervisors only (监管内部信息)',
  OUTSIDE_REGION: 'the enterprise is registered outside your region (超出辖区)',
};

/** Roles that may ever read a class: anonymous callers and the platform never do. */
const CLASS_READERS = new Set<Caller['role']>(['regulator', 'analyst', 'admin', 'department', 'service']);

/** FORBIDDEN (for anonymous callers too: a class is refused, not a sign-in away) unless the policy allows. */
export function assertMayRead(caller: Caller, facts: RecordFacts, what: string): void {
  if (!CLASS_READERS.has(caller.role)) throw forbidden(`${what}: ${REFUSALS.SIGN_IN}`, { reason: 'SUPERVISION_ONLY' });
  const decision = canRead(caller, facts);
  if (!decision.allowed) throw forbidden(`${what}: ${REFUSALS[decision.denial] ?? decision.denial}`, { reason: decision.denial });
}

/** Before anything is loaded: refuses roles that can never read a class. */
export function assertReadsClasses(caller: Caller, what: string): void {
  if (!CLASS_READERS.has(caller.role)) throw forbidden(`${what}: ${REFUSALS.SIGN_IN}`, { reason: 'SUPERVISION_ONLY' });
}

/**
 * The region an aggregate runs over: analysts and admins any (or all); regulators and related
 * departments their own or a part of it.
 */
export function aggregateRegion(caller: Caller, argument: string | null | undefined, field: string): string | undefined {
  assertReadsClasses(caller, field);
  const requested = parseRegionPrefix(argument, field);
  if (caller.role !== 'regulator' && caller.role !== 'department') return requested;
  const own = caller.region;
  if (!own) throw forbidden(`${field}: your token names no region (缺少辖区)`, { reason: 'OUTSIDE_REGION' });
  const ownPrefix = divisionPrefix(own);
  if (!requested) return ownPrefix;
  if (!requested.startsWith(ownPrefix)) {
    throw forbidden(`${field}: region ${requested} is outside your region ${own} (超出辖区)`, { reason: 'OUTSIDE_REGION' });
  }
  return requested;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export function parseMonth(value: string, field: string): string {
  if (!MONTH.test(value)) throw badUserInput(`${field}: month must be YYYY-MM`, { field, reason: 'INVALID_MONTH' });
  return value;
}
