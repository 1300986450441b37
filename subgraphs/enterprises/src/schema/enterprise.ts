import {
  callerSeesRegion,
  decodeCursor,
  defineConnection,
  encodeCursor,
  pageSize,
  parseRegionPrefix,
  requireValidUscc,
  TEXT,
  toPage,
} from '@credit-hub/subgraph-kit';
import { type GraphQLResolveInfo, Kind } from 'graphql';
import { builder } from '../builder.ts';
import { isFiledOnTime, lastDueYear, missingReportYears } from '../data/annual-report-rules.ts';
import {
  countEnterprises,
  type EnterpriseFilter,
  estimateEnterprises,
  NAME_SEARCH_COUNT_LIMIT,
  nameSearchPlan,
  searchEnterprises,
} from '../data/enterprise-store.ts';
import type { EnterpriseRow } from '../db/schema.ts';
import { AnnualReportComplianceRef, AnnualReportRef } from './annual-report.ts';
import { CreditCommitmentRef } from './credit-commitment.ts';
import { EntityTypeEnum, entityTypeOf, KeyDomainEnum, RegistrationStatusEnum } from './enums.ts';
import { RegionRef, regionOf } from './region.ts';

export const MAX_BATCH = 500;

/** Enterprise fields resolved from the code, status and region columns alone. */
const FACT_FIELDS = new Set(['uscc', 'status', 'region', '__typename']);

/**
 * Whether the query asks only for FACT_FIELDS of the enterprises (what the kit's
 * EnterpriseDirectory asks before every write elsewhere). A fragment or any other field means no:
 * the whole rows are loaded.
 */
function selectsOnlyFacts(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every((selection) => selection.kind === Kind.FIELD && FACT_FIELDS.has(selection.name.value)),
  );
}
/** Longest name fragment searched for: longer ones match nothing a person would type. */
const MAX_NAME_FRAGMENT = 50;

export const EnterpriseRef = builder.objectRef<EnterpriseRow>('Enterprise');

builder.asEntity(EnterpriseRef, {
  key: builder.selection<{ uscc: string }>('uscc'),
  resolveReference: (reference, ctx) => ctx.loaders.enterprise.load(reference.uscc),
});

/** Supervision-only fields: the regulator of the enterprise's region, analysts and admins. */
const supervisorOnly = (description: string) => ({
  nullable: true as const,
  description: `${description} Supervisors of the enterprise's region only; null for others.`,
  authScopes: (enterprise: EnterpriseRow) => ({ seesRegion: enterprise.regionCode }),
  unauthorizedResolver: () => null,
});

