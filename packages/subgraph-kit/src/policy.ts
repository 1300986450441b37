import { regionCovers } from '@credit-hub/uscc';
import type { Caller } from './auth/caller.ts';
import { forbidden, notFound } from './errors.ts';

/**
 * The one access policy of the hub (ARCHITECTURE.md, "Identity and access"). Every subgraph asks
 * it, and only it, who may read and who may write a record. It decides on the record's own facts —
 * the enterprise's registered region as the enterprises subgraph holds it, the department that
 * produced the record, whether it is published today — never on what a caller's input claims.
 */

/** Department codes of the registration (登记注册) function: they alone keep master data. */
export const DEFAULT_REGISTRATION_DEPARTMENTS = ['DJZC'] as const;

export interface RecordFacts {
  /** The enterprise's registered region (6-digit division code), looked up, never from input. */
  region: string | null;
  /**
   * Department(s) that answer for the record (谁产生、谁负责): the producing department of a
   * licence or penalty, or the registration departments for master data and annual reports.
   */
  owner: string | readonly string[] | null;
  /** Published (公示) today. Unpublished records are for supervisors of the region only. */
  published: boolean;
  /** Supervision-only data (credit risk, internal notes): never public, never the platform's. */
  supervisionOnly?: boolean;
  /**
   * Supervision data shared with related departments of the region for joint supervision
   * (联合惩戒): e.g. a credit risk class, never its indicators.
   */
  sharedWithDepartments?: boolean;
}

export type Denial =
  | 'SIGN_IN'
  | 'READ_ONLY_ROLE'
  | 'OUTSIDE_REGION'
  | 'OTHER_DEPARTMENT'
  | 'NO_DEPARTMENT'
  | 'NOT_PUBLISHED'
  | 'SUPERVISION_ONLY'
  | 'NOT_EXCHANGE_PARTNER'
  | 'OTHER_REQUESTER'
  | 'OTHER_UPLOADER';

export type Decision = { allowed: true } | { allowed: false; denial: Denial };

const ALLOW: Decision = { allowed: true };
const deny = (denial: Denial): Decision => ({ allowed: false, denial });

/** Whether the caller's own region covers `region` (regulators only have one). */
function inCallerRegion(caller: Caller, region: string | null): boolean {
  return !!caller.region && !!region && regionCovers(caller.region, region);
}

/** Roles that read everything, internal state included, and write nothing (admin aside). */
const READS_EVERYTHING = new Set<Caller['role']>(['admin', 'analyst', 'service']);

/**
 * May `caller` read the whole of this record (unpublished state, history, internal fields)?
 * Everyone reads what is published, except supervision-only data; supervisors of the region read
 * the rest.
 */
export function canRead(caller: Caller, record: RecordFacts): Decision {
  if (READS_EVERYTHING.has(caller.role)) return ALLOW;
  if (caller.role === 'regulator') {
    if (inCallerRegion(caller, record.region)) return ALLOW;
    if (record.supervisionOnly) return deny('OUTSIDE_REGION');
    return record.published ? ALLOW : deny('OUTSIDE_REGION');
  }
  if (caller.role === 'department' && record.supervisionOnly) {
    if (!record.sharedWithDepartments) return deny('SUPERVISION_ONLY');
    return inCallerRegion(caller, record.region) ? ALLOW : deny('OUTSIDE_REGION');
  }
  if (record.supervisionOnly) return deny(caller.role === 'public' ? 'SIGN_IN' : 'SUPERVISION_ONLY');
  return record.published ? ALLOW : deny('NOT_PUBLISHED');
}

/**
 * May `caller` change this record (or create one with these facts)? Admins may; a regulator only
 * inside its region and only for records its own department answers for; everyone else never.
 */
export function canWrite(caller: Caller, record: RecordFacts): Decision {
  if (caller.role === 'admin') return ALLOW;
  if (caller.role === 'public') return deny('SIGN_IN');
  if (caller.role !== 'regulator') return deny('READ_ONLY_ROLE');
  if (!caller.dept) return deny('NO_DEPARTMENT');
  if (!inCallerRegion(caller, record.region)) return deny('OUTSIDE_REGION');
  const owners = typeof record.owner === 'string' ? [record.owner] : (record.owner ?? []);
  return owners.includes(caller.dept) ? ALLOW : deny('OTHER_DEPARTMENT');
}

/** Facts of a record the caller is about to create: owned by the caller's own department. */
export function newRecordFacts(caller: Caller, region: string | null): RecordFacts {
  return { region, owner: caller.dept, published: false };
}

/** Sees everything about records in `region`, unpublished ones included (scope `seesRegion`). */
export const callerSeesRegion = (caller: Caller, region: string | null | undefined): boolean =>
  canRead(caller, { region: region ?? null, owner: null, published: false }).allowed;

/** Supervision-only data (credit risk, internal notes): never for the public or the platform. */
export const callerIsSupervisor = (caller: Caller): boolean => READS_EVERYTHING.has(caller.role) || caller.role === 'regulator';

