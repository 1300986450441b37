import {
  assertCanWrite,
  badUserInput,
  conflict,
  newRecordFacts,
  notFound,
  type RecordFacts,
  requireValidUscc,
  TEXT,
} from '@credit-hub/subgraph-kit';
import { checkUscc, getDivision, type UsccProblem } from '@credit-hub/uscc';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { upsertAnnualReport } from '../data/annual-report-store.ts';
import { insertCreditCommitment } from '../data/credit-commitment-store.ts';
import { EnterpriseExistsError, insertEnterprise, type NewEnterprise, updateEnterprise } from '../data/enterprise-store.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { AnnualReportRef } from './annual-report.ts';
import { CreditCommitmentRef } from './credit-commitment.ts';
import { EnterpriseRef } from './enterprise.ts';
import { CommitmentFulfilmentEnum, KeyDomainEnum, RegistrationStatusEnum } from './enums.ts';
import { UsccProblemRef } from './uscc-check.ts';

const writers = { $any: { regulator: true, admin: true } } as const;

/**
 * Master data and annual reports (登记注册) are kept by the registration departments of the
 * enterprise's registered region; the region is the stored one, never the caller's input.
 */
const masterData = (ctx: Context, regionCode: string): RecordFacts => ({
  region: regionCode,
  owner: ctx.registrationDepartments,
  published: true,
});

async function loadForWrite(ctx: Context, uscc: string, field: string): Promise<EnterpriseRow> {
  const code = requireValidUscc(uscc, field, ctx.allowList);
  const enterprise = await ctx.loaders.enterprise.load(code);
  if (!enterprise) throw notFound(`no enterprise with code ${code} (企业不存在)`, { field });
  return enterprise;
}

const REQUIRED_FIELDS = [
  'name',
  'enterpriseType',
  'legalRepresentative',
  'establishedOn',
  'registrationAuthority',
  'status',
  'regionCode',
  'address',
  'businessScope',
  'keyDomains',
] as const;

/** Field checks shared by register and update; each failure names the field and the reason. */
function validateFields(input: Partial<NewEnterprise>): void {
  const fail = (field: string, reason: string, message: string) => {
    throw badUserInput(`input.${field}: ${message}`, { field: `input.${field}`, reason });
  };
  // An update may send null for an optional input field: these columns cannot be cleared.
  for (const field of REQUIRED_FIELDS) {
    if ((input as Record<string, unknown>)[field] === null) fail(field, 'REQUIRED', `${field} cannot be cleared`);
  }
  if (input.name !== undefined && (input.name.trim().length < 2 || input.name.length > 100))
    fail('name', 'LENGTH', 'name must be 2–100 characters');
  if (input.regionCode !== undefined && !getDivision(input.regionCode))
    fail('regionCode', 'UNKNOWN_DIVISION', `${input.regionCode} is not a GB/T 2260 division code`);
  if (input.registeredCapital != null && input.registeredCapital < 0) fail('registeredCapital', 'NEGATIVE', 'capital cannot be negative');
  if (input.registrationNumber != null && !/^\d{15}$/.test(input.registrationNumber))
    fail('registrationNumber', 'FORMAT', 'a registration number has 15 digits');
  if (input.businessTermFrom && input.businessTermTo && input.businessTermTo <= input.businessTermFrom)
    fail('businessTermTo', 'BEFORE_START', 'business term must end after it starts');
  if (input.contactEmail != null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.contactEmail))
    fail('contactEmail', 'FORMAT', 'not an e-mail address');
  for (const field of ['legalRepresentative', 'address', 'businessScope', 'registrationAuthority', 'enterpriseType'] as const) {
    if (input[field] !== undefined && input[field].trim() === '') fail(field, 'EMPTY', `${field} cannot be empty`);
  }
}

const enterpriseFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0], required: boolean) => ({
  name: t.string({ required, description: '企业名称 Registered name.', bounds: TEXT.name }),
  enterpriseType: t.string({ required, description: '企业类型 Legal form.', bounds: TEXT.name }),
  legalRepresentative: t.string({ required, description: '法定代表人 Legal representative.', bounds: TEXT.name }),
  registeredCapital: t.float({ description: '注册资本（万元） Registered capital.' }),
  establishedOn: t.field({ type: 'Date', required, description: '成立日期 Date established.' }),
  businessTermFrom: t.field({ type: 'Date', description: '营业期限自 Business term from.' }),
  businessTermTo: t.field({ type: 'Date', description: '营业期限至 Business term to; omit for 长期.' }),
  registrationAuthority: t.string({ required, description: '登记机关 Registration authority.', bounds: TEXT.name }),
  approvedOn: t.field({ type: 'Date', description: '核准日期 Approval date.' }),
  status: t.field({ type: RegistrationStatusEnum, description: '登记状态 Registration status (default ACTIVE).' }),
  regionCode: t.string({ description: '区划代码 Division; defaults to positions 3–8 of the code.', bounds: TEXT.code }),
  address: t.string({ required, description: '住所 Registered address.', bounds: TEXT.line }),
  businessScope: t.string({ required, description: '经营范围 Business scope.', bounds: TEXT.longText }),
  // GB/T 4754 codes have at most 5 characters; the column holds 8.
  industryCode: t.string({ description: '行业代码 GB/T 4754 category.', bounds: { maxLength: 8 } }),
  industryName: t.string({ description: '行业名称 Industry name.', bounds: TEXT.name }),
  keyDomains: t.field({ type: [KeyDomainEnum], description: '重点领域 Focus domains.' }),
  registrationNumber: t.string({ description: '注册号 Old 15-digit registration number.', bounds: TEXT.reference }),
  contactPhone: t.string({ description: '联系电话 Contact phone (supervisors only).', bounds: TEXT.code }),
  contactEmail: t.string({ description: '电子邮箱 Contact e-mail (supervisors only).', bounds: TEXT.line }),
  internalNotes: t.string({ description: '内部备注 Internal notes (supervisors only).', bounds: TEXT.text }),
});

const RegisterEnterpriseInput = builder.inputType('RegisterEnterpriseInput', {
  description: '企业登记 A new enterprise.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码.', bounds: TEXT.code }),
    ...enterpriseFields(t, true),
  }),
});

const UpdateEnterpriseInput = builder.inputType('UpdateEnterpriseInput', {
  description: '变更登记 Changes to an enterprise; omitted fields stay as they are. A new name keeps the old one as a former name.',
  fields: (t) => enterpriseFields(t, false),
});

const RegisterEnterprisePayload = builder
  .objectRef<{ enterprise: EnterpriseRow; warnings: UsccProblem[] }>('RegisterEnterprisePayload')
  .implement({
    description: '登记结果 The registered enterprise and any warnings about its code.',
    fields: (t) => ({
      enterprise: t.field({ type: EnterpriseRef, description: 'The enterprise as stored.', resolve: (p) => p.enterprise }),
      warnings: t.field({
        type: [UsccProblemRef],
        description: 'Warnings, e.g. an allow-listed code or a historical division code.',
        resolve: (p) => p.warnings,
      }),
    }),
  });

/** Drops undefined and maps GraphQL nulls to "clear the field" for nullable columns. */
const definedOnly = <T extends Record<string, unknown>>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;

builder.mutationField('registerEnterprise', (t) =>
  t.field({
    type: RegisterEnterprisePayload,
    description:
      "设立登记 Registers an enterprise in the caller's region: registration departments (登记注册, `REGISTRATION_DEPARTMENTS`) and admins only. CONFLICT when the code exists.",
    authScopes: writers,
    args: { input: t.arg({ type: RegisterEnterpriseInput, required: true, description: 'The enterprise.' }) },
    resolve: async (_root, { input }, ctx) => {
      const uscc = requireValidUscc(input.uscc, 'input.uscc', ctx.allowList);
      const check = checkUscc(uscc, { allowList: ctx.allowList });
      const { uscc: _raw, ...rest } = input;
      const row: NewEnterprise = {
        ...(definedOnly(rest) as Omit<NewEnterprise, 'uscc' | 'updatedBy' | 'regionCode'>),
        uscc,
        status: input.status ?? 'ACTIVE',
        regionCode: input.regionCode ?? uscc.slice(2, 8),
        keyDomains: input.keyDomains ?? [],
        usccAllowListed: check.allowListed,
        updatedBy: ctx.caller.sub,
      };
      validateFields(row);
      assertCanWrite(ctx.caller, masterData(ctx, row.regionCode), `enterprise ${uscc}`);
      try {
        const enterprise = await insertEnterprise(ctx.db, row);
        return { enterprise, warnings: check.problems.filter((p) => p.severity === 'warning') };
      } catch (error) {
        if (error instanceof EnterpriseExistsError)
          throw conflict(`enterprise ${uscc} is already registered (企业已存在)`, { field: 'input.uscc' });
        throw error;
      }
    },
  }),
);

