import { describe, expect, it } from 'vitest';
import type { Caller, Role } from './auth/caller.ts';
import { canImport, canReadImport } from './policy.ts';

const caller = (role: Role, sub: string, dept: string | null): Caller => ({ sub, role, dept, region: '140000', scopes: [] });
const job = { uploadedBy: 'alice', department: 'ZFJC' };

describe('import jobs in the policy', () => {
  it('uploads: admins and regulators with a department; read-only roles and the public never', () => {
    expect(canImport(caller('admin', 'root', null))).toEqual({ allowed: true });
    expect(canImport(caller('regulator', 'alice', 'ZFJC'))).toEqual({ allowed: true });
    expect(canImport(caller('regulator', 'nobody', null))).toEqual({ allowed: false, denial: 'NO_DEPARTMENT' });
    for (const role of ['analyst', 'platform', 'department'] as const)
      expect(canImport(caller(role, role, 'ZFJC'))).toEqual({ allowed: false, denial: 'READ_ONLY_ROLE' });
    expect(canImport(caller('public', 'anonymous', null))).toEqual({ allowed: false, denial: 'SIGN_IN' });
  });

  it('a job is seen by its uploader, the uploader’s department and admins, decided on the job’s recorded facts', () => {
    expect(canReadImport(caller('regulator', 'alice', 'ZFJC'), job).allowed).toBe(true);
    expect(canReadImport(caller('regulator', 'bob', 'ZFJC'), job).allowed).toBe(true);
    expect(canReadImport(caller('admin', 'root', null), job).allowed).toBe(true);
    expect(canReadImport(caller('regulator', 'carol', 'TSSB'), job)).toEqual({ allowed: false, denial: 'OTHER_UPLOADER' });
    // An admin's job (no department) is the admin's own and other admins'.
    expect(canReadImport(caller('regulator', 'bob', 'ZFJC'), { uploadedBy: 'root', department: null }).allowed).toBe(false);
    expect(canReadImport(caller('analyst', 'alice', 'ZFJC'), job).allowed).toBe(false);
  });
});
