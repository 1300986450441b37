import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_BOOK,
  maskIdNumber,
  type PartyType,
  type PenaltyRecordFacts,
  type PenaltyType,
  penaltyInForceOn,
  penaltyPublication,
  penaltyPublicOn,
  penaltyPublicUntil,
  penaltyPublicUntilExplained,
  publicationClass,
  publicationDeadlines,
  RuleBook,
  withdrawalDeadline,
} from '../src/rules/index.ts';

const rules = DEFAULT_RULE_BOOK;
const FUJIAN = '350102';
const SHANXI = '140802';

const penalty = (overrides: Partial<PenaltyRecordFacts> = {}): PenaltyRecordFacts => ({
  penaltyTypes: ['FINE'],
  fineAmount: '2000',
  decidedOn: '2024-03-05',
  regionCode: FUJIAN,
  procedure: 'ORDINARY',
  partyType: 'ORGANISATION',
  restrictionMonths: null,
  withheldReason: null,
  publishedOn: '2024-03-10',
  state: 'IN_FORCE',
  repairedOn: null,
  ...overrides,
});

describe('publication class (市场监督管理行政处罚信息公示规定 第二条, 第十三条)', () => {
  it.each<[string, PenaltyType[], string | null, string]>([
    ['warning only: never published', ['WARNING'], null, 'NONE'],
    ['通报批评 only: 3 months', ['CIRCULATED_CRITICISM'], null, 'SHORT'],
    ['warning beside a lower fine: 3 months', ['WARNING', 'FINE'], '2000', 'SHORT'],
    ['通报批评 and a lower fine: 3 months', ['CIRCULATED_CRITICISM', 'FINE'], '2000', 'SHORT'],
    ['lower fine with confiscation: 3 years', ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], '2000', 'LONG'],
    ['confiscation alone: 3 years', ['CONFISCATE_ILLEGAL_PROPERTY'], null, 'LONG'],
    ['licence revocation: 3 years', ['REVOKE_LICENCE'], null, 'LONG'],
    ['warning with suspension: 3 years', ['WARNING', 'SUSPEND_PRODUCTION'], null, 'LONG'],
  ])('%s', (_label, types, fine, expected) => {
    expect(publicationClass(penalty({ penaltyTypes: types, fineAmount: fine }), rules)).toBe(expected);
  });

  it.each<[PartyType, string, string]>([
    // 闽市监规〔2024〕3号: strictly below 5 000 yuan for natural persons, 50 000 for organisations.
    ['NATURAL_PERSON', '4999.99', 'SHORT'],
    ['NATURAL_PERSON', '5000', 'LONG'],
    ['INDIVIDUAL_BUSINESS_SINGLE', '4999', 'SHORT'],
    ['INDIVIDUAL_BUSINESS_SINGLE', '5000.00', 'LONG'],
    ['ORGANISATION', '4999', 'SHORT'],
    ['ORGANISATION', '5000', 'SHORT'],
    ['ORGANISATION', '49999', 'SHORT'],
    ['ORGANISATION', '49999.99', 'SHORT'],
    ['ORGANISATION', '50000', 'LONG'],
  ])('Fujian lower fine: %s fined %s yuan → %s', (partyType, fine, expected) => {
    expect(publicationClass(penalty({ partyType, fineAmount: fine }), rules)).toBe(expected);
  });

  it('judges a fine decided before Fujian’s threshold took effect by the rules then (no threshold: 3 years)', () => {
    expect(publicationClass(penalty({ decidedOn: '2023-12-31', fineAmount: '100' }), rules)).toBe('LONG');
    expect(publicationClass(penalty({ decidedOn: '2024-01-01', fineAmount: '100' }), rules)).toBe('SHORT');
  });

  it('takes the safe reading where the province set no threshold, and says so', () => {
    const shanxi = penalty({ regionCode: SHANXI, fineAmount: '100' });
    expect(publicationClass(shanxi, rules)).toBe('LONG');
    const explained = penaltyPublicUntilExplained(shanxi, shanxi.publishedOn, rules);
    expect(explained).toMatchObject({ date: '2027-03-10', rule: { code: 'PENALTY_PUBLICATION_LONG', citation: { article: '第十三条' } } });
    expect(explained.note).toContain('No lower-fine threshold for province 14');
  });

  it('follows a threshold another province configures as a new rule version', () => {
    const configured = new RuleBook().with([
      {
        code: 'PENALTY_LOWER_FINE_ORGANISATION',
        title: 'test',
        value: '20000',
        unit: 'YUAN',
        citation: { document: '晋市监规（测试）', article: null },
        effectiveFrom: '2024-01-01',
        province: '14',
        note: null,
      },
    ]);
    expect(publicationClass(penalty({ regionCode: SHANXI, fineAmount: '19999.99' }), configured)).toBe('SHORT');
    expect(publicationClass(penalty({ regionCode: SHANXI, fineAmount: '20000' }), configured)).toBe('LONG');
  });

  it('never publishes a simple-procedure fine, nor a decision withheld by approval', () => {
    expect(publicationClass(penalty({ procedure: 'SIMPLE', fineAmount: '200' }), rules)).toBe('NONE');
    expect(penaltyPublicUntilExplained(penalty({ procedure: 'SIMPLE' }), '2024-03-10', rules)).toMatchObject({
      date: null,
      rule: { code: 'PENALTY_PUBLISHED_PROCEDURE', citation: { article: '第二条' } },
    });
    const withheld = penalty({ withheldReason: '涉及国家秘密', publishedOn: null });
    expect(publicationClass(withheld, rules)).toBe('NONE');
    expect(penaltyPublication(withheld, null, '2024-04-01').reasonHidden).toBe('WITHHELD');
    expect(penaltyPublication(penalty({ procedure: 'SIMPLE', publishedOn: null }), null, '2024-04-01').reasonHidden).toBe(
      'NEVER_PUBLISHED',
    );
  });

  it.each([
    ['3-year restriction: 3 years', 36, '2027-03-10'],
    ['37-month restriction: its length', 37, '2027-04-10'],
    ['5-year employment restriction: 5 years', 60, '2029-03-10'],
    ['1-year restriction: still 3 years', 12, '2027-03-10'],
  ] as const)('restriction longer than 3 years is published for its length: %s', (_label, months, until) => {
    const restricted = penalty({ penaltyTypes: ['RESTRICT_EMPLOYMENT', 'FINE'], fineAmount: '100000', restrictionMonths: months });
    expect(penaltyPublicUntil(restricted, '2024-03-10', rules)).toBe(until);
  });
});