builder.mutationField('updateEnterprise', (t) =>
  t.field({
    type: EnterpriseRef,
    description:
      "变更登记 Changes an enterprise registered in the caller's region (registration departments and admins only); moving it requires the target region too.",
    authScopes: writers,
    args: {
      uscc: t.arg.string({ required: true, description: '统一社会信用代码.', bounds: TEXT.code }),
      input: t.arg({ type: UpdateEnterpriseInput, required: true, description: 'The changes.' }),
    },
    resolve: async (_root, { uscc, input }, ctx) => {
      const current = await loadForWrite(ctx, uscc, 'uscc');
      assertCanWrite(ctx.caller, masterData(ctx, current.regionCode), `enterprise ${current.uscc}`);
      const patch = definedOnly(input) as Partial<NewEnterprise>;
      validateFields({
        ...patch,
        businessTermFrom: patch.businessTermFrom ?? current.businessTermFrom,
        businessTermTo: patch.businessTermTo ?? current.businessTermTo,
      });
      // A move (迁移) needs the registration department of the region it moves to as well.
      if (patch.regionCode) assertCanWrite(ctx.caller, masterData(ctx, patch.regionCode), 'input.regionCode');
      const updated = await updateEnterprise(ctx.db, current.uscc, patch, ctx.caller.sub, ctx.today);
      if (!updated) throw notFound(`no enterprise with code ${current.uscc}`, { field: 'uscc' });
      ctx.loaders.enterprise.clear(current.uscc).prime(current.uscc, updated);
      ctx.loaders.formerNames.clear(current.uscc);
      return updated;
    },
  }),
);

const RecordAnnualReportInput = builder.inputType('RecordAnnualReportInput', {
  description: '年报录入 An annual report as filed; filing again for the same year records a correction.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码.', bounds: TEXT.code }),
    year: t.int({ required: true, description: '报告年度 Year reported on.' }),
    submittedOn: t.field({ type: 'Date', required: true, description: '报送日期 Date filed.' }),
    businessStatus: t.string({ required: true, description: '经营状态 e.g. 开业.', bounds: TEXT.name }),
    contactPhone: t.string({ description: '联系电话.', bounds: TEXT.code }),
    contactEmail: t.string({ description: '电子邮箱.', bounds: TEXT.line }),
    address: t.string({ description: '通信地址.', bounds: TEXT.line }),
    subscribedCapital: t.float({ description: '认缴出资额（万元）.' }),
    paidInCapital: t.float({ description: '实缴出资额（万元）.' }),
    employees: t.int({ description: '从业人数.' }),
    totalAssets: t.float({ description: '资产总额（万元）.' }),
    revenue: t.float({ description: '营业总收入（万元）.' }),
    optionalFieldsPublished: t.boolean({ description: '选择公示 Publish headcount, assets and revenue (default false).' }),
  }),
});

