import { decodeCursor, defineConnection, encodeCursor, pageSize, parseRegionArgument, TEXT, toPage } from '@credit-hub/subgraph-kit';
import { latestStartElapsedBy } from '@credit-hub/workdays';
import { audienceOf, supervisedRegion } from '../access.ts';
import { builder } from '../builder.ts';
import {
  countAbnormalOperations,
  countAbnormalOperationsDueForEscalation,
  getAbnormalOperationsDueForEscalation,
  type ListingFilter,
  searchAbnormalOperations,
} from '../data/abnormal-operation-store.ts';
import type { AbnormalOperationRow } from '../db/schema.ts';
import {
  abnormalEscalationDueOn,
  abnormalEscalationExplained,
  abnormalListedOn,
  isDueForEscalation,
  repairEligibility,
} from '../rules/index.ts';
import { abnormalPublicationOf, historyOf } from '../views.ts';
import { AbnormalReasonEnum, AbnormalRemovalReasonEnum, ListingStateEnum } from './enums.ts';
import { ListingFilterInput, listingState } from './listing-common.ts';
import { dateRange } from './penalty.ts';
import { AbnormalOperationRef, EnterpriseRef, HistoryEntryRef, PublicationRef, RepairEligibilityRef } from './refs.ts';
import { RegionRef, regionOf } from './region.ts';
import { ComputedDateRef } from './rules.ts';
import { disputeAndRepairFields, supervisorOnly } from './supervision.ts';

const AbnormalRemovalRef = builder.objectRef<AbnormalOperationRow>('AbnormalOperationRemoval').implement({
  description: '移出经营异常名录 Removal of an abnormal-operations listing.',
  fields: (t) => ({
    removedOn: t.field({
      type: 'Date',
      description: '移出日期 Day removed (no longer listed from this day).',
      resolve: (r) => r.removedOn ?? '',
    }),
    reason: t.field({
      type: AbnormalRemovalReasonEnum,
      nullable: true,
      description: '移出原因 Why removed.',
      resolve: (r) => r.removalReason,
    }),
    detail: t.exposeString('removalDetail', { nullable: true, description: '说明 Details of the removal.' }),
    authority: t.exposeString('removalAuthority', { nullable: true, description: '作出移出决定机关 Removing authority.' }),
    decisionReference: t.exposeString('removalReference', {
      nullable: true,
      description: '移出决定书文号 Reference of the removal decision.',
    }),
  }),
});

AbnormalOperationRef.implement({
  description: '经营异常名录 Abnormal-operations listing: listed on, reason, authority; removal once the cause is cured.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '记录编号 Identifier of the listing in this hub.' }),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Code of the listed enterprise.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '当事人 The listed enterprise.', resolve: (r) => ({ uscc: r.uscc }) }),
    region: t.field({ type: RegionRef, description: '所属区划 Division of the record.', resolve: (r) => regionOf(r.regionCode) }),
    reason: t.expose('reason', { type: AbnormalReasonEnum, description: '列入原因 Ground for listing.' }),
    reasonDetail: t.exposeString('reasonDetail', { nullable: true, description: '列入事由说明 Details, e.g. the unreported year.' }),
    listedOn: t.expose('listedOn', { type: 'Date', description: '列入日期 Day listed.' }),
    authority: t.exposeString('authority', { description: '作出决定机关 Listing authority.' }),
    department: t.exposeString('department', { description: '承办部门 Department that produced the record and alone may change it.' }),
    decisionReference: t.exposeString('decisionReference', {
      nullable: true,
      description: '列入决定书文号 Reference of the listing decision.',
    }),
    removal: t.field({
      type: AbnormalRemovalRef,
      nullable: true,
      description: '移出信息 Removal; null while listed.',
      resolve: (r) => (r.removedOn ? r : null),
    }),
    state: t.field({
      type: ListingStateEnum,
      description: '状态 Listed, removed, revoked or repaired.',
      resolve: (r, _a, ctx) => listingState(r, r.removedOn, ctx.today),
    }),
    currentlyListed: t.boolean({ description: '当前列入 Listed today.', resolve: (r, _a, ctx) => abnormalListedOn(r, ctx.today) }),
    escalationDueOn: t.field({
      type: 'Date',
      description: '转入严重违法失信名单日 First day a still-listed entry becomes a serious-list candidate (3 full years after listing).',
      resolve: (r, _a, ctx) => abnormalEscalationDueOn(r.listedOn, ctx.rules),
    }),
    escalationDueExplanation: t.field({
      type: ComputedDateRef,
      description: '转入日依据 Why escalationDueOn: rule, article, effective date.',
      resolve: (r, _a, ctx) => abnormalEscalationExplained(r.listedOn, ctx.rules),
    }),
    dueForEscalation: t.boolean({
      description: '届满三年未移出 Listed 3 full years without cure: a serious-list candidate today.',
      resolve: (r, _a, ctx) => isDueForEscalation(r, ctx.today, ctx.rules),
    }),
    publication: t.field({
      type: PublicationRef,
      description: '公示 Publication: from listing, with the removal, until repaired.',
      resolve: (r, _a, ctx) => abnormalPublicationOf(r, ctx),
    }),
    ...disputeAndRepairFields(t, 'ABNORMAL_OPERATION', 'listing'),
    repairEligibility: t.field({
      type: RepairEligibilityRef,
      ...supervisorOnly('修复条件 Whether a repair could be approved today.'),
      resolve: (r, _a, ctx) =>
        repairEligibility({ kind: 'ABNORMAL_OPERATION', ...r }, { today: ctx.today, obligationsFulfilled: true }, ctx.rules),
    }),
    history: t.field({
      type: [HistoryEntryRef],
      ...supervisorOnly('变更记录 Every state change, oldest first.'),
      resolve: (r, _a, ctx) => historyOf(ctx, r.uscc, 'ABNORMAL_OPERATION', r.id),
    }),
  }),
});

