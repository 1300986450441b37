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
import { getDivision } from '@credit-hub/uscc';
import { addDays } from '@credit-hub/workdays';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import {
  changeLicense,
  getLicensesByNumber,
  insertLicense,
  insertLicenses,
  type LicenseChange,
  LicenseExistsError,
  type LicenseGrant,
} from '../data/license-store.ts';
import type { LicensedItem, LicenseRow, NewLicense } from '../db/schema.ts';
import type { LicenseKind } from '../rules/license-kinds.ts';
import { checkLicenseNumber, normalizeLicenseNumber } from '../rules/license-number-rules.ts';
import { ACTION_EVENTS, defaultValidTo, effectiveStatus, STATUS_TRANSITIONS, transitionProblem } from '../rules/license-status-rules.ts';
import { CommitmentVerificationEnum, LicensedActivityEnum, LicenseKindEnum, LicenseStatusActionEnum } from './enums.ts';
import { LicenseRef, licenseFacts } from './license.ts';
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

const LicensedItemInput = builder.inputType('LicensedItemInput', {
  description: '许可项目 One licensed item.',
  fields: (t) => ({
    activity: t.field({ type: LicensedActivityEnum, description: '项目 Activity; required for special equipment.' }),
    category: t.string({ required: true, description: '设备类别/食品类别 Equipment or food category.', bounds: TEXT.name }),
    categoryCode: t.string({ description: '类别代码 Category code.', bounds: TEXT.code }),
    parameters: t.string({ description: '参数/级别 Parameters or grade.', bounds: TEXT.line }),
  }),
});

const IssuingAuthorityInput = builder.inputType('IssuingAuthorityInput', {
  description: '发证机关 The issuing authority.',
  fields: (t) => ({
    name: t.string({ required: true, description: '名称 e.g. 山西省市场监督管理局.', bounds: TEXT.name }),
    code: t.string({ description: '机关代码 Unified social credit code of the authority.', bounds: TEXT.identifier }),
    regionCode: t.string({ description: '所在区划 6-digit division code.', bounds: { maxLength: 6 } }),
  }),
});

const ACTIVITIES_BY_KIND: Record<LicenseKind, readonly string[] | null> = {
  SPECIAL_EQUIPMENT_PRODUCTION: ['DESIGN', 'MANUFACTURE', 'INSTALLATION', 'ALTERATION', 'REPAIR'],
  SPECIAL_EQUIPMENT_FILLING: ['FILLING'],
  SPECIAL_EQUIPMENT_INSPECTION: ['INSPECTION'],
  FOOD_PRODUCTION: ['FOOD_PRODUCTION'],
  OTHER: null,
};

type ItemInput = { activity?: string | null; category: string; categoryCode?: string | null; parameters?: string | null };

/** Every kind lists at least one item; special equipment names the activity each item covers. */
function validateItems(kind: LicenseKind, items: readonly ItemInput[], field: string): LicensedItem[] {
  if (items.length === 0) fail(field, 'EMPTY', 'a licence covers at least one item');
  const allowed = ACTIVITIES_BY_KIND[kind];
  return items.map((item, index) => {
    const at = `${field}[${index}]`;
    if (kind.startsWith('SPECIAL_EQUIPMENT') && !item.activity)
      fail(`${at}.activity`, 'REQUIRED', 'special-equipment items name their activity');
    if (item.activity && allowed && !allowed.includes(item.activity))
      fail(`${at}.activity`, 'NOT_FOR_KIND', `${item.activity} is not an activity of a ${kind} licence (${allowed.join(', ')})`);
    return {
      activity: (item.activity ?? (kind === 'FOOD_PRODUCTION' ? 'FOOD_PRODUCTION' : null)) as LicensedItem['activity'],
      category: requireText(item.category, `${at}.category`),
      categoryCode: item.categoryCode?.trim() || null,
      parameters: item.parameters?.trim() || null,
    };
  });
}

function validityYears(ctx: Context, kind: LicenseKind): number | null {
  if (kind === 'FOOD_PRODUCTION') return ctx.rules.foodValidityYears;
  if (kind === 'OTHER') return null;
  return ctx.rules.specialEquipmentValidityYears;
}

