import {
  badUserInput,
  decodeCursor,
  defineConnection,
  encodeCursor,
  pageSize,
  parseRegionPrefix,
  TEXT,
  toPage,
} from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { countExpiringLicenses, countLicenses, findExpiringLicenses, type LicenseFilter, searchLicenses } from '../data/license-store.ts';
import { callerSeesRecord, recordFacts, visibilityScopeOf } from '../data/visibility.ts';
import type { LicensedItem, LicenseRow, LicenseStatusChangeRow } from '../db/schema.ts';
import type { LicenseKind } from '../rules/license-kinds.ts';
import { normalizeLicenseNumber } from '../rules/license-number-rules.ts';
import { effectiveStatus, expiryBoundsForRenewalDueBy, renewalDue } from '../rules/license-status-rules.ts';
import { publicationOf } from '../rules/publication-rules.ts';
import { EnterpriseRef } from './enterprise-ref.ts';
import { CommitmentVerificationEnum, LicenseActionEnum, LicensedActivityEnum, LicenseKindEnum, LicenseStatusEnum } from './enums.ts';
import { PublicationRef } from './publication.ts';
import { RegionRef, regionOf } from './region.ts';
import { ComputedDateRef } from './rules.ts';
import { NUMBER_TEXT } from './text-bounds.ts';

/** The public sees a licence once first published; regulators of its region and analysts always. */
export const callerSeesLicense = (ctx: Context, license: LicenseRow) =>
  callerSeesRecord(ctx.caller, license, license.firstPublishedOn, ctx.today);

/** What the access policy judges a licence by (its stored region, producing department, publication). */
export const licenseFacts = (ctx: Context, license: LicenseRow) => recordFacts(license, license.firstPublishedOn, ctx.today);

const LICENSE_NAMES: Record<LicenseKind, string> = {
  SPECIAL_EQUIPMENT_PRODUCTION: '特种设备生产许可证',
  SPECIAL_EQUIPMENT_FILLING: '移动式压力容器/气瓶充装许可证',
  SPECIAL_EQUIPMENT_INSPECTION: '特种设备检验检测机构核准证',
  FOOD_PRODUCTION: '食品生产许可证',
  OTHER: '行政许可',
};

export const LicensedItemRef = builder.objectRef<LicensedItem>('LicensedItem').implement({
  description: '许可项目 One licensed item: the activity, the equipment or food category, and its parameters.',
  fields: (t) => ({
    activity: t.field({
      type: LicensedActivityEnum,
      nullable: true,
      description: '项目 Activity (设计、制造、安装、改造、修理、充装、检验检测、食品生产).',
      resolve: (item) => item.activity,
    }),
    category: t.exposeString('category', { description: '设备类别/食品类别 Equipment or food category, e.g. 压力容器, 粮食加工品.' }),
    categoryCode: t.exposeString('categoryCode', { nullable: true, description: '类别代码 Category code, e.g. 101 for 粮食加工品.' }),
    parameters: t.exposeString('parameters', {
      nullable: true,
      description: '参数/级别 Parameters or grade, e.g. 第三类压力容器（A2）.',
    }),
  }),
});

export const IssuingAuthorityRef = builder
  .objectRef<{ name: string; code: string | null; region: string | null }>('IssuingAuthority')
  .implement({
    description: '发证机关 The authority that issued a licence or registration.',
    fields: (t) => ({
      name: t.exposeString('name', { description: '名称 Name, e.g. 山西省市场监督管理局.' }),
      code: t.exposeString('code', { nullable: true, description: '机关代码 Unified social credit code of the authority.' }),
      region: t.field({
        type: RegionRef,
        nullable: true,
        description: '所在区划 Division of the authority.',
        resolve: (authority) => (authority.region ? regionOf(authority.region) : null),
      }),
    }),
  });

