import { regionCovers } from '@credit-hub/uscc';

/** Roles of ARCHITECTURE.md; `public` is the anonymous caller the gateway vouches for. */
export const ROLES = ['public', 'regulator', 'analyst', 'platform', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const TOKEN_ROLES = ['regulator', 'analyst', 'platform', 'admin'] as const;

export interface Caller {
  sub: string;
  role: Role;
  /** Department code (谁产生、谁负责: a regulator writes only what its department produced). */
  dept: string | null;
  /** 6-digit division code the caller may see and write; 140000 covers all of Shanxi. */
  region: string | null;
  scopes: string[];
}

export const ANONYMOUS: Caller = { sub: 'anonymous', role: 'public', dept: null, region: null, scopes: [] };

/** Sees everything about records in `region`, including unpublished records and internal fields. */
export function callerSeesRegion(caller: Caller, region: string | null | undefined): boolean {
  if (caller.role === 'admin' || caller.role === 'analyst') return true;
  if (caller.role !== 'regulator' || !caller.region || !region) return false;
  return regionCovers(caller.region, region);
}

/** May write records located in `region` (regulators only inside their own region). */
export function callerWritesRegion(caller: Caller, region: string | null | undefined): boolean {
  if (caller.role === 'admin') return true;
  if (caller.role !== 'regulator' || !caller.region || !region) return false;
  return regionCovers(caller.region, region);
}

/** Produced-by rule: a regulator changes only records its own department produced. */
export function callerOwnsDepartment(caller: Caller, department: string | null | undefined): boolean {
  if (caller.role === 'admin') return true;
  return caller.role === 'regulator' && !!caller.dept && caller.dept === department;
}

/** Supervision-only data (credit risk, internal notes): never for the public or the platform. */
export function callerIsSupervisor(caller: Caller): boolean {
  return caller.role === 'regulator' || caller.role === 'analyst' || caller.role === 'admin';
}