builder.mutationField('recordAnnualReport', (t) =>
  t.field({
    type: AnnualReportRef,
    description:
      "录入年度报告 Records an annual report for an enterprise registered in the caller's region (registration departments and admins only).",
    authScopes: writers,
    args: { input: t.arg({ type: RecordAnnualReportInput, required: true, description: 'The report.' }) },
    resolve: async (_root, { input }, ctx) => {
      const enterprise = await loadForWrite(ctx, input.uscc, 'input.uscc');
      assertCanWrite(ctx.caller, masterData(ctx, enterprise.regionCode), `annual reports of ${enterprise.uscc}`);
      const currentYear = Number(ctx.today.slice(0, 4));
      if (input.year < Number(enterprise.establishedOn.slice(0, 4)) || input.year >= currentYear) {
        throw badUserInput(`input.year: ${input.year} is not a year this enterprise can report on`, {
          field: 'input.year',
          reason: 'OUT_OF_RANGE',
        });
      }
      if (input.submittedOn < `${input.year + 1}-01-01` || input.submittedOn > ctx.today) {
        throw badUserInput('input.submittedOn: must fall after the reported year and not in the future', {
          field: 'input.submittedOn',
          reason: 'OUT_OF_RANGE',
        });
      }
      for (const field of ['employees', 'subscribedCapital', 'paidInCapital', 'totalAssets'] as const) {
        const value = input[field];
        if (value != null && value < 0)
          throw badUserInput(`input.${field}: cannot be negative`, { field: `input.${field}`, reason: 'NEGATIVE' });
      }
      const { uscc: _raw, ...rest } = input;
      const report = await upsertAnnualReport(ctx.db, {
        ...definedOnly(rest),
        uscc: enterprise.uscc,
        year: input.year,
        submittedOn: input.submittedOn,
        businessStatus: input.businessStatus,
        optionalFieldsPublished: input.optionalFieldsPublished ?? false,
        recordedBy: ctx.caller.sub,
      } as Parameters<typeof upsertAnnualReport>[1]);
      ctx.loaders.annualReports.clear(enterprise.uscc);
      return { ...report, regionCode: enterprise.regionCode };
    },
  }),
);

const RecordCreditCommitmentInput = builder.inputType('RecordCreditCommitmentInput', {
  description: "信用承诺录入 A credit commitment an enterprise made to the caller's department.",
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码.', bounds: TEXT.code }),
    matter: t.string({ required: true, description: '承诺事项.', bounds: TEXT.line }),
    content: t.string({ required: true, description: '承诺内容.', bounds: TEXT.longText }),
    committedOn: t.field({ type: 'Date', required: true, description: '承诺日期.' }),
    authority: t.string({ required: true, description: '受理机关.', bounds: TEXT.name }),
    fulfilment: t.field({ type: CommitmentFulfilmentEnum, description: '履行状态 (default IN_PROGRESS).' }),
    published: t.boolean({ description: '是否公示 (default true).' }),
  }),
});

builder.mutationField('recordCreditCommitment', (t) =>
  t.field({
    type: CreditCommitmentRef,
    description:
      "录入信用承诺 Records a commitment for an enterprise registered in the caller's region, under the caller's department (any department of the region).",
    authScopes: writers,
    args: { input: t.arg({ type: RecordCreditCommitmentInput, required: true, description: 'The commitment.' }) },
    resolve: async (_root, { input }, ctx) => {
      const enterprise = await loadForWrite(ctx, input.uscc, 'input.uscc');
      // A commitment belongs to the department it was made to: any department of the region records its own.
      assertCanWrite(ctx.caller, newRecordFacts(ctx.caller, enterprise.regionCode), `commitments of ${enterprise.uscc}`);
      if (input.committedOn > ctx.today)
        throw badUserInput('input.committedOn: cannot be in the future', { field: 'input.committedOn', reason: 'OUT_OF_RANGE' });
      if (!input.matter.trim() || !input.content.trim())
        throw badUserInput('input.matter and input.content are required', { field: 'input.content', reason: 'EMPTY' });
      const commitment = await insertCreditCommitment(ctx.db, {
        uscc: enterprise.uscc,
        matter: input.matter,
        content: input.content,
        committedOn: input.committedOn,
        authority: input.authority,
        department: ctx.caller.dept ?? 'ADMIN',
        fulfilment: input.fulfilment ?? 'IN_PROGRESS',
        published: input.published ?? true,
        recordedBy: ctx.caller.sub,
      });
      ctx.loaders.creditCommitments.clear(enterprise.uscc);
      return commitment;
    },
  }),
);
