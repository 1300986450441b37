/**
 * Roles of ARCHITECTURE.md; `public` is the anonymous caller the gateway vouches for, `service` a
 * hub service reading another's data (e.g. an enterprise's registered region) with a token signed
 * by the gateway secret.
 */
export const ROLES = ['public', 'regulator', 'analyst', 'platform', 'admin', 'department', 'service'] as const;
export type Role = (typeof ROLES)[number];
/**
 * Roles a caller's token may carry. `department` is a related department (tax, procurement, human
 * resources…) that reads, within its region, what is shared with it for joint supervision.
 */
export const TOKEN_ROLES = ['regulator', 'analyst', 'platform', 'admin', 'department'] as const;

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