function validatePeriod(ctx: Context, kind: LicenseKind, validFrom: string, validTo: string | null | undefined, field: string): string {
  const years = validityYears(ctx, kind);
  const end =
    validTo ?? (years === null ? fail(field, 'REQUIRED', 'give validTo for this kind of licence') : defaultValidTo(validFrom, years));
  if (end <= validFrom) fail(field, 'BEFORE_START', `validTo (${end}) must be after validFrom (${validFrom})`);
  return end;
}

function validateNumber(ctx: Context, raw: string, kind: LicenseKind, validTo: string, field: string): string {
  const number = normalizeLicenseNumber(raw);
  const problem = checkLicenseNumber(number, kind, validTo, ctx.rules);
  if (problem) fail(field, problem.reason, problem.message);
  return number;
}

async function loadForChange(ctx: Context, raw: string, field: string): Promise<LicenseRow> {
  const number = normalizeLicenseNumber(raw);
  const license = await ctx.loaders.license.load(number);
  if (!license) throw notFound(`no licence numbered ${number} (许可不存在)`, { field });
  assertChangesRecord(ctx, licenseFacts(ctx, license), `licence ${number}`, field);
  return license;
}

/** Runs a decision; a duplicate successor number surfaces as CONFLICT, and a rejected decision writes nothing. */
async function applyChange(ctx: Context, number: string, decide: (current: LicenseRow) => LicenseChange): Promise<LicenseRow> {
  try {
    const result = await changeLicense(ctx.db, number, (current) => {
      // Re-checked on the locked row: the department or status may have changed since it was loaded.
      assertChangesRecord(ctx, licenseFacts(ctx, current), `licence ${number}`, 'number');
      return decide(current);
    });
    if (!result) throw notFound(`no licence numbered ${number} (许可不存在)`, { field: 'number' });
    ctx.loaders.license.clear(number).prime(number, result.license);
    ctx.loaders.statusChangesByLicense.clear(number);
    ctx.loaders.licensesByHolder.clear(result.license.holderUscc);
    ctx.loaders.statusChangesByHolder.clear(result.license.holderUscc);
    return result.successor ?? result.license;
  } catch (error) {
    if (error instanceof LicenseExistsError)
      throw conflict(`licence ${error.number} already exists (许可证编号重复)`, { field: 'input.newNumber' });
    throw error;
  }
}

const event = (
  ctx: Context,
  license: LicenseRow,
  fields: Pick<LicenseChange['events'][number], 'action' | 'fromStatus' | 'toStatus' | 'decidedOn' | 'reason' | 'decisionReference'>,
) => ({
  ...fields,
  licenseNumber: license.number,
  holderUscc: license.holderUscc,
  department: license.department,
  recordedBy: ctx.caller.sub,
});

export const GrantLicenseInput = builder.inputType('GrantLicenseInput', {
  description: '准予许可 A licence granted by the caller’s department.',
  fields: (t) => ({
    number: t.string({
      required: true,
      description: '许可证编号 TS…-YYYY for special equipment, SC + 14 digits for food production.',
      bounds: NUMBER_TEXT,
    }),
    kind: t.field({ type: LicenseKindEnum, required: true, description: '许可类别 Kind.' }),
    holderUscc: t.string({ required: true, description: '持证单位统一社会信用代码 Holder.', bounds: TEXT.code }),
    regionCode: t.string(claimedRegionFieldOptions),
    items: t.field({ type: [LicensedItemInput], required: true, description: '许可项目 Licensed items (at least one).' }),
    issuedOn: t.field({ type: 'Date', description: '发证日期 Date of the decision (default today; not in the future).' }),
    validFrom: t.field({ type: 'Date', description: '有效期自 Default issuedOn.' }),
    validTo: t.field({
      type: 'Date',
      description: '有效期至 Default validFrom + validity (5 years food, 4 years special equipment) − 1 day; required for OTHER.',
    }),
    authority: t.field({ type: IssuingAuthorityInput, required: true, description: '发证机关 Issuing authority.' }),
    grantedByCommitment: t.boolean({
      description: '告知承诺 Granted by notification-commitment (default false); verification starts PENDING.',
    }),
    decisionReference: t.string({ required: true, description: '决定文号 Reference of the grant decision.', bounds: TEXT.reference }),
    department: t.string({
      description: '产生部门 Producing department; admins only (regulators always record for their own).',
      bounds: TEXT.identifier,
    }),
    internalNotes: t.string({ description: '内部备注 Internal notes, never public.', bounds: TEXT.text }),
    publish: t.boolean({ description: '立即公示 Publish today (default false: publish later with publishLicense).' }),
  }),
});

