import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_BOOK,
  type PenaltyType,
  penaltyPublicUntil,
  type RepairContext,
  type RepairSubject,
  repairEligibility,
  type SanctionDomain,
} from '../src/rules/index.ts';

const rules = DEFAULT_RULE_BOOK;

function penalty(
  overrides: {
    types?: PenaltyType[];
    fine?: string;
    domain?: SanctionDomain;
    publishedOn?: string | null;
    restrictionMonths?: number;
  } = {},
): RepairSubject {
  const types = overrides.types ?? ['FINE', 'CONFISCATE_ILLEGAL_GAINS'];
  const publishedOn = overrides.publishedOn === undefined ? '2024-03-10' : overrides.publishedOn;
  const facts = {
    penaltyTypes: types,
    fineAmount: types.includes('FINE') ? (overrides.fine ?? '50000') : null,
    decidedOn: '2024-03-05',
    // Fujian: the province with a lower-fine threshold in the rules.
    regionCode: '350102',
    procedure: 'ORDINARY' as const,
    partyType: 'ORGANISATION' as const,
    restrictionMonths: overrides.restrictionMonths ?? null,
    withheldReason: null,
  };
  return {
    kind: 'PENALTY',
    ...facts,
    caseDomain: overrides.domain ?? 'CONSUMER_RIGHTS',
    publishedOn,
    publicUntil: penaltyPublicUntil(facts, publishedOn, rules),
    state: 'IN_FORCE',
    repairedOn: null,
  };
}

const check = (subject: RepairSubject, today: string, obligationsFulfilled = true, extras: Partial<RepairContext> = {}) =>
  repairEligibility(subject, { today, obligationsFulfilled, ...extras }, rules);

describe('penalty repair: minimum publication (6 months; 1 year in food, drug, special equipment)', () => {
  it.each([
    ['6 months: the last day of the minimum', 'CONSUMER_RIGHTS', '2024-09-10', false, '2024-09-11'],
    ['6 months: the first day after it', 'CONSUMER_RIGHTS', '2024-09-11', true, '2024-09-11'],
    ['6 months: a day later', 'CONSUMER_RIGHTS', '2024-09-12', true, '2024-09-11'],
    ['food: a day before a full year', 'FOOD', '2025-03-10', false, '2025-03-11'],
    ['food: a full year', 'FOOD', '2025-03-11', true, '2025-03-11'],
    ['drug: a day before a full year', 'DRUG', '2025-03-10', false, '2025-03-11'],
    ['drug: a full year', 'DRUG', '2025-03-11', true, '2025-03-11'],
    ['cosmetics: the last day of 6 months', 'COSMETICS', '2024-09-10', false, '2024-09-11'],
    ['cosmetics: 6 months are enough (not a key domain)', 'COSMETICS', '2024-09-11', true, '2024-09-11'],
    ['medical device: the last day of 6 months', 'MEDICAL_DEVICE', '2024-09-10', false, '2024-09-11'],
    ['medical device: 6 months are enough', 'MEDICAL_DEVICE', '2024-09-11', true, '2024-09-11'],
    ['special equipment: 6 months is not enough', 'SPECIAL_EQUIPMENT', '2024-09-11', false, '2025-03-11'],
    ['special equipment: a full year', 'SPECIAL_EQUIPMENT', '2025-03-11', true, '2025-03-11'],
  ] as const)('%s', (_label, domain, today, eligible, from) => {
    const result = check(penalty({ domain }), today);
    expect(result.eligible).toBe(eligible);
    expect(result.eligibleFrom).toBe(from);
    expect(result.reasons).toEqual(eligible ? [] : ['MINIMUM_PERIOD_NOT_MET']);
  });

  it('stops being repairable once publication has ended (nothing left to stop)', () => {
    expect(check(penalty(), '2027-03-10').eligible).toBe(true);
    expect(check(penalty(), '2027-03-11').reasons).toEqual(['PUBLICATION_ENDED']);
  });

  it('never makes a 3-month penalty eligible: its publication ends before the minimum', () => {
    const short = penalty({ types: ['FINE'], fine: '2000' });
    expect(check(short, '2024-06-10')).toMatchObject({ eligible: false, eligibleFrom: null, reasons: ['MINIMUM_PERIOD_NOT_MET'] });
    expect(check(short, '2024-09-11').reasons).toEqual(['PUBLICATION_ENDED']);
  });

  it.each<[PenaltyType]>([
    ['SUSPEND_PRODUCTION'],
    ['RESTRICT_OPERATION'],
    ['RESTRICT_EMPLOYMENT'],
    ['DOWNGRADE_QUALIFICATION'],
    ['REVOKE_LICENCE'],
  ])('never repairs %s', (excluded) => {
    const result = check(penalty({ types: ['FINE', excluded] }), '2025-06-01');
    expect(result.eligible).toBe(false);
    expect(result.eligibleFrom).toBeNull();
    expect(result.reasons).toContain('EXCLUDED_PENALTY_TYPE');
  });

  it.each<[PenaltyType]>([['ORDER_CLOSURE'], ['SUSPEND_LICENCE'], ['CONFISCATE_ILLEGAL_PROPERTY']])('allows %s (not excluded)', (type) => {
    expect(check(penalty({ types: [type] }), '2025-06-01').eligible).toBe(true);
  });

  it('has nothing to repair for a warning-only decision', () => {
    expect(check(penalty({ types: ['WARNING'], publishedOn: null }), '2025-06-01')).toMatchObject({
      eligible: false,
      eligibleFrom: null,
      reasons: ['NEVER_PUBLISHED'],
    });
  });

  it('requires the obligations of the decision fulfilled', () => {
    expect(check(penalty(), '2025-06-01', false).reasons).toEqual(['OBLIGATIONS_NOT_FULFILLED']);
  });

  it.each([
    ['no later same-kind penalty, not listed', {}, []],
    ['a later penalty for the same kind of violation', { laterSameKindPenalty: '闽市监处罚〔2025〕9号' }, ['LATER_SAME_KIND_PENALTY']],
    ['on the abnormal operations list today', { listedAbnormal: true }, ['LISTED_ABNORMAL']],
    ['on the serious violation list today', { listedSerious: true }, ['LISTED_SERIOUS']],
  ] as const)('checks the other conditions (第十四–十六条): %s', (_label, extras, reasons) => {
    expect(check(penalty(), '2025-06-01', true, extras).reasons).toEqual(reasons);
  });

  it('never repairs a 5-year employment restriction, and says it is still running', () => {
    const restricted = penalty({ types: ['RESTRICT_EMPLOYMENT', 'FINE'], restrictionMonths: 60 });
    expect(restricted.kind === 'PENALTY' && restricted.publicUntil).toBe('2029-03-10');
    expect(check(restricted, '2029-03-05').reasons).toEqual(['EXCLUDED_PENALTY_TYPE', 'RESTRICTION_IN_FORCE']);
    expect(check(restricted, '2029-03-06').reasons).toEqual(['EXCLUDED_PENALTY_TYPE']);
    expect(check(restricted, '2029-03-06').eligibleFromExplanation?.rule.code).toBe('PENALTY_REPAIR_EXCLUDED_TYPES');
  });

  it('explains the first repair day with its rule and article', () => {
    const food = check(penalty({ domain: 'FOOD' }), '2025-03-11');
    expect(food.eligibleFromExplanation).toMatchObject({
      date: '2025-03-11',
      rule: { code: 'PENALTY_REPAIR_WAIT_KEY_DOMAINS', value: 12, effectiveFrom: '2021-09-01' },
      provisional: false,
    });
    expect(check(penalty({ domain: 'COSMETICS' }), '2025-03-11').eligibleFromExplanation?.rule.code).toBe('PENALTY_REPAIR_WAIT');
  });

  it('refuses revoked and already repaired penalties', () => {
    const base = penalty();
    expect(check({ ...base, state: 'REVOKED' } as RepairSubject, '2025-06-01').reasons).toEqual(['REVOKED']);
    expect(check({ ...base, state: 'REPAIRED', repairedOn: '2025-01-01' } as RepairSubject, '2025-06-01').reasons).toEqual([
      'ALREADY_REPAIRED',
    ]);
  });
});

