import { describe, expect, it } from 'vitest';
import { DEFAULT_LICENSE_RULES } from '../src/rules/config.ts';
import { publicationOf } from '../src/rules/publication-rules.ts';

const rules = DEFAULT_LICENSE_RULES;

describe('publication deadlines in working days of the official calendar', () => {
  it.each([
    // Tue 29 Sep 2026: 30 Sep (1), 1–7 Oct National Day, 8 (2), 9 (3), Sat 10 Oct make-up (4), 12–14 (5–7).
    ['2026-09-29', '2026-10-14', 'National Day with the Saturday make-up day'],
    // Fri 18 Sep: Sun 20 Sep make-up (1), 21–24 (2–5), 25–27 Mid-Autumn, 28 (6), 29 (7).
    ['2026-09-18', '2026-09-29', 'Sunday make-up day and Mid-Autumn before National Day'],
    // Tue 10 Feb: 11–13 (3), Sat 14 make-up (4), 15–23 Spring Festival, 24 (5), 25 (6), 26 (7).
    ['2026-02-10', '2026-02-26', 'Spring Festival'],
    ['2026-11-16', '2026-11-25', 'ordinary weeks'],
  ])('双公示 deadline after %s is %s (%s)', (decidedOn, deadline) => {
    expect(publicationOf(decidedOn, null, decidedOn, rules).dualPublicationDeadline).toBe(deadline);
  });

  it.each([
    // 30 Sep (1), 8–10 Oct (2–4, Sat 10 a make-up day), 12–16 (5–9), 19–23 (10–14), 26–30 (15–19), Mon 2 Nov (20).
    ['2026-09-29', '2026-11-02'],
    // Tue 10 Feb 2026 + 20 working days, across Spring Festival and both make-up Saturdays.
    ['2026-02-10', '2026-03-16'],
  ])('national publicity deadline after %s is %s', (decidedOn, deadline) => {
    expect(publicationOf(decidedOn, null, decidedOn, rules).nationalPublicationDeadline).toBe(deadline);
  });

  it.each<[string | null, string | null, boolean, boolean, string]>([
    ['2026-10-14', null, false, false, 'published on the last day'],
    ['2026-10-08', null, false, false, 'published on 8 Oct, which plain Mon–Fri counting calls the deadline'],
    ['2026-10-15', null, true, false, 'published a day late for 双公示'],
    ['2026-10-30', null, true, false, 'published late for 双公示, in time for the publicity system'],
    ['2026-11-03', null, true, true, 'published after both deadlines'],
    [null, '2026-10-14', false, false, 'unpublished, deadline is today'],
    [null, '2026-10-15', true, false, 'unpublished past the 双公示 deadline'],
    [null, '2026-11-21', true, true, 'unpublished past both'],
  ])('decided 29 Sep: published %s, today %s → late %s / %s (%s)', (publishedOn, today, lateDouble, lateNational) => {
    const publication = publicationOf('2026-09-29', publishedOn, today ?? '2026-11-21', rules);
    expect(publication.lateForDualPublication).toBe(lateDouble);
    expect(publication.lateForNationalPublication).toBe(lateNational);
    expect(publication.calendarCovered).toBe(true);
  });

  it('honours configured day counts and flags years the official table does not cover', () => {
    expect(publicationOf('2026-09-29', null, '2026-09-29', { ...rules, dualPublicationWorkingDays: 1 }).dualPublicationDeadline).toBe(
      '2026-09-30',
    );
    expect(publicationOf('2099-06-01', null, '2099-06-01', rules).calendarCovered).toBe(false);
  });
});
