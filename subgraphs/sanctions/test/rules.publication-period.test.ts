import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  type PenaltyFacts,
  type PenaltyType,
  penaltyInForceOn,
  penaltyPublication,
  penaltyPublicOn,
  penaltyPublicUntil,
  publicationClass,
  publicationDeadlines,
  rulesWith,
  withdrawalDeadline,
} from '../src/rules/index.ts';

const rules = DEFAULT_RULES;
const threshold = rules.lowFineThreshold;

describe('publication class (市场监督管理行政处罚信息公示规定)', () => {
  it.each<[string, PenaltyType[], number | null, string]>([
    ['warning only: never published', ['WARNING'], null, 'NONE'],
    ['通报批评 only: 3 months', ['CIRCULATED_CRITICISM'], null, 'SHORT'],
    ['fine a yuan under the threshold: 3 months', ['FINE'], threshold - 1, 'SHORT'],
    ['fine at the threshold (以下 includes the amount): 3 months', ['FINE'], threshold, 'SHORT'],
    ['fine a yuan over the threshold: 3 years', ['FINE'], threshold + 1, 'LONG'],
    ['warning beside a low fine: 3 months', ['WARNING', 'FINE'], 2000, 'SHORT'],
    ['通报批评 and a low fine: 3 months', ['CIRCULATED_CRITICISM', 'FINE'], 2000, 'SHORT'],
    ['low fine with confiscation: 3 years', ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], 2000, 'LONG'],
    ['confiscation alone: 3 years', ['CONFISCATE_ILLEGAL_PROPERTY'], null, 'LONG'],
    ['licence revocation: 3 years', ['REVOKE_LICENCE'], null, 'LONG'],
    ['warning with suspension: 3 years', ['WARNING', 'SUSPEND_PRODUCTION'], null, 'LONG'],
  ])('%s', (_label, types, fine, expected) => {
    expect(publicationClass(types, fine, rules)).toBe(expected);
  });

  it('follows the configured provincial threshold', () => {
    expect(publicationClass(['FINE'], 20_000, rules)).toBe('LONG');
    expect(publicationClass(['FINE'], 20_000, rulesWith({ lowFineThreshold: 20_000 }))).toBe('SHORT');
  });
});

const penalty = (overrides: Partial<PenaltyFacts>): PenaltyFacts => ({
  penaltyTypes: ['FINE'],
  fineAmount: 5000,
  decidedOn: '2024-03-05',
  publishedOn: '2024-03-10',
  state: 'IN_FORCE',
  repairedOn: null,
  ...overrides,
});

const visibleOn = (facts: PenaltyFacts, today: string) =>
  penaltyPublication(facts, penaltyPublicUntil(facts.publishedOn, facts.penaltyTypes, facts.fineAmount, rules), today);

describe('publication period boundaries: published through the last day inclusive', () => {
  const short = penalty({});
  const long = penalty({ fineAmount: 50_000 });
  it.each([
    ['3 months: the day before the last day', short, '2024-06-09', true, null],
    ['3 months: the last day (2024-06-10)', short, '2024-06-10', true, null],
    ['3 months: the day after', short, '2024-06-11', false, 'PERIOD_ENDED'],
    ['3 years: the day before the last day', long, '2027-03-09', true, null],
    ['3 years: the last day (2027-03-10)', long, '2027-03-10', true, null],
    ['3 years: the day after', long, '2027-03-11', false, 'PERIOD_ENDED'],
    ['before publication', short, '2024-03-09', false, 'NOT_YET_PUBLISHED'],
    ['on the publication day', short, '2024-03-10', true, null],
    [
      'warning only, ever',
      penalty({ penaltyTypes: ['WARNING'], fineAmount: null, publishedOn: null }),
      '2024-03-10',
      false,
      'NEVER_PUBLISHED',
    ],
    ['revoked: withdrawn', penalty({ state: 'REVOKED' }), '2024-04-01', false, 'WITHDRAWN'],
    ['changed: still published', penalty({ state: 'CHANGED' }), '2024-04-01', true, null],
    ['repaired the day before', penalty({ state: 'REPAIRED', repairedOn: '2024-03-31' }), '2024-04-01', false, 'REPAIRED'],
    ['repaired on the day', penalty({ state: 'REPAIRED', repairedOn: '2024-04-01' }), '2024-04-01', false, 'REPAIRED'],
    ['repaired the day after (seen the day before)', penalty({ repairedOn: '2024-04-02' }), '2024-04-01', true, null],
  ] as const)('%s', (_label, facts, today, visible, reason) => {
    const publication = visibleOn(facts, today);
    expect(publication.visibleToPublic).toBe(visible);
    expect(publication.reasonHidden).toBe(reason);
  });

  it('computes the last day from the publication day, month ends clamped', () => {
    expect(penaltyPublicUntil('2023-11-30', ['FINE'], 100, rules)).toBe('2024-02-29');
    expect(penaltyPublicUntil('2024-02-29', ['FINE'], 50_000, rules)).toBe('2027-02-28');
    expect(penaltyPublicUntil(null, ['FINE'], 100, rules)).toBeNull();
    expect(penaltyPublicUntil('2024-03-10', ['WARNING'], null, rules)).toBeNull();
  });
});

describe('asOf: in force and (for the public) published on that day', () => {
  const facts = penalty({ decidedOn: '2024-03-05', publishedOn: '2024-03-10' });
  const until = '2024-06-10';
  it.each([
    ['the day before the decision', '2024-03-04', false, false],
    ['the decision day, not yet published', '2024-03-05', true, false],
    ['the publication day', '2024-03-10', true, true],
    ['the last published day', '2024-06-10', true, true],
    ['the day after publication ended', '2024-06-11', true, false],
  ] as const)('%s', (_label, day, inForce, publicOn) => {
    expect(penaltyInForceOn(facts, day)).toBe(inForce);
    expect(penaltyPublicOn(facts, until, day, '2024-12-01')).toBe(publicOn);
  });

  it('never counts a revoked decision as in force (撤销 voids it from the start)', () => {
    expect(penaltyInForceOn(penalty({ state: 'REVOKED' }), '2024-04-01')).toBe(false);
  });

  it('hides a repaired penalty from every public day, while it stays in force for regulators', () => {
    const repaired = penalty({ state: 'REPAIRED', repairedOn: '2024-10-01' });
    expect(penaltyPublicOn(repaired, until, '2024-04-01', '2024-10-01')).toBe(false);
    expect(penaltyPublicOn(repaired, until, '2024-04-01', '2024-09-30')).toBe(true);
    expect(penaltyInForceOn(repaired, '2024-04-01')).toBe(true);
  });
});

describe('publication and withdrawal deadlines in working days (official calendar with 调休)', () => {
  it('counts 7 and 20 working days after the decision', () => {
    // 2024-09-27 (Fri): National Day holiday 10-01..10-07; 09-29 (Sun) and 10-12 (Sat) are make-up working days.
    expect(publicationDeadlines('2024-09-27', rules)).toEqual({ dualPublication: '2024-10-12', national: '2024-10-30' });
  });

  it('withdraws a changed or revoked penalty within 3 working days', () => {
    // 2024-05-11 (Sat) is a make-up working day; 05-01..05-05 is the Labour Day holiday.
    expect(withdrawalDeadline('2024-05-08', rules)).toBe('2024-05-11');
    expect(withdrawalDeadline('2024-04-30', rules)).toBe('2024-05-08');
  });
});