describe('abnormal-operations repair: the cause must be cured (listing removed)', () => {
  const listing = { kind: 'ABNORMAL_OPERATION' as const, listedOn: '2024-07-15', removedOn: null, revokedOn: null, repairedOn: null };
  it.each([
    ['still listed', { ...listing }, '2025-01-01', false, ['CAUSE_NOT_CURED']],
    ['removed the day after today', { ...listing, removedOn: '2025-01-02' }, '2025-01-01', false, ['CAUSE_NOT_CURED']],
    ['removed today', { ...listing, removedOn: '2025-01-01' }, '2025-01-01', true, []],
    ['removed and repaired', { ...listing, removedOn: '2025-01-01', repairedOn: '2025-02-01' }, '2025-03-01', false, ['ALREADY_REPAIRED']],
    ['revoked', { ...listing, revokedOn: '2024-08-01' }, '2025-03-01', false, ['REVOKED']],
  ] as const)('%s', (_label, subject, today, eligible, reasons) => {
    const result = check(subject as RepairSubject, today);
    expect(result.eligible).toBe(eligible);
    expect(result.reasons).toEqual(reasons);
  });
});

describe('serious-list repair: a full year listed, obligations fulfilled, still within the period', () => {
  const listing = { kind: 'SERIOUS_VIOLATION' as const, listedOn: '2024-02-29', removedOn: null, revokedOn: null, repairedOn: null };
  it.each([
    ['the last day of the first year (2025-02-28)', '2025-02-28', false, ['MINIMUM_PERIOD_NOT_MET']],
    ['the first day after a full year', '2025-03-01', true, []],
    ['the last listed day (2027-02-28)', '2027-02-28', true, []],
    ['after the 3-year period', '2027-03-01', false, ['PUBLICATION_ENDED']],
  ] as const)('%s', (_label, today, eligible, reasons) => {
    const result = check(listing, today);
    expect(result.eligible).toBe(eligible);
    expect(result.eligibleFrom).toBe('2025-03-01');
    expect(result.reasons).toEqual(reasons);
  });

  it('requires obligations fulfilled', () => {
    expect(check(listing, '2025-06-01', false).reasons).toEqual(['OBLIGATIONS_NOT_FULFILLED']);
  });
});