export const LicenseStatusChangeRef = builder.objectRef<LicenseStatusChangeRow & { regionCode: string }>('LicenseStatusChange').implement({
  description: '许可决定记录 One decision in a licence’s history, with its reason and decision reference.',
  fields: (t) => ({
    action: t.expose('action', { type: LicenseActionEnum, description: '决定 What was decided.' }),
    fromStatus: t.expose('fromStatus', {
      type: LicenseStatusEnum,
      nullable: true,
      description: '变更前 Status before; null for the grant.',
    }),
    toStatus: t.expose('toStatus', { type: LicenseStatusEnum, description: '变更后 Status after.' }),
    decidedOn: t.expose('decidedOn', { type: 'Date', description: '决定日期 Date of the decision.' }),
    reason: t.exposeString('reason', { description: '理由 Reason given in the decision.' }),
    decisionReference: t.exposeString('decisionReference', { description: '决定文号 Decision reference, e.g. 晋市监许〔2026〕12号.' }),
    department: t.exposeString('department', { description: '决定部门 Department code that took the decision.' }),
    recordedBy: t.exposeString('recordedBy', {
      nullable: true,
      description: '录入人 Account that recorded it. Supervisors of the region only; null for others.',
      authScopes: (change) => ({ seesRegion: change.regionCode }),
      unauthorizedResolver: () => null,
    }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: '录入时间 When it was recorded.' }),
  }),
});

