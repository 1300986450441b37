import {
  claimedRegionFieldOptions,
  conflict,
  type ImportRowResult,
  keyExists,
  keyExistsOutcome,
  notFound,
  registeredRegionOf,
  requireValidUscc,
  runSetBasedImportBatch,
  TEXT,
  usccsOf,
} from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  changeEquipmentRegistration,
  getEquipmentRegistrationsByCode,
  insertEquipmentRegistrations,
} from '../data/equipment-registration-store.ts';
import type { EquipmentRegistrationRow, NewEquipmentRegistration } from '../db/schema.ts';
import { EquipmentRegistrationRef, registrationFacts } from './equipment-registration.ts';
import { NUMBER_TEXT } from './text-bounds.ts';
import {
  assertChangesRecord,
  assertCreatesRecord,
  fail,
  producingDepartment,
  requirePastOrToday,
  requireText,
  writers,
} from './write-access.ts';

const normalizeCode = (code: string) => code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

export const RecordEquipmentRegistrationInput = builder.inputType('RecordEquipmentRegistrationInput', {
  description: '使用登记 A use registration recorded by the caller’s department.',
  fields: (t) => ({
    registrationCode: t.string({
      required: true,
      description: '注册代码 Registration code (6–32 letters and digits).',
      bounds: TEXT.identifier,
    }),
    certificateNumber: t.string({ required: true, description: '使用登记证编号 Certificate number.', bounds: NUMBER_TEXT }),
    equipmentCode: t.string({ required: true, description: '设备代码 Equipment code.', bounds: NUMBER_TEXT }),
    equipmentCategory: t.string({ required: true, description: '设备类别 e.g. 压力容器.', bounds: TEXT.name }),
    equipmentKind: t.string({ required: true, description: '设备种类 e.g. 固定式压力容器.', bounds: TEXT.name }),
    equipmentVariety: t.string({ required: true, description: '设备品种 e.g. 储存容器.', bounds: TEXT.name }),
    model: t.string({ required: true, description: '型号.', bounds: TEXT.name }),
    productNumber: t.string({ required: true, description: '产品编号.', bounds: TEXT.reference }),
    manufacturedOn: t.field({ type: 'Date', required: true, description: '制造日期.' }),
    userUscc: t.string({ required: true, description: '使用单位统一社会信用代码.', bounds: TEXT.code }),
    regionCode: t.string(claimedRegionFieldOptions),
    installationSite: t.string({ required: true, description: '设备使用地点.', bounds: TEXT.line }),
    maintenanceUnit: t.string({ description: '维护保养单位.', bounds: TEXT.name }),
    firstUsedOn: t.field({ type: 'Date', required: true, description: '投入使用日期 (registration is due within 30 days of it).' }),
    registeredOn: t.field({ type: 'Date', description: '登记日期 Default today.' }),
    registrationAuthority: t.string({ required: true, description: '登记机关.', bounds: TEXT.name }),
    department: t.string({ description: '产生部门 Producing department; admins only.', bounds: TEXT.identifier }),
    internalNotes: t.string({ description: '内部备注 Internal notes, never public.', bounds: TEXT.text }),
    publish: t.boolean({ description: '立即公示 Publish today (default false).' }),
  }),
});

