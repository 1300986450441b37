import { describe, expect, it } from 'vitest';
import type { Caller, Role } from './auth/caller.ts';
import { assertCanChange, assertCanWrite, canRead, canReadDepartmentScores, canWrite, type Decision, type RecordFacts } from './policy.ts';

/**
 * The whole policy as a table: every role × own/other department × own/other region ×
 * published/unpublished. A regulator of Yuncheng (140800) in department ZFJC is "own"; the record
 * is in Yancheng district (140802) or in Fuzhou, Fujian (350102).
 */
const OWN_REGION = '140802';
const OTHER_REGION = '350102';
const OWN_DEPT = 'ZFJC';
const OTHER_DEPT = 'SPSC';

const callerOf = (role: Role): Caller => ({
  sub: role,
  role,
  dept: role === 'regulator' || role === 'department' ? OWN_DEPT : null,
  region: role === 'regulator' || role === 'department' ? '140800' : null,
  scopes: [],
});

type Row = [Role, 'own' | 'other', 'own' | 'other', boolean, boolean, boolean];

// role, department, region, published → may read, may write
const TABLE: Row[] = [];
const expectation: Record<Role, (dept: 'own' | 'other', region: 'own' | 'other', published: boolean) => [boolean, boolean]> = {
  public: (_d, _r, published) => [published, false],
  department: (_d, _r, published) => [published, false],
  platform: (_d, _r, published) => [published, false],
  analyst: () => [true, false],
  service: () => [true, false],
  admin: () => [true, true],
  regulator: (dept, region, published) => [region === 'own' || published, region === 'own' && dept === 'own'],
};
for (const role of Object.keys(expectation) as Role[]) {
  for (const dept of ['own', 'other'] as const) {
    for (const region of ['own', 'other'] as const) {
      for (const published of [true, false]) {
        const [read, write] = expectation[role](dept, region, published);
        TABLE.push([role, dept, region, published, read, write]);
      }
    }
  }
}

const factsOf = (dept: 'own' | 'other', region: 'own' | 'other', published: boolean): RecordFacts => ({
  owner: dept === 'own' ? OWN_DEPT : OTHER_DEPT,
  region: region === 'own' ? OWN_REGION : OTHER_REGION,
  published,
});

const allowed = (decision: Decision) => decision.allowed;

