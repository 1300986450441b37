import { testDatabaseKinds } from '@credit-hub/db';
import type { Caller } from '@credit-hub/subgraph-kit';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenseStatusChanges, licenses } from '../src/db/schema.ts';
import { callers, foodGrant, GRANT, type Harness, openHarness, uniqueUscc } from './support.ts';

const STATUS = /* GraphQL */ `
  mutation Change($input: ChangeLicenseStatusInput!) {
    changeLicenseStatus(input: $input) { number status statusChangedOn statusHistory { action fromStatus toStatus reason decisionReference } }
  }
`;
const READ = /* GraphQL */ `
  query Read($number: String!) {
    license(number: $number) {
      number status validTo internalNotes renews renewedBy
      publication { publishedOn doublePublicityDeadline nationalPublicityDeadline lateForDoublePublicity late }
      statusHistory { action recordedBy }
    }
  }
`;

describe.each(testDatabaseKinds())('licence mutations (%s)', (kind) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness(kind);
  });
  afterAll(() => harness?.database.close());

  const rowCounts = async () => {
    const [licenseCount] = await harness.database.db.select({ n: count() }).from(licenses);
    const [changeCount] = await harness.database.db.select({ n: count() }).from(licenseStatusChanges);
    return { licenses: licenseCount?.n, changes: changeCount?.n };
  };
  const grant = async (input: Record<string, unknown>, caller: Caller = callers.foodShanxi) => {
    const result = await harness.run<{ grantLicense: { number: string } }>(GRANT, { input }, caller);
    expect(result.errors).toBeUndefined();
    return result.data?.grantLicense.number ?? '';
  };

  it('grants a food licence with the default 5-year validity, under the caller’s department, unpublished', async () => {
    const result = await harness.run(GRANT, { input: foodGrant({ internalNotes: '现场核查通过' }) }, callers.foodShanxi);
    expect(result.errors).toBeUndefined();
    expect(result.data?.grantLicense).toMatchObject({
      status: 'VALID',
      department: 'SPSC',
      validTo: '2031-09-28',
      publication: { publishedOn: null },
    });
  });

  const existing = foodGrant();
  it.each<[string, Record<string, unknown>, Caller, string, string | undefined, string | undefined]>([
    ['malformed SC number', { number: 'SC1011408020001' }, callers.foodShanxi, 'BAD_USER_INPUT', 'input.number', 'FORMAT'],
    ['TS number on a food licence', { number: 'TS2210123-2031' }, callers.foodShanxi, 'BAD_USER_INPUT', 'input.number', 'FORMAT'],
    [
      'TS number whose year is not the expiry year',
      { kind: 'SPECIAL_EQUIPMENT_PRODUCTION', number: 'TS2210123-2027', items: [{ activity: 'MANUFACTURE', category: '压力容器' }] },
      callers.foodShanxi,
      'BAD_USER_INPUT',
      'input.number',
      'EXPIRY_YEAR_MISMATCH',
    ],
    [
      'special-equipment item without its activity',
      { kind: 'SPECIAL_EQUIPMENT_PRODUCTION', number: 'TS2210123-2030', items: [{ category: '压力容器' }] },
      callers.foodShanxi,
      'BAD_USER_INPUT',
      'input.items[0].activity',
      'REQUIRED',
    ],
    [
      'validTo before validFrom',
      { validFrom: '2026-10-01', validTo: '2026-09-30' },
      callers.foodShanxi,
      'BAD_USER_INPUT',
      'input.validTo',
      'BEFORE_START',
    ],
    [
      'validTo equal to validFrom',
      { validFrom: '2026-10-01', validTo: '2026-10-01' },
      callers.foodShanxi,
      'BAD_USER_INPUT',
      'input.validTo',
      'BEFORE_START',
    ],
    [
      'OTHER without validTo',
      { kind: 'OTHER', number: 'JY11408020099999' },
      callers.foodShanxi,
      'BAD_USER_INPUT',
      'input.validTo',
      'REQUIRED',
    ],
    [
      'invalid holder USCC',
      { holderUscc: '914403001922038217' },
      callers.foodShanxi,
      'BAD_USER_INPUT',
      'input.holderUscc',
      'CHECK_CHARACTER',
    ],
    ['decision in the future', { issuedOn: '2026-11-22' }, callers.foodShanxi, 'BAD_USER_INPUT', 'input.issuedOn', 'IN_FUTURE'],
    ['holder outside the caller’s region', {}, callers.foodHunan, 'FORBIDDEN', undefined, undefined],
    ['analyst (read-only)', {}, callers.analyst, 'FORBIDDEN', undefined, undefined],
    ['anonymous caller', {}, callers.anonymous, 'UNAUTHENTICATED', undefined, undefined],
    ['duplicate number', { number: existing.number }, callers.foodShanxi, 'CONFLICT', 'input.number', undefined],
  ])('rejects %s and writes nothing', async (_label, overrides, caller, code, field, reason) => {
    if (code === 'CONFLICT') await grant(existing);
    const before = await rowCounts();
    const result = await harness.run(GRANT, { input: foodGrant(overrides) }, caller);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}), ...(reason ? { reason } : {}) });
    expect(await rowCounts()).toEqual(before);
  });

  it('lets only the producing department change a licence (谁产生、谁负责)', async () => {
    const number = await grant(foodGrant());
    const decision = { number, action: 'SUSPEND', reason: '停产整改', decisionReference: '晋市监处罚〔2026〕3号' };
    // Another region's regulator cannot even read the unpublished licence: it is not found for it.
    for (const [caller, code] of [
      [callers.equipmentShanxi, 'FORBIDDEN'],
      [callers.foodHunan, 'NOT_FOUND'],
      [callers.analyst, 'FORBIDDEN'],
    ] as const) {
      const refused = await harness.run(STATUS, { input: decision }, caller);
      expect(refused.errors?.[0]?.extensions?.code).toBe(code);
      const publish = await harness.run('mutation($n: String!) { publishLicense(number: $n) { number } }', { n: number }, caller);
      expect(publish.errors?.[0]?.extensions?.code).toBe(code);
    }
    const unchanged = await harness.run<{ license: { status: string; statusHistory: unknown[] } }>(READ, { number }, callers.foodShanxi);
    expect(unchanged.data?.license).toMatchObject({ status: 'VALID', statusHistory: [{ action: 'GRANTED' }] });
    // A city regulator of the same department inside the province may.
    const allowed = await harness.run(STATUS, { input: decision }, callers.foodYuncheng);
    expect(allowed.errors).toBeUndefined();
  });

  it('suspends, reinstates and revokes with reasons and references, and refuses what the status does not allow', async () => {
    const number = await grant(foodGrant());
    const decide = (action: string, reason: string) =>
      harness.run<{ changeLicenseStatus: { status: string; statusHistory: { action: string }[] } }>(
        STATUS,
        { input: { number, action, reason, decisionReference: `晋市监处罚〔2026〕${reason.length}号`, decidedOn: '2026-11-20' } },
        callers.foodShanxi,
      );
    expect((await decide('SUSPEND', '暂扣')).data?.changeLicenseStatus.status).toBe('SUSPENDED');
    expect((await decide('REINSTATE', '整改完成')).data?.changeLicenseStatus.status).toBe('VALID');
    const revoked = await decide('REVOKE', '情节严重');
    expect(revoked.data?.changeLicenseStatus).toMatchObject({
      status: 'REVOKED',
      statusChangedOn: '2026-11-20',
      statusHistory: [
        { action: 'GRANTED', fromStatus: null, toStatus: 'VALID' },
        { action: 'SUSPENDED', fromStatus: 'VALID', toStatus: 'SUSPENDED', reason: '暂扣' },
        { action: 'REINSTATED', fromStatus: 'SUSPENDED', toStatus: 'VALID' },
        { action: 'REVOKED', fromStatus: 'VALID', toStatus: 'REVOKED', decisionReference: '晋市监处罚〔2026〕4号' },
      ],
    });
    const before = await rowCounts();
    const again = await decide('REINSTATE', '再次恢复');
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    const blank = await harness.run(
      STATUS,
      { input: { number, action: 'CANCEL', reason: ' ', decisionReference: 'x' } },
      callers.foodShanxi,
    );
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason', reason: 'EMPTY' });
    expect(await rowCounts()).toEqual(before);
  });

  it('hides a renewal that is not yet published from those who may not see it', async () => {
    const original = await grant(
      foodGrant({
        kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
        number: 'TS2214077-2026',
        issuedOn: '2022-12-20',
        items: [{ activity: 'MANUFACTURE', category: '压力容器' }],
        publish: true,
      }),
      callers.equipmentShanxi,
    );
    const renewed = await harness.run(
      'mutation($input: RenewLicenseInput!) { renewLicense(input: $input) { number } }',
      { input: { number: original, newNumber: 'TS2214077-2030', decisionReference: '晋市监许〔2026〕11号' } },
      callers.equipmentShanxi,
    );
    expect(renewed.errors).toBeUndefined();
    const read = (caller: Caller) => harness.run<{ license: { renewedBy: string | null } }>(READ, { number: original }, caller);
    expect((await read(callers.anonymous)).data?.license.renewedBy).toBeNull();
    expect((await read(callers.foodHunan)).data?.license.renewedBy).toBeNull();
    expect((await read(callers.analyst)).data?.license.renewedBy).toBe('TS2214077-2030');
  });

  it('renews a food licence in place and a special-equipment licence under a new number', async () => {
    const food = await grant(foodGrant({ issuedOn: '2021-12-01' }));
    const renew = 'mutation($input: RenewLicenseInput!) { renewLicense(input: $input) { number validFrom validTo renews } }';
    const inPlace = await harness.run(renew, { input: { number: food, decisionReference: '晋市监许〔2026〕9号' } }, callers.foodShanxi);
    expect(inPlace.data?.renewLicense).toEqual({ number: food, validFrom: '2026-12-01', validTo: '2031-11-30', renews: null });

    const equipment = await grant(
      foodGrant({
        kind: 'SPECIAL_EQUIPMENT_PRODUCTION',
        number: 'TS2214001-2026',
        issuedOn: '2022-12-20',
        items: [{ activity: 'MANUFACTURE', category: '压力容器', parameters: 'D级' }],
      }),
      callers.equipmentShanxi,
    );
    const withoutNumber = await harness.run(
      renew,
      { input: { number: equipment, decisionReference: '晋市监许〔2026〕10号' } },
      callers.equipmentShanxi,
    );
    expect(withoutNumber.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.newNumber',
      reason: 'NEW_NUMBER_REQUIRED',
    });
    const renewed = await harness.run(
      renew,
      { input: { number: equipment, newNumber: 'TS2214001-2030', decisionReference: '晋市监许〔2026〕10号', publish: true } },
      callers.equipmentShanxi,
    );
    expect(renewed.data?.renewLicense).toEqual({
      number: 'TS2214001-2030',
      validFrom: '2026-12-20',
      validTo: '2030-12-19',
      renews: equipment,
    });
    const old = await harness.run<{ license: { renewedBy: string } }>(READ, { number: equipment }, callers.analyst);
    expect(old.data?.license.renewedBy).toBe('TS2214001-2030');
    const twice = await harness.run(
      renew,
      { input: { number: equipment, newNumber: 'TS2214002-2030', decisionReference: 'x' } },
      callers.equipmentShanxi,
    );
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RENEWED' });
  });

  it('hides unpublished licences and internal fields from the public and other regions', async () => {
    const number = await grant(foodGrant({ internalNotes: '重点关注' }));
    const read = (caller: Caller) =>
      harness.run<{ license: { internalNotes: string | null; statusHistory: { recordedBy: string | null }[] } | null }>(
        READ,
        { number },
        caller,
      );
    expect((await read(callers.anonymous)).data?.license).toBeNull();
    expect((await read(callers.platform)).data?.license).toBeNull();
    expect((await read(callers.foodHunan)).data?.license).toBeNull();
    expect((await read(callers.equipmentShanxi)).data?.license?.internalNotes).toBe('重点关注');
    expect((await read(callers.analyst)).data?.license?.statusHistory[0]?.recordedBy).toBe('spsc-shanxi');

    const published = await harness.run(
      'mutation($n: String!) { publishLicense(number: $n, publishedOn: "2026-10-15") { number } }',
      { n: number },
      callers.foodShanxi,
    );
    expect(published.errors).toBeUndefined();
    const publicView = await read(callers.anonymous);
    expect(publicView.data?.license).toMatchObject({ internalNotes: null, statusHistory: [{ recordedBy: null }] });
    expect((await read(callers.foodHunan)).data?.license?.internalNotes).toBeNull();
    const full = await harness.run<{ license: { publication: Record<string, unknown> } }>(READ, { number }, callers.anonymous);
    // Decided Tue 29 Sep 2026: the 7 working days run past National Day and the make-up Saturday to 14 Oct.
    expect(full.data?.license.publication).toEqual({
      publishedOn: '2026-10-15',
      doublePublicityDeadline: '2026-10-14',
      nationalPublicityDeadline: '2026-11-02',
      lateForDoublePublicity: true,
      late: true,
    });
    const twice = await harness.run('mutation($n: String!) { publishLicense(number: $n) { number } }', { n: number }, callers.foodShanxi);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_PUBLISHED' });
  });

  it('records commitment verification for commitment-based licences only', async () => {
    const number = await grant(foodGrant({ grantedByCommitment: true }));
    const verify =
      'mutation($input: RecordCommitmentVerificationInput!) { recordCommitmentVerification(input: $input) { commitmentVerification commitmentVerifiedOn internalNotes } }';
    const result = await harness.run(
      verify,
      { input: { number, outcome: 'NOT_MET', verifiedOn: '2026-11-02', note: '现场与承诺不符' } },
      callers.foodShanxi,
    );
    expect(result.data?.recordCommitmentVerification).toEqual({
      commitmentVerification: 'NOT_MET',
      commitmentVerifiedOn: '2026-11-02',
      internalNotes: '2026-11-02 核查：现场与承诺不符',
    });
    const plain = await grant(foodGrant());
    const refused = await harness.run(verify, { input: { number: plain, outcome: 'CONFIRMED' } }, callers.foodShanxi);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_BY_COMMITMENT' });
  });

  it('records, flags late, publishes and cancels equipment registrations of its own department', async () => {
    const record =
      'mutation($input: RecordEquipmentRegistrationInput!) { recordEquipmentRegistration(input: $input) { registrationCode registeredOnTime registrationDeadline status department } }';
    const userUscc = uniqueUscc();
    const input = {
      registrationCode: '21001408022026000001',
      certificateNumber: '容17晋M00001(26)',
      equipmentCode: '2100123452026000001',
      equipmentCategory: '压力容器',
      equipmentKind: '固定式压力容器',
      equipmentVariety: '储存容器',
      model: 'CFW-50/1.77',
      productNumber: '2026-0001',
      manufacturedOn: '2026-06-01',
      userUscc,
      installationSite: '山西省运城市盐湖区解放路1号储罐区',
      firstUsedOn: '2026-09-01',
      registeredOn: '2026-10-08',
      registrationAuthority: '运城市市场监督管理局',
    };
    const created = await harness.run(record, { input }, callers.equipmentShanxi);
    expect(created.data?.recordEquipmentRegistration).toEqual({
      registrationCode: input.registrationCode,
      registeredOnTime: false,
      registrationDeadline: '2026-10-01',
      status: 'IN_USE',
      department: 'TSSB',
    });
    expect((await harness.run(record, { input }, callers.equipmentShanxi)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const cancel =
      'mutation($c: String!) { cancelEquipmentRegistration(registrationCode: $c, reason: "设备报废") { status cancelledOn cancellationReason } }';
    expect((await harness.run(cancel, { c: input.registrationCode }, callers.foodShanxi)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await harness.run(cancel, { c: input.registrationCode }, callers.equipmentShanxi)).data?.cancelEquipmentRegistration).toEqual({
      status: 'CANCELLED',
      cancelledOn: '2026-11-21',
      cancellationReason: '设备报废',
    });
    expect((await harness.run(cancel, { c: input.registrationCode }, callers.equipmentShanxi)).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
  });
});