/** Everything recordEquipmentRegistration checks before it writes, for the form and the bulk import alike: the row to insert, or the error that refuses it. */
async function prepareEquipmentRegistration(
  ctx: Context,
  input: typeof RecordEquipmentRegistrationInput.$inferInput,
): Promise<NewEquipmentRegistration> {
  const registrationCode = normalizeCode(input.registrationCode);
  if (!/^[0-9A-Z]{6,32}$/.test(registrationCode))
    fail('input.registrationCode', 'FORMAT', 'a registration code has 6–32 letters and digits');
  const userUscc = requireValidUscc(input.userUscc, 'input.userUscc', ctx.allowList);
  const regionCode = await registeredRegionOf(ctx.enterpriseFacts, userUscc, 'input.userUscc', {
    value: input.regionCode,
    field: 'input.regionCode',
  });
  const firstUsedOn = requirePastOrToday(ctx, input.firstUsedOn, 'input.firstUsedOn');
  const registeredOn = requirePastOrToday(ctx, input.registeredOn ?? ctx.today, 'input.registeredOn');
  if (input.manufacturedOn > firstUsedOn) fail('input.manufacturedOn', 'AFTER_FIRST_USE', 'equipment is made before it is used');
  const department = producingDepartment(ctx, input.department);
  assertCreatesRecord(ctx, department, regionCode, `use registrations of ${userUscc}`);
  return {
    registrationCode,
    certificateNumber: requireText(input.certificateNumber, 'input.certificateNumber'),
    equipmentCode: requireText(input.equipmentCode, 'input.equipmentCode'),
    equipmentCategory: requireText(input.equipmentCategory, 'input.equipmentCategory'),
    equipmentKind: requireText(input.equipmentKind, 'input.equipmentKind'),
    equipmentVariety: requireText(input.equipmentVariety, 'input.equipmentVariety'),
    model: requireText(input.model, 'input.model'),
    productNumber: requireText(input.productNumber, 'input.productNumber'),
    manufacturedOn: input.manufacturedOn,
    userUscc,
    regionCode,
    installationSite: requireText(input.installationSite, 'input.installationSite'),
    maintenanceUnit: input.maintenanceUnit?.trim() || null,
    firstUsedOn,
    registeredOn,
    registrationAuthority: requireText(input.registrationAuthority, 'input.registrationAuthority'),
    department,
    status: 'IN_USE',
    publishedOn: input.publish ? ctx.today : null,
    internalNotes: input.internalNotes?.trim() || null,
    recordedBy: ctx.caller.sub,
  };
}

/**
 * A registration code already stored: this very registration again (unchanged) or another
 * record's (KEY_TAKEN). The arguments of `keyExists` (the form's CONFLICT) and of
 * `keyExistsOutcome` (an imported row's outcome).
 */
function registrationCodeExists(row: NewEquipmentRegistration, existing: EquipmentRegistrationRow | undefined) {
  const sameRecord = existing?.userUscc === row.userUscc && existing.department === row.department;
  return [
    sameRecord
      ? `registration ${row.registrationCode} already exists (注册代码重复)`
      : `registration code ${row.registrationCode} is held by another user or department (注册代码已被其他记录使用)`,
    { field: 'input.registrationCode', sameRecord },
  ] as const;
}

/** One use registration, as the form records it. */
async function recordEquipmentRegistrationRow(ctx: Context, input: typeof RecordEquipmentRegistrationInput.$inferInput) {
  const row = await prepareEquipmentRegistration(ctx, input);
  const [created] = await insertEquipmentRegistrations(ctx.db, [row]);
  ctx.loaders.equipmentRegistrationsByUser.clear(row.userUscc);
  if (created) return created;
  const [existing] = await getEquipmentRegistrationsByCode(ctx.db, [row.registrationCode]);
  throw keyExists(...registrationCodeExists(row, existing));
}

/**
 * A batch of registrations, set-based as importLicenses: every row is checked exactly as
 * recordEquipmentRegistration checks it, the good ones inserted in one statement, and codes
 * already stored told apart by one lookup.
 */
export function importEquipmentRegistrationBatch(
  ctx: Context,
  inputs: readonly (typeof RecordEquipmentRegistrationInput.$inferInput)[],
): Promise<ImportRowResult[]> {
  return runSetBasedImportBatch(inputs, {
    prefetch: () => ctx.enterpriseFacts.loadMany(usccsOf(inputs, 'userUscc')),
    prepare: (input) => prepareEquipmentRegistration(ctx, input),
    async store(rows) {
      const stored = await insertEquipmentRegistrations(ctx.db, rows);
      for (const row of rows) ctx.loaders.equipmentRegistrationsByUser.clear(row.userUscc);
      return stored;
    },
    keyOfRow: (row) => row.registrationCode,
    keyOfStored: (row) => row.registrationCode,
    idOf: (row) => row.registrationCode,
    async refusals(rows) {
      const stored = await getEquipmentRegistrationsByCode(ctx.db, [...new Set(rows.map((row) => row.registrationCode))]);
      const existing = new Map(stored.map((row) => [row.registrationCode, row]));
      return (row, index) => keyExistsOutcome(index, ...registrationCodeExists(row, existing.get(row.registrationCode)));
    },
  });
}