/** One granted licence, as the form and the bulk import both record it. */
/** Checks a grant exactly as grantLicense does (every rule and permission) and answers what to store; throws the row's refusal. */
async function prepareLicenseGrant(ctx: Context, input: typeof GrantLicenseInput.$inferInput): Promise<LicenseGrant> {
  const holderUscc = requireValidUscc(input.holderUscc, 'input.holderUscc', ctx.allowList);
  const regionCode = await registeredRegionOf(ctx.enterpriseFacts, holderUscc, 'input.holderUscc', {
    value: input.regionCode,
    field: 'input.regionCode',
  });
  if (input.authority.regionCode && !getDivision(input.authority.regionCode))
    fail('input.authority.regionCode', 'UNKNOWN_DIVISION', `${input.authority.regionCode} is not a GB/T 2260 division code`);
  const issuedOn = requirePastOrToday(ctx, input.issuedOn ?? ctx.today, 'input.issuedOn');
  const validFrom = input.validFrom ?? issuedOn;
  const validTo = validatePeriod(ctx, input.kind, validFrom, input.validTo, 'input.validTo');
  const number = validateNumber(ctx, input.number, input.kind, validTo, 'input.number');
  const items = validateItems(input.kind, input.items, 'input.items');
  const decisionReference = requireText(input.decisionReference, 'input.decisionReference');
  const department = producingDepartment(ctx, input.department);
  assertCreatesRecord(ctx, department, regionCode, `licences of ${holderUscc}`);
  const publishedOn = input.publish ? ctx.today : null;
  const license: NewLicense = {
    number,
    kind: input.kind,
    holderUscc,
    regionCode,
    items,
    issuedOn,
    validFrom,
    validTo,
    authorityName: requireText(input.authority.name, 'input.authority.name'),
    authorityCode: input.authority.code?.trim() || null,
    authorityRegion: input.authority.regionCode ?? null,
    status: 'VALID',
    statusChangedOn: issuedOn,
    grantedByCommitment: input.grantedByCommitment ?? false,
    commitmentVerification: input.grantedByCommitment ? 'PENDING' : null,
    department,
    publishedOn,
    firstPublishedOn: publishedOn,
    internalNotes: input.internalNotes?.trim() || null,
    recordedBy: ctx.caller.sub,
  };
  return {
    license,
    event: {
      licenseNumber: number,
      holderUscc,
      action: 'GRANTED',
      fromStatus: null,
      toStatus: 'VALID',
      decidedOn: issuedOn,
      reason: input.grantedByCommitment ? '告知承诺审批，准予许可' : '准予许可',
      decisionReference,
      department,
      recordedBy: ctx.caller.sub,
    },
  };
}

/**
 * A number already stored: this very grant again (unchanged) or another record's (KEY_TAKEN). The
 * arguments of `keyExists` (the form's CONFLICT) and of `keyExistsOutcome` (an imported row's outcome).
 */
function licenseNumberExists({ license }: LicenseGrant, existing: LicenseRow | undefined) {
  const sameRecord = existing?.holderUscc === license.holderUscc && existing.department === license.department;
  return [
    sameRecord
      ? `licence ${license.number} already exists (许可证编号重复)`
      : `licence number ${license.number} is held by another holder or department (许可证编号已被其他记录使用)`,
    { field: 'input.number', sameRecord },
  ] as const;
}

export async function grantLicenseRow(ctx: Context, input: typeof GrantLicenseInput.$inferInput) {
  const grant = await prepareLicenseGrant(ctx, input);
  try {
    const created = await insertLicense(ctx.db, grant.license, grant.event);
    ctx.loaders.licensesByHolder.clear(grant.license.holderUscc);
    ctx.loaders.statusChangesByHolder.clear(grant.license.holderUscc);
    return created;
  } catch (error) {
    if (error instanceof LicenseExistsError) {
      const [existing] = await getLicensesByNumber(ctx.db, [grant.license.number]);
      throw keyExists(...licenseNumberExists(grant, existing));
    }
    throw error;
  }
}