export const LicenseRef = builder.objectRef<LicenseRow>('License').implement({
  description: '行政许可 Administrative licence held under the holder’s unified social credit code (行政许可信息).',
  fields: (t) => ({
    number: t.exposeString('number', { description: '许可证编号 Licence number, unique, e.g. TS2210123-2027 or SC10114080200012.' }),
    name: t.string({ description: '许可证名称 Name of the licence, e.g. 食品生产许可证.', resolve: (l) => LICENSE_NAMES[l.kind] }),
    kind: t.expose('kind', { type: LicenseKindEnum, description: '许可类别 Kind of licence.' }),
    items: t.field({ type: [LicensedItemRef], description: '许可项目 Licensed items.', resolve: (l) => l.items }),
    holderUscc: t.exposeString('holderUscc', { description: '持证单位统一社会信用代码 Holder’s unified social credit code.' }),
    holder: t.field({
      type: EnterpriseRef,
      description: '持证单位 The holder (resolved by the enterprises subgraph).',
      resolve: (l) => ({ uscc: l.holderUscc }),
    }),
    region: t.field({
      type: RegionRef,
      description: '所属区划 Division of the holder; decides which regulators supervise the licence.',
      resolve: (l) => regionOf(l.regionCode),
    }),
    issuedOn: t.expose('issuedOn', { type: 'Date', description: '发证日期 Date of the latest decision (grant or renewal).' }),
    validFrom: t.expose('validFrom', { type: 'Date', description: '有效期自 First day of validity.' }),
    validTo: t.expose('validTo', { type: 'Date', description: '有效期至 Last day of validity.' }),
    renewalDueOn: t.field({
      type: 'Date',
      description:
        '延续申请截止 Last day to apply for renewal: food production 30 working days before validTo (食品生产许可管理办法), other licences 6 months before (TSG 07).',
      resolve: (l, _args, ctx) => renewalDue(l, ctx.rules).date ?? l.validTo,
    }),
    renewalDueExplanation: t.field({
      type: ComputedDateRef,
      description:
        '延续截止依据 Why renewalDueOn: rule, source, effective date, and whether it is provisional (holiday notice not loaded).',
      resolve: (l, _args, ctx) => renewalDue(l, ctx.rules),
    }),
    authority: t.field({
      type: IssuingAuthorityRef,
      description: '发证机关 Issuing authority.',
      resolve: (l) => ({ name: l.authorityName, code: l.authorityCode, region: l.authorityRegion }),
    }),
    status: t.field({
      type: LicenseStatusEnum,
      description: '许可状态 Status today; a valid licence past validTo reads EXPIRED.',
      resolve: (l, _args, ctx) => effectiveStatus(l, ctx.today),
    }),
    statusChangedOn: t.expose('statusChangedOn', { type: 'Date', description: '状态变更日期 Date of the latest status decision.' }),
    grantedByCommitment: t.exposeBoolean('grantedByCommitment', { description: '告知承诺 Granted by notification-commitment.' }),
    commitmentVerification: t.expose('commitmentVerification', {
      type: CommitmentVerificationEnum,
      nullable: true,
      description: '核查结果 Outcome of verifying the commitment; null unless granted by commitment.',
    }),
    commitmentVerifiedOn: t.expose('commitmentVerifiedOn', { type: 'Date', nullable: true, description: '核查日期 Date verified.' }),
    department: t.exposeString('department', {
      description: '产生部门 Department that produced the record and alone may change it (谁产生、谁负责).',
    }),
    publication: t.field({
      type: PublicationRef,
      description: '公示情况 Publication of the latest decision against its deadlines.',
      resolve: (l, _args, ctx) => publicationOf(l.issuedOn, l.publishedOn, ctx.today, ctx.rules),
    }),
    renews: t.string({
      nullable: true,
      description: '原许可证编号 Number of the licence this one renews; null while the caller may not see that licence.',
      resolve: async (l, _args, ctx) => {
        if (!l.renews) return null;
        const predecessor = await ctx.loaders.license.load(l.renews);
        return predecessor && callerSeesLicense(ctx, predecessor) ? predecessor.number : null;
      },
    }),
    renewedBy: t.string({
      nullable: true,
      description:
        '延续后编号 Number of the licence that renews this one; null while the caller may not see that licence (e.g. not yet published).',
      resolve: async (l, _args, ctx) => {
        if (!l.renewedBy) return null;
        const successor = await ctx.loaders.license.load(l.renewedBy);
        return successor && callerSeesLicense(ctx, successor) ? successor.number : null;
      },
    }),
    statusHistory: t.field({
      type: [LicenseStatusChangeRef],
      description: '状态历史 Every decision on the licence, oldest first.',
      resolve: async (l, _args, ctx) =>
        (await ctx.loaders.statusChangesByLicense.load(l.number)).map((change) => ({ ...change, regionCode: l.regionCode })),
    }),
    internalNotes: t.exposeString('internalNotes', {
      nullable: true,
      description: '内部备注 Internal notes of the licensing department. Supervisors of the region only; null for others.',
      authScopes: (l) => ({ seesRegion: l.regionCode }),
      unauthorizedResolver: () => null,
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: '更新时间 Last change to the record.' }),
  }),
});

builder.queryField('license', (t) =>
  t.field({
    type: LicenseRef,
    nullable: true,
    description: '按编号查询许可 One licence by number; null when unknown or not visible to the caller (unpublished).',
    args: {
      number: t.arg.string({ required: true, description: '许可证编号; spaces and lower case are normalised.', bounds: NUMBER_TEXT }),
    },
    resolve: async (_root, { number }, ctx) => {
      const license = await ctx.loaders.license.load(normalizeLicenseNumber(number));
      return license && callerSeesLicense(ctx, license) ? license : null;
    },
  }),
);

const LicenseFilterInput = builder.inputType('LicenseFilter', {
  description: '许可检索条件 Filters for searchLicenses; all given filters must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [LicenseKindEnum], description: '许可类别 Any of these kinds.' }),
    statuses: t.field({ type: [LicenseStatusEnum], description: '许可状态 Any of these statuses as of today (EXPIRED by date).' }),
    authorityCode: t.string({ description: '发证机关代码 Issuing authority code (exact).', bounds: TEXT.identifier }),
    regionCode: t.string({ description: '区划 Holder’s division code or prefix: 14 / 140000, 1408 / 140800, 140802.', bounds: TEXT.code }),
    expiringBefore: t.field({ type: 'Date', description: '有效期至早于 Last day of validity before this date.' }),
    grantedByCommitment: t.boolean({ description: '告知承诺 Granted (true) or not granted (false) by notification-commitment.' }),
    holderUscc: t.string({ description: '持证单位统一社会信用代码 Holder (exact).', bounds: TEXT.code }),
  }),
});