describe('access policy', () => {
  it('covers every role × department × region × publication state', () => {
    expect(TABLE).toHaveLength(7 * 2 * 2 * 2);
  });

  it.each(TABLE)('%s, %s department, %s region, published %s → read %s, write %s', (role, dept, region, published, read, write) => {
    const caller = callerOf(role);
    const facts = factsOf(dept, region, published);
    expect(allowed(canRead(caller, facts))).toBe(read);
    expect(allowed(canWrite(caller, facts))).toBe(write);
  });

  it('keeps supervision-only data from the public and the platform, published or not', () => {
    const facts: RecordFacts = { region: OWN_REGION, owner: null, published: true, supervisionOnly: true };
    expect(canRead(callerOf('public'), facts)).toEqual({ allowed: false, denial: 'SIGN_IN' });
    expect(canRead(callerOf('platform'), facts)).toEqual({ allowed: false, denial: 'SUPERVISION_ONLY' });
    expect(allowed(canRead(callerOf('regulator'), facts))).toBe(true);
    expect(allowed(canRead(callerOf('regulator'), { ...facts, region: OTHER_REGION }))).toBe(false);
    expect(allowed(canRead(callerOf('analyst'), facts))).toBe(true);
    expect(canRead(callerOf('department'), facts)).toEqual({ allowed: false, denial: 'SUPERVISION_ONLY' });
  });

  it('shares what is marked for joint supervision with related departments of the region only', () => {
    const riskClass: RecordFacts = {
      region: OWN_REGION,
      owner: null,
      published: false,
      supervisionOnly: true,
      sharedWithDepartments: true,
    };
    expect(allowed(canRead(callerOf('department'), riskClass))).toBe(true);
    expect(canRead(callerOf('department'), { ...riskClass, region: OTHER_REGION })).toEqual({ allowed: false, denial: 'OUTSIDE_REGION' });
    expect(allowed(canRead(callerOf('platform'), riskClass))).toBe(false);
    expect(allowed(canRead(callerOf('public'), riskClass))).toBe(false);
    expect(canWrite(callerOf('department'), riskClass)).toEqual({ allowed: false, denial: 'READ_ONLY_ROLE' });
  });

  it('lets a province-level regulator write anywhere in the province, and a county one only in its county', () => {
    const province: Caller = { ...callerOf('regulator'), region: '140000' };
    const county: Caller = { ...callerOf('regulator'), region: '140802' };
    const inCity = { region: '140821', owner: OWN_DEPT, published: false };
    expect(allowed(canWrite(province, inCity))).toBe(true);
    expect(allowed(canWrite(county, inCity))).toBe(false);
  });

  it('accepts one of several owning departments (master data kept by the registration departments)', () => {
    const master: RecordFacts = { region: OWN_REGION, owner: ['DJZC', 'DJZC2'], published: true };
    expect(allowed(canWrite({ ...callerOf('regulator'), dept: 'DJZC2' }, master))).toBe(true);
    expect(canWrite(callerOf('regulator'), master)).toEqual({ allowed: false, denial: 'OTHER_DEPARTMENT' });
  });

  it('fails closed on missing facts: no region, no owner, no department in the token', () => {
    const regulator = callerOf('regulator');
    expect(canWrite(regulator, { region: null, owner: OWN_DEPT, published: false })).toEqual({ allowed: false, denial: 'OUTSIDE_REGION' });
    expect(canWrite(regulator, { region: OWN_REGION, owner: null, published: false })).toEqual({
      allowed: false,
      denial: 'OTHER_DEPARTMENT',
    });
    expect(canWrite({ ...regulator, dept: null }, { region: OWN_REGION, owner: OWN_DEPT, published: false })).toEqual({
      allowed: false,
      denial: 'NO_DEPARTMENT',
    });
    expect(allowed(canRead({ ...regulator, region: null }, { region: OWN_REGION, owner: null, published: false }))).toBe(false);
  });

  it('refuses with FORBIDDEN naming the rule, never the record', () => {
    const facts = factsOf('other', 'own', true);
    expect(() => assertCanWrite(callerOf('regulator'), facts, 'penalty 12')).toThrowError(/penalty 12: another department/);
    try {
      assertCanWrite(callerOf('regulator'), facts, 'penalty 12');
    } catch (error) {
      expect((error as { extensions: unknown }).extensions).toEqual({ code: 'FORBIDDEN', reason: 'OTHER_DEPARTMENT' });
    }
  });

  it('answers NOT_FOUND for a record the caller may not even read, so ids cannot be probed', () => {
    const hidden = factsOf('own', 'other', false);
    expect(() => assertCanChange(callerOf('regulator'), hidden, 'penalty 12', 'id')).toThrowError(/not found/);
    const visible = factsOf('own', 'other', true);
    expect(() => assertCanChange(callerOf('regulator'), visible, 'penalty 12', 'id')).toThrowError(/outside your region/);
  });

  it("gives departments' scores (双公示 timeliness) to analysts everywhere and regulators over their own region only", () => {
    const scores = (role: Role, region: string | null) => canReadDepartmentScores(callerOf(role), region).allowed;
    for (const role of ['analyst', 'admin', 'service'] as const) expect(scores(role, null), role).toBe(true);
    expect(scores('regulator', '140800')).toBe(true);
    expect(scores('regulator', OWN_REGION)).toBe(true);
    expect(scores('regulator', '140000')).toBe(false);
    expect(scores('regulator', null)).toBe(false);
    for (const role of ['public', 'platform', 'department'] as const) expect(scores(role, '140800'), role).toBe(false);
  });
});