const AbnormalOperationConnection = defineConnection(builder, AbnormalOperationRef, {
  name: 'AbnormalOperationConnection',
  description: '经营异常名录检索结果 A page of abnormal-operations listings.',
});

export const listingCursor = (after: string | null | undefined) => {
  if (!after) return undefined;
  const [listedOn, id] = decodeCursor(after, ['date', 'id']);
  return { listedOn, id };
};

export const listingFilterOf = (input: {
  regionCode?: string | null;
  authorityContains?: string | null;
  listedFrom?: string | null;
  listedTo?: string | null;
  currentOnly?: boolean | null;
}): ListingFilter => {
  dateRange(input.listedFrom, input.listedTo, 'filter.listedTo');
  return {
    region: parseRegionArgument(input.regionCode, 'filter.regionCode'),
    authorityContains: input.authorityContains?.trim() || undefined,
    listedFrom: input.listedFrom ?? undefined,
    listedTo: input.listedTo ?? undefined,
    currentOnly: input.currentOnly ?? undefined,
  };
};

builder.queryField('searchAbnormalOperations', (t) =>
  t.field({
    type: AbnormalOperationConnection,
    description: '经营异常名录检索 Searches abnormal-operations listings, newest first; the public sees published ones only.',
    args: {
      filter: t.arg({ type: ListingFilterInput, description: 'Conditions.' }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const after = listingCursor(args.after);
      const filter = listingFilterOf(args.filter ?? {});
      const audience = audienceOf(ctx.caller);
      const rows = await searchAbnormalOperations(ctx.db, filter, audience, { today: ctx.today, limit: size + 1, after });
      return toPage(rows, size, {
        after: after !== undefined,
        cursorOf: (row) => encodeCursor([row.listedOn, row.id]),
        totalCount: () => countAbnormalOperations(ctx.db, filter, audience, ctx.today),
      });
    },
  }),
);

builder.queryField('abnormalListingsDueForEscalation', (t) =>
  t.field({
    type: AbnormalOperationConnection,
    description:
      '届满三年仍未移出的经营异常名录 Listings still in force 3 full years after listing and not yet escalated: serious-list candidates (企业信息公示暂行条例 第十七条). Oldest first. Supervisors only; regulators see their region.',
    authScopes: { supervisor: true },
    args: {
      regionCode: t.arg.string({
        description: 'Division code or prefix; regulators default to (and are limited to) their own.',
        bounds: TEXT.code,
      }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const after = listingCursor(args.after);
      const region = supervisedRegion(ctx, args.regionCode);
      const listedOnOrBefore = latestStartElapsedBy(ctx.today, ctx.rules.value('ABNORMAL_ESCALATION', ctx.today));
      const rows = await getAbnormalOperationsDueForEscalation(ctx.db, { listedOnOrBefore, region, limit: size + 1, after });
      return toPage(rows, size, {
        after: after !== undefined,
        cursorOf: (row) => encodeCursor([row.listedOn, row.id]),
        totalCount: () => countAbnormalOperationsDueForEscalation(ctx.db, { listedOnOrBefore, region }),
      });
    },
  }),
);
