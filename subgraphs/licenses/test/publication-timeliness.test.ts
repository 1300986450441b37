import { testDatabaseKinds } from '@credit-hub/db';
import { workingDayDeadline } from '@credit-hub/workdays';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callers, foodGrant, GRANT, type Harness, openHarness, uniqueFoodNumber, uniqueUscc } from './support.ts';

const TIMELINESS = /* GraphQL */ `
  query T($from: Date, $to: Date, $region: String) {
    licensePublicationTimeliness(from: $from, to: $to, regionPrefix: $region) {
      from to asOf regionPrefix provisional
      rules { code value citation { document } effectiveFrom }
      departments { department total onTime late pendingOverdue pendingInTime onTimeShare medianDelayWorkingDays }
    }
  }
`;

interface Answer {
  licensePublicationTimeliness: {
    regionPrefix: string | null;
    rules: { code: string; value: string; citation: { document: string } }[];
    departments: Record<string, number | string | null>[];
  };
}

// Today is Sat 2026-11-21 (support.ts). The deadlines: Mon 2 Nov → Wed 11 Nov; Tue 29 Sep runs
// through National Day and the 调休 Saturday 10 Oct → Wed 14 Oct (Monday–Friday would say 9 Oct).
describe.each(testDatabaseKinds())('licensePublicationTimeliness (%s)', (kind) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness(kind);
    const record = async (issuedOn: string, publishedOn: string | null, region = '140802') => {
      const granted = await harness.run<{ grantLicense: { number: string } }>(
        GRANT,
        { input: foodGrant({ issuedOn, number: uniqueFoodNumber(region), holderUscc: uniqueUscc(region) }) },
        callers.foodShanxi,
      );
      expect(granted.errors).toBeUndefined();
      if (!publishedOn) return;
      const published = await harness.run(
        'mutation($n: String!, $on: Date!) { publishLicense(number: $n, publishedOn: $on) { number } }',
        { n: granted.data?.grantLicense.number, on: publishedOn },
        callers.foodShanxi,
      );
      expect(published.errors).toBeUndefined();
    };
    await record('2026-11-02', '2026-11-11'); // on the deadline: on time, 7 working days
    await record('2026-11-02', '2026-11-12'); // a day late: 8
    await record('2026-09-29', '2026-10-14'); // through the holiday: on time, 7
    await record('2026-11-02', null); // deadline passed: overdue
    await record('2026-11-20', null); // deadline 1 Dec: pending in time
    await record('2026-11-02', '2026-11-03', '140105'); // Taiyuan: on time, 1
  });
  afterAll(() => harness?.database.close());

  it('counts on time, late and pending per department by the official calendar', async () => {
    expect(workingDayDeadline('2026-09-29', 7).date).toBe('2026-10-14');
    const result = await harness.run<Answer>(TIMELINESS, { from: '2026-09-01', to: '2026-11-21', region: '1408' }, callers.analyst);
    expect(result.errors).toBeUndefined();
    const answer = result.data?.licensePublicationTimeliness;
    expect(answer?.regionPrefix).toBe('1408');
    expect(answer?.rules.map((rule) => [rule.code, rule.value])).toEqual([['DUAL_PUBLICATION_DEADLINE', '7']]);
    expect(answer?.departments).toEqual([
      {
        department: 'SPSC',
        total: 5,
        onTime: 2,
        late: 1,
        pendingOverdue: 1,
        pendingInTime: 1,
        onTimeShare: 0.5,
        medianDelayWorkingDays: 7,
      },
    ]);
    const all = await harness.run<Answer>(TIMELINESS, { from: '2026-09-01' }, callers.analyst);
    expect(all.data?.licensePublicationTimeliness.departments[0]).toMatchObject({ total: 6, onTime: 3, medianDelayWorkingDays: 7 });
    const october = await harness.run<Answer>(TIMELINESS, { from: '2026-09-01', to: '2026-10-31' }, callers.analyst);
    expect(october.data?.licensePublicationTimeliness.departments).toEqual([
      { department: 'SPSC', total: 1, onTime: 1, late: 0, pendingOverdue: 0, pendingInTime: 0, onTimeShare: 1, medianDelayWorkingDays: 7 },
    ]);
  });

  it('is supervision data: regulators over their region only, never the public or the platform', async () => {
    const yuncheng = await harness.run<Answer>(TIMELINESS, { from: '2026-09-01' }, callers.foodYuncheng);
    expect(yuncheng.errors).toBeUndefined();
    expect(yuncheng.data?.licensePublicationTimeliness.regionPrefix).toBe('1408');
    expect(yuncheng.data?.licensePublicationTimeliness.departments[0]?.total).toBe(5);
    const outside = await harness.run(TIMELINESS, { from: '2026-09-01', region: '1401' }, callers.foodYuncheng);
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const caller of [callers.anonymous, callers.platform]) {
      const refused = await harness.run(TIMELINESS, {}, caller);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.licensePublicationTimeliness ?? null).toBeNull();
    }
  });

  it('refuses a bad period with a clear error', async () => {
    const reversed = await harness.run(TIMELINESS, { from: '2026-11-01', to: '2026-10-01' }, callers.analyst);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const future = await harness.run(TIMELINESS, { to: '2026-12-31' }, callers.analyst);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const long = await harness.run(TIMELINESS, { from: '2016-01-01' }, callers.analyst);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RANGE' });
  });
});
