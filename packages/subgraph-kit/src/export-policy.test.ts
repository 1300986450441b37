import { describe, expect, it } from 'vitest';
import type { Caller } from './auth/caller.ts';
import { canExport, canReadExport } from './policy.ts';

const caller = (role: Caller['role'], sub = `dev-${role}`): Caller => ({ sub, role, dept: null, region: null, scopes: [] });

describe('双公示 export access (canExport, canReadExport)', () => {
  it.each([
    ['admin', true, undefined],
    ['platform', true, undefined],
    ['regulator', false, 'NOT_EXCHANGE_PARTNER'],
    ['analyst', false, 'NOT_EXCHANGE_PARTNER'],
    ['department', false, 'NOT_EXCHANGE_PARTNER'],
    ['service', false, 'NOT_EXCHANGE_PARTNER'],
    ['public', false, 'SIGN_IN'],
  ] as const)('%s may start an export: %s', (role, allowed, denial) => {
    expect(canExport(caller(role))).toEqual(allowed ? { allowed } : { allowed, denial });
  });

  it('files go to the requester and admins only', () => {
    const job = { requestedBy: 'platform-fj' };
    expect(canReadExport(caller('platform', 'platform-fj'), job).allowed).toBe(true);
    expect(canReadExport(caller('admin'), job).allowed).toBe(true);
    expect(canReadExport(caller('platform', 'platform-other'), job)).toEqual({ allowed: false, denial: 'OTHER_REQUESTER' });
    expect(canReadExport(caller('regulator', 'platform-fj'), job)).toEqual({ allowed: false, denial: 'NOT_EXCHANGE_PARTNER' });
  });
});