export const LicenseConnection = defineConnection(builder, LicenseRef, {
  name: 'LicenseConnection',
  description: '许可检索结果 A page of licences.',
});

builder.queryField('searchLicenses', (t) =>
  t.field({
    type: LicenseConnection,
    description:
      '许可检索 Searches licences by kind, status, authority, region, expiry and notification-commitment, ordered by number; the public sees published licences only.',
    args: {
      filter: t.arg({ type: LicenseFilterInput, description: 'Conditions; none returns every licence the caller may see.' }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const after = args.after ? String(decodeCursor(args.after, ['text'])[0]) : undefined;
      const input = args.filter ?? {};
      const filter: LicenseFilter = {
        kinds: input.kinds,
        statuses: input.statuses,
        authorityCode: input.authorityCode,
        regionPrefix: parseRegionPrefix(input.regionCode, 'filter.regionCode'),
        expiringBefore: input.expiringBefore,
        grantedByCommitment: input.grantedByCommitment,
        holderUscc: input.holderUscc?.trim().toUpperCase(),
      };
      const scope = visibilityScopeOf(ctx.caller);
      const rows = await searchLicenses(ctx.db, filter, scope, ctx.today, { limit: size + 1, afterNumber: after });
      for (const row of rows.slice(0, size)) ctx.loaders.license.prime(row.number, row);
      return toPage(rows, size, {
        after: after !== undefined,
        cursorOf: (row) => encodeCursor([row.number]),
        totalCount: () => countLicenses(ctx.db, filter, scope, ctx.today),
      });
    },
  }),
);

builder.queryField('expiringLicenses', (t) =>
  t.field({
    type: LicenseConnection,
    description:
      '到期提醒 Licences in force whose renewal is due by `dueBy` (food production: 30 working days before expiry; others: 6 months) and not yet renewed, soonest expiry first.',
    args: {
      dueBy: t.arg({ type: 'Date', description: '延续截止 Renewal due on or before this date (default today).' }),
      kinds: t.arg({ type: [LicenseKindEnum], description: '许可类别 Any of these kinds.' }),
      regionCode: t.arg.string({ description: '区划 Holder’s division code or prefix.', bounds: TEXT.code }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const cursor = args.after ? decodeCursor(args.after, ['date', 'text']) : undefined;
      const dueBy = args.dueBy ?? ctx.today;
      if (dueBy < ctx.today) throw badUserInput('dueBy: cannot be in the past', { field: 'dueBy', reason: 'OUT_OF_RANGE' });
      const filter = {
        // renewalDueOn = validTo − lead, so "due by D" means validTo ≤ D + lead, per kind.
        validToUntil: expiryBoundsForRenewalDueBy(dueBy, ctx.rules).other,
        foodValidToUntil: expiryBoundsForRenewalDueBy(dueBy, ctx.rules).food,
        kinds: args.kinds,
        regionPrefix: parseRegionPrefix(args.regionCode, 'regionCode'),
      };
      const scope = visibilityScopeOf(ctx.caller);
      const rows = await findExpiringLicenses(ctx.db, filter, scope, ctx.today, {
        limit: size + 1,
        after: cursor ? { validTo: cursor[0] ?? '', number: cursor[1] ?? '' } : undefined,
      });
      return toPage(rows, size, {
        after: cursor !== undefined,
        cursorOf: (row) => encodeCursor([row.validTo, row.number]),
        totalCount: () => countExpiringLicenses(ctx.db, filter, scope, ctx.today),
      });
    },
  }),
);
