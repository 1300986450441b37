import { describe, expect, it } from 'vitest';
import type { Caller } from './auth/caller.ts';
import { timelinessCalendar, timelinessScope } from './publication-timeliness.ts';
import { computedDate, type RuleVersion } from './rules.ts';

const analyst: Caller = { sub: 'a', role: 'analyst', dept: null, region: null, scopes: [] };
const RULE: RuleVersion = {
  code: 'DUAL_PUBLICATION_DEADLINE',
  title: '双公示',
  value: 7,
  unit: 'WORKING_DAYS',
  citation: { document: '国市监信发〔2022〕6号', article: null },
  effectiveFrom: '2022-01-01',
  province: null,
  note: null,
};

describe('publication timeliness scope and calendar', () => {
  it('defaults to the first of the month a year back, today, and every region for an analyst', () => {
    expect(timelinessScope(analyst, {}, '2026-11-21')).toEqual({
      from: '2025-11-01',
      to: '2026-11-21',
      today: '2026-11-21',
      regionPrefix: null,
    });
    expect(timelinessScope(analyst, { regionPrefix: '140800' }, '2026-11-21').regionPrefix).toBe('1408');
  });

  it('counts working days by the official calendar: holidays out, 调休 Saturdays in', () => {
    // 30 Sep (Wed) working; 1–7 Oct National Day; 8, 9 Oct working; Sat 10 Oct a make-up working day.
    const scope = { from: '2026-09-30', to: '2026-10-01', today: '2026-10-10', regionPrefix: null };
    const calendar = timelinessCalendar(scope, (day) => computedDate(`${day}x`, RULE));
    expect(calendar.ordinals).toBe('{1,1,1,1,1,1,1,1,2,3,4}');
    expect(calendar.deadlines).toBe('{2026-09-30x,2026-10-01x}');
    expect(calendar.rules).toEqual([RULE]);
    expect(calendar.provisional).toBe(false);
  });
});
