import { describe, expect, it } from 'vitest';
import {
  abnormalEscalationDueOn,
  abnormalListedOn,
  abnormalPublication,
  abnormalPublicOn,
  DEFAULT_RULE_BOOK,
  isDueForEscalation,
  type ListingFacts,
  seriousEarlyRemovalFrom,
  seriousListedOn,
  seriousPublication,
  seriousPublicOn,
  seriousScheduledRemoval,
} from '../src/rules/index.ts';

const rules = DEFAULT_RULE_BOOK;
const listing = (overrides: Partial<ListingFacts> = {}): ListingFacts => ({
  listedOn: '2024-03-10',
  removedOn: null,
  revokedOn: null,
  repairedOn: null,
  ...overrides,
});

describe('serious list: 3 years, removed the day after the period ends', () => {
  it('schedules removal and early removal', () => {
    expect(seriousScheduledRemoval('2024-03-10', rules)).toBe('2027-03-11');
    expect(seriousScheduledRemoval('2024-02-29', rules)).toBe('2027-03-01');
    expect(seriousEarlyRemovalFrom('2024-03-10', rules)).toBe('2025-03-11');
  });

  it.each([
    ['the day before listing', '2024-03-09', false],
    ['the listing day', '2024-03-10', true],
    ['the last listed day', '2027-03-10', true],
    ['the scheduled removal day', '2027-03-11', false],
  ])('%s (%s): listed %s', (_label, day, listed) => {
    expect(seriousListedOn(listing(), day, rules)).toBe(listed);
    expect(seriousPublication(listing(), day, rules).visibleToPublic).toBe(listed);
  });

  it('ends on an early removal day, and never was for a revoked listing', () => {
    const removed = listing({ removedOn: '2025-06-01' });
    expect(seriousListedOn(removed, '2025-05-31', rules)).toBe(true);
    expect(seriousListedOn(removed, '2025-06-01', rules)).toBe(false);
    expect(seriousListedOn(listing({ revokedOn: '2025-01-01' }), '2024-06-01', rules)).toBe(false);
  });

  it('keeps a removed entry public (with its removal) until the period ends, unless repaired', () => {
    expect(seriousPublication(listing({ removedOn: '2025-06-01' }), '2025-07-01', rules).visibleToPublic).toBe(true);
    expect(seriousPublication(listing({ removedOn: '2025-06-01', repairedOn: '2025-06-01' }), '2025-07-01', rules).reasonHidden).toBe(
      'REPAIRED',
    );
    expect(seriousPublicOn(listing({ repairedOn: '2025-06-01' }), '2024-06-01', '2025-07-01', rules)).toBe(false);
    expect(seriousListedOn(listing({ repairedOn: '2025-06-01' }), '2024-06-01', rules)).toBe(true);
  });
});

describe('abnormal list: escalation after 3 full years without cure', () => {
  it('is due from the day after the 3-year period', () => {
    expect(abnormalEscalationDueOn('2022-07-15', rules)).toBe('2025-07-16');
  });

  it.each([
    ['a day before due', '2025-07-15', false],
    ['due day', '2025-07-16', true],
    ['a day after', '2025-07-17', true],
  ])('%s', (_label, today, due) => {
    expect(isDueForEscalation(listing({ listedOn: '2022-07-15' }), today, rules)).toBe(due);
  });

  it('is never due once cured or revoked', () => {
    expect(isDueForEscalation(listing({ listedOn: '2022-07-15', removedOn: '2025-07-16' }), '2025-07-16', rules)).toBe(false);
    expect(isDueForEscalation(listing({ listedOn: '2022-07-15', removedOn: '2025-07-17' }), '2025-07-16', rules)).toBe(true);
    expect(isDueForEscalation(listing({ listedOn: '2022-07-15', revokedOn: '2023-01-01' }), '2025-07-16', rules)).toBe(false);
  });
});

describe('abnormal list publication: listing and removal public until repaired', () => {
  const removed = listing({ removedOn: '2024-09-01' });
  it.each([
    ['listed, before removal', listing(), '2024-05-01', true, null],
    ['removed: still public with its removal', removed, '2030-01-01', true, null],
    ['repaired: neither listing nor removal public', { ...removed, repairedOn: '2024-10-01' }, '2024-10-01', false, 'REPAIRED'],
    ['revoked', listing({ revokedOn: '2024-04-01' }), '2024-05-01', false, 'WITHDRAWN'],
    ['before listing', listing(), '2024-03-09', false, 'NOT_YET_PUBLISHED'],
  ] as const)('%s', (_label, facts, today, visible, reason) => {
    const publication = abnormalPublication(facts, today);
    expect(publication.visibleToPublic).toBe(visible);
    expect(publication.reasonHidden).toBe(reason);
  });

  it.each([
    ['the day before listing', '2024-03-09', false],
    ['the listing day', '2024-03-10', true],
    ['the day before removal', '2024-08-31', true],
    ['the removal day', '2024-09-01', false],
  ])('asOf %s', (_label, day, listed) => {
    expect(abnormalListedOn(removed, day)).toBe(listed);
    expect(abnormalPublicOn(removed, day, '2025-01-01')).toBe(listed);
    expect(abnormalPublicOn({ ...removed, repairedOn: '2024-12-01' }, day, '2025-01-01')).toBe(false);
  });
});