EnterpriseRef.implement({
  description:
    '企业 Market entity keyed by its unified social credit code, with the basic information the national enterprise credit publicity system shows (基础信息).',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code (18 characters).' }),
    registrationNumber: t.exposeString('registrationNumber', {
      nullable: true,
      description: '注册号 Old 15-digit registration number, for entities registered before 2015.',
    }),
    name: t.exposeString('name', { description: '企业名称 Registered name.' }),
    formerNames: t.field({
      type: [FormerNameRef],
      description: '曾用名 Former names, most recent last.',
      resolve: (e, _args, ctx) => ctx.loaders.formerNames.load(e.uscc),
    }),
    enterpriseType: t.exposeString('enterpriseType', { description: '企业类型 Legal form, e.g. 有限责任公司（自然人投资或控股）.' }),
    entityType: t.field({
      type: EntityTypeEnum,
      description: '主体类型 Enterprise, individual business or cooperative.',
      resolve: (e) => entityTypeOf(e.uscc),
    }),
    legalRepresentative: t.exposeString('legalRepresentative', { description: '法定代表人（负责人、经营者） Legal representative.' }),
    registeredCapital: t.float({
      nullable: true,
      description: '注册资本（万元） Registered capital in 10 000 units of `capitalCurrency`.',
      resolve: (e) => e.registeredCapital,
    }),
    capitalCurrency: t.exposeString('capitalCurrency', { description: '币种 ISO 4217 currency of the capital.' }),
    establishedOn: t.expose('establishedOn', { type: 'Date', description: '成立日期 Date established.' }),
    businessTermFrom: t.expose('businessTermFrom', { type: 'Date', nullable: true, description: '营业期限自 Business term from.' }),
    businessTermTo: t.expose('businessTermTo', {
      type: 'Date',
      nullable: true,
      description: '营业期限至 Business term to; null means 长期 (open-ended).',
    }),
    registrationAuthority: t.exposeString('registrationAuthority', { description: '登记机关 Registration authority.' }),
    approvedOn: t.expose('approvedOn', { type: 'Date', nullable: true, description: '核准日期 Date of the latest approved registration.' }),
    status: t.expose('status', { type: RegistrationStatusEnum, description: '登记状态 Registration status.' }),
    region: t.field({
      type: RegionRef,
      description: '所属区划 Division the enterprise is registered in.',
      resolve: (e) => regionOf(e.regionCode),
    }),
    address: t.exposeString('address', { description: '住所 Registered address.' }),
    businessScope: t.exposeString('businessScope', { description: '经营范围 Business scope.' }),
    industry: t.field({
      type: IndustryRef,
      nullable: true,
      description: '行业 Industry (GB/T 4754 category).',
      resolve: (e) => (e.industryCode ? { code: e.industryCode, name: e.industryName ?? '' } : null),
    }),
    keyDomains: t.field({
      type: [KeyDomainEnum],
      description: '重点领域 Focus domains the enterprise belongs to.',
      resolve: (e) => e.keyDomains,
    }),
    annualReports: t.field({
      type: [AnnualReportRef],
      description: '年度报告 Annual reports, newest first.',
      resolve: async (e, _args, ctx) => (await ctx.loaders.annualReports.load(e.uscc)).map((r) => ({ ...r, regionCode: e.regionCode })),
    }),
    annualReportCompliance: t.field({
      type: AnnualReportComplianceRef,
      description: '年报履行情况 Missing and late annual reports in the last five closed windows.',
      resolve: async (e, _args, ctx) => {
        const reports = await ctx.loaders.annualReports.load(e.uscc);
        const last = lastDueYear(ctx.today);
        return {
          lastDueYear: last,
          missingYears: missingReportYears(e.establishedOn, reports, ctx.today),
          lateYears: reports
            .filter((r) => r.year > last - 5 && !isFiledOnTime(r))
            .map((r) => r.year)
            .sort(),
        };
      },
    }),
    creditCommitments: t.field({
      type: [CreditCommitmentRef],
      description: '信用承诺 Credit commitments; the public sees published ones only.',
      resolve: async (e, _args, ctx) => {
        const commitments = await ctx.loaders.creditCommitments.load(e.uscc);
        return callerSeesRegion(ctx.caller, e.regionCode) ? commitments : commitments.filter((c) => c.published);
      },
    }),
    usccAllowListed: t.exposeBoolean('usccAllowListed', {
      description: '白名单 The code fails a check and was accepted through the operator allow-list.',
    }),
    contactPhone: t.exposeString('contactPhone', supervisorOnly('联系电话 Contact phone.')),
    contactEmail: t.exposeString('contactEmail', supervisorOnly('电子邮箱 Contact e-mail.')),
    internalNotes: t.exposeString('internalNotes', supervisorOnly('内部备注 Internal notes of the registration department.')),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: '更新时间 Last change to the basic information.' }),
  }),
});

const FormerNameRef = builder.objectRef<{ name: string; usedUntil: string | null }>('FormerName').implement({
  description: '曾用名 A name the enterprise used before.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The former name.' }),
    usedUntil: t.expose('usedUntil', { type: 'Date', nullable: true, description: 'Last day the name was used.' }),
  }),
});

const IndustryRef = builder.objectRef<{ code: string; name: string }>('Industry').implement({
  description: '国民经济行业分类 Industry (GB/T 4754).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Category code, e.g. C14.' }),
    name: t.exposeString('name', { description: 'Category name, e.g. 食品制造业.' }),
  }),
});

builder.queryField('enterprise', (t) =>
  t.field({
    type: EnterpriseRef,
    nullable: true,
    description: '按代码查询企业 One enterprise by its unified social credit code; null when unknown, BAD_USER_INPUT when malformed.',
    args: {
      uscc: t.arg.string({ required: true, description: '统一社会信用代码; spaces and lower case are normalised.', bounds: TEXT.code }),
    },
    resolve: (_root, { uscc }, ctx) => ctx.loaders.enterprise.load(requireValidUscc(uscc, 'uscc', ctx.allowList)),
  }),
);

builder.queryField('enterprises', (t) =>
  t.field({
    type: [EnterpriseRef],
    nullable: { list: false, items: true },
    description: `批量查询企业 Up to ${MAX_BATCH} enterprises by code, in the order given; null for unknown codes.`,
    args: { usccs: t.arg.stringList({ required: true, description: 'Codes to look up.', bounds: { ...TEXT.code, maxItems: MAX_BATCH } }) },
    resolve: (_root, { usccs }, ctx, info) => {
      const codes = usccs.map((code, index) => requireValidUscc(code, `usccs[${index}]`, ctx.allowList));
      // The other subgraphs' lookup before a write (uscc, status, region) reads three columns, not whole rows.
      const loader = selectsOnlyFacts(info) ? ctx.loaders.enterpriseFacts : ctx.loaders.enterprise;
      return Promise.all(codes.map((code) => loader.load(code) as Promise<EnterpriseRow | null>));
    },
  }),
);