/**
 * Departments' scores (双公示 timeliness per department) count unpublished records, so they are
 * supervision data: analysts and admins everywhere, regulators over their own region (a region
 * must be named for them), never the public, the platform or a related department. The public
 * sees each published record's own dates instead.
 */
export function canReadDepartmentScores(caller: Caller, region: string | null): Decision {
  return canRead(caller, { region, owner: null, published: false, supervisionOnly: true });
}

const DENIAL_MESSAGES: Record<Denial, string> = {
  SIGN_IN: 'sign in to do this (需要登录)',
  READ_ONLY_ROLE: 'your role reads but never writes (只读角色)',
  OUTSIDE_REGION: 'the enterprise is registered outside your region (超出辖区)',
  OTHER_DEPARTMENT: 'another department produced this record; only it may change it (谁产生、谁负责)',
  NO_DEPARTMENT: 'your token names no department, so nothing you write would have an owner (缺少部门)',
  NOT_PUBLISHED: 'not published (未公示)',
  SUPERVISION_ONLY: 'supervision data is for regulators and analysts only (监管内部信息)',
  NOT_EXCHANGE_PARTNER: '双公示 exports are for the provincial platform and admins (仅限省级平台与管理员)',
  OTHER_REQUESTER: 'another caller requested this export; only it and admins may read it (非本人导出)',
  OTHER_UPLOADER: 'another department uploaded this import; only it and admins may see it (非本部门导入)',
};

/**
 * May `caller` upload a table for import (the exchange's import jobs)? Whoever may write records:
 * admins, and regulators with a department. Each row is still judged by `canWrite` in the owning
 * subgraph, with the uploader's own token; this only decides who may start a job.
 */
export function canImport(caller: Caller): Decision {
  if (caller.role === 'admin') return ALLOW;
  if (caller.role === 'public') return deny('SIGN_IN');
  if (caller.role !== 'regulator') return deny('READ_ONLY_ROLE');
  return caller.dept ? ALLOW : deny('NO_DEPARTMENT');
}

/**
 * May `caller` see an import job, its counts and its rejects workbook (which holds the uploaded
 * rows)? Its uploader, the uploader's department (谁产生、谁负责: the rows are that department's),
 * and admins; decided on the job's recorded uploader and department, never on the request.
 */
export function canReadImport(caller: Caller, job: { uploadedBy: string; department: string | null }): Decision {
  const allowed = canImport(caller);
  if (!allowed.allowed) return allowed;
  if (caller.role === 'admin' || caller.sub === job.uploadedBy) return ALLOW;
  return job.department !== null && caller.dept === job.department ? ALLOW : deny('OTHER_UPLOADER');
}

/**
 * May `caller` start a 双公示 export (the platform's view of published records, in bulk)? The
 * provincial platform it is made for, and admins; not regulators or departments, who read records
 * through the API under their own region's rules.
 */
export function canExport(caller: Caller): Decision {
  return caller.role === 'admin' || caller.role === 'platform'
    ? ALLOW
    : deny(caller.role === 'public' ? 'SIGN_IN' : 'NOT_EXCHANGE_PARTNER');
}

/** May `caller` see an export job and download its files? Its requester (same subject), and admins. */
export function canReadExport(caller: Caller, job: { requestedBy: string }): Decision {
  const allowed = canExport(caller);
  if (!allowed.allowed) return allowed;
  return caller.role === 'admin' || caller.sub === job.requestedBy ? ALLOW : deny('OTHER_REQUESTER');
}

/** Throws FORBIDDEN with the rule unless `decision` allows. */
export function assertAllowed(decision: Decision, what: string): void {
  if (!decision.allowed) throw forbidden(`${what}: ${DENIAL_MESSAGES[decision.denial]}`, { reason: decision.denial });
}

/**
 * Throws FORBIDDEN unless the caller may write the record. The message names the rule, never the
 * record's content: a refused caller learns nothing it could not read.
 */
export function assertCanWrite(caller: Caller, record: RecordFacts, what: string): void {
  const decision = canWrite(caller, record);
  if (!decision.allowed) throw forbidden(`${what}: ${DENIAL_MESSAGES[decision.denial]}`, { reason: decision.denial });
}

/**
 * For writes that address an existing record by id or number: a record the caller may not even
 * read is answered as absent (NOT_FOUND), so ids cannot be probed for unpublished records; one it
 * may read but not change is FORBIDDEN.
 */
export function assertCanChange(caller: Caller, record: RecordFacts, what: string, field: string): void {
  if (!canRead(caller, record).allowed) throw notFound(`${what} not found (记录不存在)`, { field });
  assertCanWrite(caller, record, what);
}

/** Throws FORBIDDEN unless the caller may read departments' scores over `region` (null: everywhere). */
export function assertCanReadDepartmentScores(caller: Caller, region: string | null, what: string): void {
  const decision = canReadDepartmentScores(caller, region);
  if (!decision.allowed) throw forbidden(`${what}: ${DENIAL_MESSAGES[decision.denial]}`, { reason: decision.denial });
}