/**
 * A batch of grants, set-based: every row is checked exactly as grantLicense checks it, then the
 * good ones are stored in one transaction (insertLicenses), and numbers already stored are told
 * apart by one lookup. A number twice in the batch: the first row creates it, the later ones find it.
 */
export function importLicenseBatch(ctx: Context, inputs: readonly (typeof GrantLicenseInput.$inferInput)[]): Promise<ImportRowResult[]> {
  return runSetBasedImportBatch(inputs, {
    prefetch: () => ctx.enterpriseFacts.loadMany(usccsOf(inputs, 'holderUscc')),
    prepare: (input) => prepareLicenseGrant(ctx, input),
    async store(grants) {
      const stored = await insertLicenses(ctx.db, grants);
      for (const { license } of grants) {
        ctx.loaders.licensesByHolder.clear(license.holderUscc);
        ctx.loaders.statusChangesByHolder.clear(license.holderUscc);
      }
      return stored;
    },
    keyOfRow: (grant) => grant.license.number,
    keyOfStored: (row) => row.number,
    idOf: (row) => row.number,
    async refusals(grants) {
      const stored = await getLicensesByNumber(ctx.db, [...new Set(grants.map((grant) => grant.license.number))]);
      const existing = new Map(stored.map((row) => [row.number, row]));
      return (grant, index) => keyExistsOutcome(index, ...licenseNumberExists(grant, existing.get(grant.license.number)));
    },
  });
}

builder.mutationField('grantLicense', (t) =>
  t.field({
    type: LicenseRef,
    description: '准予许可 Records a licence granted by the caller’s department for a holder in the caller’s region.',
    authScopes: writers,
    args: { input: t.arg({ type: GrantLicenseInput, required: true, description: 'The licence.' }) },
    resolve: (_root, { input }, ctx) => grantLicenseRow(ctx, input),
  }),
);

const RenewLicenseInput = builder.inputType('RenewLicenseInput', {
  description: '延续 Renewal of a licence in force for another validity period.',
  fields: (t) => ({
    number: t.string({ required: true, description: '许可证编号 The licence renewed.', bounds: NUMBER_TEXT }),
    newNumber: t.string({
      description:
        '新编号 New number, when the renewed certificate gets one (required for special equipment, whose number carries the expiry year); food production licences keep theirs.',
      bounds: NUMBER_TEXT,
    }),
    issuedOn: t.field({ type: 'Date', description: '延续决定日期 Date of the renewal decision (default today).' }),
    validFrom: t.field({ type: 'Date', description: '新有效期自 Default the day after the current validTo.' }),
    validTo: t.field({ type: 'Date', description: '新有效期至 Default validFrom + validity − 1 day.' }),
    items: t.field({ type: [LicensedItemInput], description: '许可项目 New items; default unchanged.' }),
    decisionReference: t.string({ required: true, description: '决定文号 Reference of the renewal decision.', bounds: TEXT.reference }),
    publish: t.boolean({ description: '立即公示 Publish the renewal today (default false).' }),
  }),
});

