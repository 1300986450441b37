import { assertCanChange, assertCanWrite, badUserInput, type Caller, canRead, forbidden, type RecordFacts } from '@credit-hub/subgraph-kit';
import type { InspectionRow, PlanRow } from './db/schema.ts';

/**
 * Plans, tasks and draws are supervision data of the owning department's region: a draw names
 * enterprises and their risk classes before anyone is visited (never public, never the platform's).
 */
export const planFacts = (plan: Pick<PlanRow, 'regionCode' | 'department'>): RecordFacts => ({
  region: plan.regionCode,
  owner: plan.department,
  published: false,
  supervisionOnly: true,
});

/** A result is the enterprise's record: public once published, else for supervisors of its region. */
export const inspectionFacts = (row: Pick<InspectionRow, 'regionCode' | 'department' | 'publishedOn'>, today: string): RecordFacts => ({
  region: row.regionCode,
  owner: row.department,
  published: row.publishedOn !== null && row.publishedOn <= today,
});

export const mayRead = (caller: Caller, facts: RecordFacts) => canRead(caller, facts).allowed;

/** Changing a plan, task, draw or result: NOT_FOUND when the caller may not even read it, FORBIDDEN by the policy's rule. */
export function assertChanges(caller: Caller, facts: RecordFacts, what: string, field: string): void {
  assertCanChange(caller, facts, what, field);
}

/**
 * The owning department and region of a new plan or inspector: the caller's own (谁产生、谁负责);
 * admins, who have neither, must name both.
 */
export function ownerOfNew(
  caller: Caller,
  requested: { department?: string | null | undefined; regionCode?: string | null | undefined },
  what: string,
): { department: string; regionCode: string } {
  if (caller.role === 'admin') {
    if (!requested.department?.trim())
      throw badUserInput('input.department: admins name the owning department', { field: 'input.department', reason: 'REQUIRED' });
    if (!requested.regionCode || !/^\d{6}$/.test(requested.regionCode))
      throw badUserInput('input.regionCode: admins name the 6-digit region', { field: 'input.regionCode', reason: 'REQUIRED' });
    return { department: requested.department.trim(), regionCode: requested.regionCode };
  }
  if (!caller.dept || !caller.region)
    throw forbidden(`${what}: your token names no department or region (缺少部门或辖区)`, { reason: 'NO_DEPARTMENT' });
  const facts = { region: requested.regionCode ?? caller.region, owner: requested.department ?? caller.dept, published: false };
  assertCanWrite(caller, facts, what);
  return { department: facts.owner, regionCode: facts.region };
}