builder.mutationField('recordEquipmentRegistration', (t) =>
  t.field({
    type: EquipmentRegistrationRef,
    description: '录入使用登记 Records a special-equipment use registration for a user unit in the caller’s region.',
    authScopes: writers,
    args: { input: t.arg({ type: RecordEquipmentRegistrationInput, required: true, description: 'The registration.' }) },
    resolve: (_root, { input }, ctx) => recordEquipmentRegistrationRow(ctx, input),
  }),
);

async function changeRegistration(
  ctx: Context,
  rawCode: string,
  field: string,
  decide: (current: EquipmentRegistrationRow) => Partial<NewEquipmentRegistration>,
): Promise<EquipmentRegistrationRow> {
  const code = normalizeCode(rawCode);
  const current = await ctx.loaders.equipmentRegistration.load(code);
  if (!current) throw notFound(`no registration with code ${code} (使用登记不存在)`, { field });
  assertChangesRecord(ctx, registrationFacts(ctx, current), `registration ${code}`, field);
  const updated = await changeEquipmentRegistration(ctx.db, code, (locked) => {
    assertChangesRecord(ctx, registrationFacts(ctx, locked), `registration ${code}`, field);
    return decide(locked);
  });
  if (!updated) throw notFound(`no registration with code ${code} (使用登记不存在)`, { field });
  ctx.loaders.equipmentRegistration.clear(code).prime(code, updated);
  ctx.loaders.equipmentRegistrationsByUser.clear(updated.userUscc);
  return updated;
}

builder.mutationField('cancelEquipmentRegistration', (t) =>
  t.field({
    type: EquipmentRegistrationRef,
    description: '注销使用登记 Cancels a registration of the caller’s department (scrapped, moved away, user ceased).',
    authScopes: writers,
    args: {
      registrationCode: t.arg.string({ required: true, description: '注册代码.', bounds: TEXT.code }),
      reason: t.arg.string({ required: true, description: '注销原因 e.g. 设备报废.', bounds: TEXT.text }),
      cancelledOn: t.arg({ type: 'Date', description: '注销日期 Default today; not in the future.' }),
    },
    resolve: async (_root, args, ctx) => {
      const reason = requireText(args.reason, 'reason');
      const cancelledOn = requirePastOrToday(ctx, args.cancelledOn ?? ctx.today, 'cancelledOn');
      return changeRegistration(ctx, args.registrationCode, 'registrationCode', (locked) => {
        if (locked.status === 'CANCELLED')
          throw conflict(`${locked.registrationCode} was already cancelled on ${locked.cancelledOn}`, { reason: 'ALREADY_CANCELLED' });
        if (cancelledOn < locked.registeredOn) fail('cancelledOn', 'BEFORE_REGISTRATION', `it was registered on ${locked.registeredOn}`);
        return { status: 'CANCELLED', cancelledOn, cancellationReason: reason };
      });
    },
  }),
);

builder.mutationField('publishEquipmentRegistration', (t) =>
  t.field({
    type: EquipmentRegistrationRef,
    description: '公示使用登记 Records that a registration of the caller’s department was published.',
    authScopes: writers,
    args: {
      registrationCode: t.arg.string({ required: true, description: '注册代码.', bounds: TEXT.code }),
      publishedOn: t.arg({ type: 'Date', description: '公示日期 Default today; not before registration, not in the future.' }),
    },
    resolve: async (_root, args, ctx) => {
      const publishedOn = requirePastOrToday(ctx, args.publishedOn ?? ctx.today, 'publishedOn');
      return changeRegistration(ctx, args.registrationCode, 'registrationCode', (locked) => {
        if (locked.publishedOn)
          throw conflict(`${locked.registrationCode} was already published on ${locked.publishedOn}`, { reason: 'ALREADY_PUBLISHED' });
        if (publishedOn < locked.registeredOn) fail('publishedOn', 'BEFORE_DECISION', `it was registered on ${locked.registeredOn}`);
        return { publishedOn };
      });
    },
  }),
);