builder.mutationField('renewLicense', (t) =>
  t.field({
    type: LicenseRef,
    description:
      '延续许可 Renews a licence of the caller’s department: in place when the number stays, or as a successor licence under a new number. Returns the licence now in force.',
    authScopes: writers,
    args: { input: t.arg({ type: RenewLicenseInput, required: true, description: 'The renewal.' }) },
    resolve: async (_root, { input }, ctx) => {
      const current = await loadForChange(ctx, input.number, 'input.number');
      const issuedOn = requirePastOrToday(ctx, input.issuedOn ?? ctx.today, 'input.issuedOn');
      const nextDay = addDays(current.validTo, 1);
      // A renewal runs on from the old period, unless decided after it ended.
      const validFrom = input.validFrom ?? (nextDay.localeCompare(issuedOn) > 0 ? nextDay : issuedOn);
      const validTo = validatePeriod(ctx, current.kind, validFrom, input.validTo, 'input.validTo');
      const items = input.items ? validateItems(current.kind, input.items, 'input.items') : current.items;
      const decisionReference = requireText(input.decisionReference, 'input.decisionReference');
      const newNumber = input.newNumber ? validateNumber(ctx, input.newNumber, current.kind, validTo, 'input.newNumber') : null;
      if (!newNumber && checkLicenseNumber(current.number, current.kind, validTo, ctx.rules)) {
        fail(
          'input.newNumber',
          'NEW_NUMBER_REQUIRED',
          `the number ${current.number} does not fit the renewed validity to ${validTo}; give newNumber`,
        );
      }
      const publishedOn = input.publish ? ctx.today : null;
      return applyChange(ctx, current.number, (locked) => {
        const status = effectiveStatus(locked, ctx.today);
        if (status !== 'VALID')
          throw conflict(`only a valid licence can be renewed; ${locked.number} is ${status} (grant a new one)`, {
            reason: 'INVALID_TRANSITION',
          });
        if (locked.renewedBy) throw conflict(`${locked.number} was already renewed by ${locked.renewedBy}`, { reason: 'ALREADY_RENEWED' });
        const renewed = {
          action: 'RENEWED' as const,
          fromStatus: 'VALID' as const,
          toStatus: 'VALID' as const,
          decidedOn: issuedOn,
          decisionReference,
        };
        if (!newNumber || newNumber === locked.number) {
          return {
            changes: {
              issuedOn,
              validFrom,
              validTo,
              items,
              publishedOn,
              firstPublishedOn: locked.firstPublishedOn ?? publishedOn,
              statusChangedOn: issuedOn,
            },
            events: [event(ctx, locked, { ...renewed, reason: `准予延续，有效期至 ${validTo}` })],
          };
        }
        const successor: NewLicense = {
          ...locked,
          number: newNumber,
          items,
          issuedOn,
          validFrom,
          validTo,
          statusChangedOn: issuedOn,
          grantedByCommitment: false,
          commitmentVerification: null,
          commitmentVerifiedOn: null,
          publishedOn,
          firstPublishedOn: publishedOn,
          renews: locked.number,
          renewedBy: null,
          recordedBy: ctx.caller.sub,
          createdAt: new Date(),
          updatedAt: new Date(),
        };
        return {
          changes: { renewedBy: newNumber },
          successor,
          events: [
            event(ctx, locked, { ...renewed, reason: `准予延续，换发新证 ${newNumber}` }),
            event(
              ctx,
              { ...locked, number: newNumber },
              { ...renewed, fromStatus: null, reason: `延续 ${locked.number}，有效期至 ${validTo}` },
            ),
          ],
        };
      });
    },
  }),
);

const ChangeLicenseStatusInput = builder.inputType('ChangeLicenseStatusInput', {
  description: '许可状态变更 A status decision on a licence, with its reason and decision reference.',
  fields: (t) => ({
    number: t.string({ required: true, description: '许可证编号.', bounds: NUMBER_TEXT }),
    action: t.field({ type: LicenseStatusActionEnum, required: true, description: '决定 Suspend, reinstate, revoke, cancel or withdraw.' }),
    reason: t.string({ required: true, description: '理由 Reason.', bounds: TEXT.text }),
    decisionReference: t.string({
      required: true,
      description: '决定文号 Decision reference, e.g. 晋市监处罚〔2026〕12号.',
      bounds: TEXT.reference,
    }),
    decidedOn: t.field({ type: 'Date', description: '决定日期 Default today; not in the future, not before the licence was issued.' }),
  }),
});