const visibleOn = (facts: PenaltyRecordFacts, today: string) =>
  penaltyPublication(facts, penaltyPublicUntil(facts, facts.publishedOn, rules), today);

describe('publication period boundaries: published through the last day inclusive', () => {
  const short = penalty({});
  const long = penalty({ fineAmount: '50000' });
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
    expect(penaltyPublicUntil(penalty({ fineAmount: '100' }), '2023-11-30', rules)).toBe('2024-02-29');
    expect(penaltyPublicUntil(penalty({ fineAmount: '50000' }), '2024-02-29', rules)).toBe('2027-02-28');
    expect(penaltyPublicUntil(penalty({ fineAmount: '100' }), null, rules)).toBeNull();
    expect(penaltyPublicUntil(penalty({ penaltyTypes: ['WARNING'], fineAmount: null }), '2024-03-10', rules)).toBeNull();
  });

  it('cites 第十三条 for the period', () => {
    expect(penaltyPublicUntilExplained(short, short.publishedOn, rules).rule).toMatchObject({
      code: 'PENALTY_PUBLICATION_SHORT',
      value: 3,
      citation: { article: '第十三条' },
      effectiveFrom: '2021-09-01',
    });
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
  it('counts 7 and 20 working days after the decision, citing their sources', () => {
    // 2024-09-27 (Fri): National Day holiday 10-01..10-07; 09-29 (Sun) and 10-12 (Sat) are make-up working days.
    const deadlines = publicationDeadlines('2024-09-27', rules);
    expect(deadlines.dualPublication).toMatchObject({
      date: '2024-10-12',
      provisional: false,
      rule: { code: 'DUAL_PUBLICATION_DEADLINE' },
    });
    expect(deadlines.national).toMatchObject({ date: '2024-10-30', provisional: false, rule: { citation: { article: '第六条' } } });
  });

  it('marks a deadline counted into 2027 as provisional (the 2027 holiday notice is not loaded)', () => {
    const deadlines = publicationDeadlines('2026-12-24', rules);
    // Monday–Friday counting takes 1 Jan 2027 (New Year's Day in every year) as a working day: hence provisional.
    expect(deadlines.dualPublication).toMatchObject({ date: '2027-01-04', provisional: true });
    expect(deadlines.dualPublication.note).toContain('2027');
    expect(publicationDeadlines('2026-12-01', rules).dualPublication.provisional).toBe(false);
  });

  it('withdraws a changed or revoked penalty within 3 working days', () => {
    // 2024-05-11 (Sat) is a make-up working day; 05-01..05-05 is the Labour Day holiday.
    expect(withdrawalDeadline('2024-05-08', rules).date).toBe('2024-05-11');
    expect(withdrawalDeadline('2024-04-30', rules).date).toBe('2024-05-08');
  });
});

describe('publication exceptions (第五–六条)', () => {
  it('masks a natural person’s ID number: region digits and last 4 kept', () => {
    expect(maskIdNumber('35010219800101123X')).toBe('350102********123X');
    expect(maskIdNumber('12345')).toBe('*****');
  });
});
