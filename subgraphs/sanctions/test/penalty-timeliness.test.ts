import { testDatabaseKinds } from '@credit-hub/db';
import { ANONYMOUS, type Caller, timelinessScope } from '@credit-hub/subgraph-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { penaltyTimeliness } from '../src/data/penalty-timeliness.ts';
import { openSanctionsTestDatabase, type SanctionsTestDatabase } from '../src/db/client.ts';
import { penalties } from '../src/db/schema.ts';
import { DEFAULT_RULE_BOOK } from '../src/rules/rule-book.ts';

const TODAY = '2026-11-21';
const analyst: Caller = { sub: 'analyst', role: 'analyst', dept: null, region: null, scopes: [] };
const yuncheng: Caller = { sub: 'zfjc-yuncheng', role: 'regulator', dept: 'ZFJC', region: '140800', scopes: [] };
const department: Caller = { sub: 'tax', role: 'department', dept: 'TAX', region: '140800', scopes: [] };

let serial = 0;
const penalty = (
  department: string,
  decidedOn: string,
  publishedOn: string | null,
  extra: Partial<typeof penalties.$inferInsert> = {},
) => ({
  uscc: '91140802MA0TEST00X',
  regionCode: '140802',
  department,
  recordedBy: 'test',
  decisionNumber: `运市监处罚〔2026〕${++serial}号`,
  violationType: '食品安全',
  factsSummary: '—',
  legalBasis: '—',
  penaltyTypes: ['FINE' as const],
  fineAmount: '20000.00',
  decidedOn,
  authority: '运城市市场监督管理局',
  caseDomain: 'FOOD' as const,
  publishedOn,
  ...extra,
});

// Deadlines: Mon 2 Nov → Wed 11 Nov; Tue 29 Sep → Wed 14 Oct (National Day, 调休 Sat 10 Oct).
describe.each(testDatabaseKinds())('penalty 双公示 timeliness (%s)', (kind) => {
  let database: SanctionsTestDatabase;
  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
    await database.db.insert(penalties).values([
      penalty('SPSC', '2026-11-02', '2026-11-11'),
      penalty('SPSC', '2026-09-29', '2026-10-14'),
      penalty('SPSC', '2026-11-02', '2026-11-13'),
      penalty('SPSC', '2026-11-02', null),
      penalty('ZFJC', '2026-11-20', null),
      penalty('ZFJC', '2026-11-02', '2026-11-04'),
      // Never published, so never counted: simple procedure, warning only, withheld by approval.
      penalty('ZFJC', '2026-11-02', null, { procedure: 'SIMPLE' }),
      penalty('ZFJC', '2026-11-02', null, { penaltyTypes: ['WARNING'], fineAmount: null }),
      penalty('ZFJC', '2026-11-02', null, { withheldReason: '涉及国家秘密', withheldApprovedBy: '局长' }),
      // Another city.
      penalty('ZFJC', '2026-11-02', '2026-11-30', { regionCode: '140105', uscc: '91140105MA0TEST00X' }),
    ]);
  });
  afterAll(() => database?.close());

  it('counts per department with the official calendar and leaves never-published decisions out', async () => {
    const scope = timelinessScope(analyst, { from: '2026-09-01', regionPrefix: '1408' }, TODAY);
    const answer = await penaltyTimeliness(database.db, scope, DEFAULT_RULE_BOOK);
    expect(answer.rules.map((rule) => [rule.code, rule.value])).toEqual([['DUAL_PUBLICATION_DEADLINE', 7]]);
    expect(answer.departments).toEqual([
      { department: 'SPSC', total: 4, onTime: 2, late: 1, pendingOverdue: 1, pendingInTime: 0, medianDelayWorkingDays: 7 },
      { department: 'ZFJC', total: 2, onTime: 1, late: 0, pendingOverdue: 0, pendingInTime: 1, medianDelayWorkingDays: 2 },
    ]);
    const all = await penaltyTimeliness(database.db, timelinessScope(analyst, { from: '2026-09-01' }, TODAY), DEFAULT_RULE_BOOK);
    expect(all.departments.find((row) => row.department === 'ZFJC')).toMatchObject({ total: 3, late: 1 });
  });

  it('scopes regulators to their region and refuses related departments and the public', () => {
    expect(timelinessScope(yuncheng, {}, TODAY).regionPrefix).toBe('1408');
    expect(() => timelinessScope(yuncheng, { regionPrefix: '14' }, TODAY)).toThrow(/超出辖区/);
    expect(() => timelinessScope(department, {}, TODAY)).toThrow(/监管内部信息/);
    expect(() => timelinessScope(ANONYMOUS, {}, TODAY)).toThrow(/需要登录/);
  });
});