builder.mutationField('changeLicenseStatus', (t) =>
  t.field({
    type: LicenseRef,
    description: '变更许可状态 Suspends, reinstates, revokes, cancels or withdraws a licence of the caller’s department.',
    authScopes: writers,
    args: { input: t.arg({ type: ChangeLicenseStatusInput, required: true, description: 'The decision.' }) },
    resolve: async (_root, { input }, ctx) => {
      const current = await loadForChange(ctx, input.number, 'input.number');
      const reason = requireText(input.reason, 'input.reason');
      const decisionReference = requireText(input.decisionReference, 'input.decisionReference');
      const decidedOn = requirePastOrToday(ctx, input.decidedOn ?? ctx.today, 'input.decidedOn');
      if (decidedOn < current.issuedOn) fail('input.decidedOn', 'BEFORE_ISSUE', `the licence was issued on ${current.issuedOn}`);
      return applyChange(ctx, current.number, (locked) => {
        const from = effectiveStatus(locked, ctx.today);
        const problem = transitionProblem(from, input.action);
        if (problem) throw conflict(`${locked.number}: ${problem}`, { reason: 'INVALID_TRANSITION', field: 'input.action' });
        const to = STATUS_TRANSITIONS[input.action].to;
        return {
          changes: { status: to, statusChangedOn: decidedOn },
          events: [
            event(ctx, locked, {
              action: ACTION_EVENTS[input.action],
              fromStatus: from,
              toStatus: to,
              decidedOn,
              reason,
              decisionReference,
            }),
          ],
        };
      });
    },
  }),
);

builder.mutationField('publishLicense', (t) =>
  t.field({
    type: LicenseRef,
    description: '公示许可 Records that the latest decision on a licence of the caller’s department was published.',
    authScopes: writers,
    args: {
      number: t.arg.string({ required: true, description: '许可证编号.', bounds: NUMBER_TEXT }),
      publishedOn: t.arg({ type: 'Date', description: '公示日期 Default today; not before the decision, not in the future.' }),
    },
    resolve: async (_root, args, ctx) => {
      const current = await loadForChange(ctx, args.number, 'number');
      const publishedOn = requirePastOrToday(ctx, args.publishedOn ?? ctx.today, 'publishedOn');
      if (publishedOn < current.issuedOn) fail('publishedOn', 'BEFORE_DECISION', `the decision was taken on ${current.issuedOn}`);
      return applyChange(ctx, current.number, (locked) => {
        if (locked.publishedOn)
          throw conflict(`${locked.number} was already published on ${locked.publishedOn}`, { reason: 'ALREADY_PUBLISHED' });
        return { changes: { publishedOn, firstPublishedOn: locked.firstPublishedOn ?? publishedOn }, events: [] };
      });
    },
  }),
);

const RecordCommitmentVerificationInput = builder.inputType('RecordCommitmentVerificationInput', {
  description: '告知承诺核查 Outcome of verifying a licence granted by notification-commitment.',
  fields: (t) => ({
    number: t.string({ required: true, description: '许可证编号.', bounds: NUMBER_TEXT }),
    outcome: t.field({ type: CommitmentVerificationEnum, required: true, description: '核查结果 CONFIRMED or NOT_MET.' }),
    verifiedOn: t.field({ type: 'Date', description: '核查日期 Default today.' }),
    note: t.string({ description: '核查说明 Internal note on the verification.', bounds: TEXT.text }),
  }),
});

builder.mutationField('recordCommitmentVerification', (t) =>
  t.field({
    type: LicenseRef,
    description:
      '录入告知承诺核查结果 Records the verification of a commitment-based licence. NOT_MET does not change the status by itself: withdrawing is a separate decision (changeLicenseStatus WITHDRAW).',
    authScopes: writers,
    args: { input: t.arg({ type: RecordCommitmentVerificationInput, required: true, description: 'The verification.' }) },
    resolve: async (_root, { input }, ctx) => {
      const current = await loadForChange(ctx, input.number, 'input.number');
      if (!current.grantedByCommitment)
        fail('input.number', 'NOT_BY_COMMITMENT', `${current.number} was not granted by notification-commitment`);
      if (input.outcome === 'PENDING') fail('input.outcome', 'NOT_AN_OUTCOME', 'record CONFIRMED or NOT_MET');
      const verifiedOn = requirePastOrToday(ctx, input.verifiedOn ?? ctx.today, 'input.verifiedOn');
      if (verifiedOn < current.issuedOn) fail('input.verifiedOn', 'BEFORE_ISSUE', `the licence was issued on ${current.issuedOn}`);
      const note = input.note?.trim();
      return applyChange(ctx, current.number, (locked) => ({
        changes: {
          commitmentVerification: input.outcome,
          commitmentVerifiedOn: verifiedOn,
          internalNotes: note ? [locked.internalNotes, `${verifiedOn} 核查：${note}`].filter(Boolean).join('\n') : locked.internalNotes,
        },
        events: [],
      }));
    },
  }),
);