export const EnterpriseFilterInput = builder.inputType('EnterpriseFilter', {
  description: '企业检索条件 Filters for searchEnterprises; all given filters must hold.',
  fields: (t) => ({
    nameContains: t.string({
      description: '名称关键字 Fragment of the current or a former name, e.g. 食品 (indexed for Chinese).',
      bounds: { maxLength: MAX_NAME_FRAGMENT },
    }),
    regionCode: t.string({
      description: '区划 Division code or prefix: 14 / 140000 (Shanxi), 1408 / 140800 (Yuncheng), 140802.',
      bounds: TEXT.code,
    }),
    statuses: t.field({ type: [RegistrationStatusEnum], description: '登记状态 Any of these statuses.' }),
    keyDomains: t.field({ type: [KeyDomainEnum], description: '重点领域 In any of these focus domains.' }),
    industryCode: t.string({ description: '行业代码 GB/T 4754 category, e.g. C14.', bounds: TEXT.code }),
    establishedFrom: t.field({ type: 'Date', description: '成立日期起 Established on or after.' }),
    establishedTo: t.field({ type: 'Date', description: '成立日期止 Established on or before.' }),
    registrationNumber: t.string({ description: '注册号 Old 15-digit registration number (exact).', bounds: TEXT.reference }),
  }),
});

const EnterpriseConnection = defineConnection(builder, EnterpriseRef, {
  name: 'EnterpriseConnection',
  description: '企业检索结果 A page of enterprises, ordered by code.',
});

builder.objectField(EnterpriseConnection, 'totalCountExact', (t) =>
  t.boolean({
    description: `计数是否精确 False when a name search matches more than ${NAME_SEARCH_COUNT_LIMIT.toLocaleString('en')} enterprises: totalCount is then the database's estimate (counting every match of a frequent fragment would cost more than the page).`,
    resolve: (page) => (page as unknown as { totalCountExact?: () => Promise<boolean> }).totalCountExact?.() ?? true,
  }),
);

builder.queryField('searchEnterprises', (t) =>
  t.field({
    type: EnterpriseConnection,
    description: '企业检索 Searches enterprises by name fragment, region, status, focus domain and establishment date; keyset pagination.',
    args: {
      filter: t.arg({ type: EnterpriseFilterInput, description: 'Conditions; none returns all enterprises.' }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const after = args.after ? String(decodeCursor(args.after, ['text'])[0]) : undefined;
      const input = args.filter ?? {};
      const filter: EnterpriseFilter = {
        nameContains: input.nameContains?.trim() || undefined,
        regionPrefix: parseRegionPrefix(input.regionCode, 'filter.regionCode'),
        statuses: input.statuses,
        keyDomains: input.keyDomains,
        industryCode: input.industryCode,
        establishedFrom: input.establishedFrom,
        establishedTo: input.establishedTo,
        registrationNumber: input.registrationNumber,
      };
      // A name search asks the planner first (EXPLAIN, well under a millisecond) how many match:
      // up to 10 000 → fetch them all through the gram index and sort; more → walk the code index;
      // and totalCount beyond the count limit (2 000) is that estimate rather than a count.
      const estimate = filter.nameContains ? await estimateEnterprises(ctx.db, filter) : undefined;
      const plan = estimate === undefined ? undefined : nameSearchPlan(estimate);
      let counted: Promise<number> | undefined;
      const total = () => {
        counted ??= plan && !plan.countMatches ? Promise.resolve(NAME_SEARCH_COUNT_LIMIT + 1) : countEnterprises(ctx.db, filter);
        return counted;
      };
      const rows = await searchEnterprises(ctx.db, filter, { limit: size + 1, afterUscc: after, fewMatches: plan?.sortMatches });
      for (const row of rows.slice(0, size)) ctx.loaders.enterprise.prime(row.uscc, row);
      return Object.assign(
        toPage(rows, size, {
          after: after !== undefined,
          cursorOf: (row) => encodeCursor([row.uscc]),
          totalCount: async () => {
            if (!filter.nameContains) return total();
            const counted = await total();
            // Past the limit: the planner's estimate (never below the limit it is known to exceed).
            return counted <= NAME_SEARCH_COUNT_LIMIT ? counted : Math.max(NAME_SEARCH_COUNT_LIMIT + 1, Math.round(estimate ?? 0));
          },
        }),
        { totalCountExact: async () => !filter.nameContains || (await total()) <= NAME_SEARCH_COUNT_LIMIT },
      );
    },
  }),
);
