import { defineConnection, encodeCursor, pageSize, toPage } from '@credit-hub/subgraph-kit';
import { earliestStartStillRunning } from '@credit-hub/workdays';
import { audienceOf } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { countSeriousViolations, searchSeriousViolations } from '../data/serious-violation-store.ts';
import type { SeriousViolationRow } from '../db/schema.ts';
import {
  repairEligibility,
  seriousDatesExplained,
  seriousEarlyRemovalFrom,
  seriousListedOn,
  seriousScheduledRemoval,
} from '../rules/index.ts';
import { canSeeAbnormal, canSeePenalty, historyOf, seriousPublicationOf } from '../views.ts';
import { listingCursor, listingFilterOf } from './abnormal-operation.ts';
import { ListingStateEnum, SanctionDomainEnum, SeriousRemovalReasonEnum } from './enums.ts';
import { ListingFilterInput, listingState } from './listing-common.ts';
import {
  AbnormalOperationRef,
  EnterpriseRef,
  HistoryEntryRef,
  PenaltyRef,
  PublicationRef,
  RepairEligibilityRef,
  SeriousViolationRef,
} from './refs.ts';
import { RegionRef, regionOf } from './region.ts';
import { ComputedDateRef } from './rules.ts';
import { disputeAndRepairFields, supervisorOnly } from './supervision.ts';

/** A removal decided, or else the automatic one when the 3-year period has ended. */
function effectiveRemoval(row: SeriousViolationRow, ctx: Context) {
  const scheduled = seriousScheduledRemoval(row.listedOn, ctx.rules);
  if (row.removedOn && row.removedOn < scheduled) return { on: row.removedOn, reason: row.removalReason ?? 'OTHER', row };
  return scheduled <= ctx.today ? { on: scheduled, reason: 'PERIOD_ENDED' as const, row } : null;
}

const SeriousRemovalRef = builder.objectRef<NonNullable<ReturnType<typeof effectiveRemoval>>>('SeriousViolationRemoval').implement({
  description: '移出严重违法失信名单 End of a serious-list entry: at the end of its 3-year period, or early after repair.',
  fields: (t) => ({
    removedOn: t.field({ type: 'Date', description: '移出日期 First day no longer listed.', resolve: (r) => r.on }),
    reason: t.field({ type: SeriousRemovalReasonEnum, description: '移出原因 Why it ended.', resolve: (r) => r.reason }),
    detail: t.string({
      nullable: true,
      description: '说明 Details of the removal.',
      resolve: (r) => (r.reason === 'PERIOD_ENDED' ? null : r.row.removalDetail),
    }),
    authority: t.string({
      nullable: true,
      description: '作出移出决定机关 Removing authority (the listing authority for an automatic removal).',
      resolve: (r) => (r.reason === 'PERIOD_ENDED' ? r.row.authority : r.row.removalAuthority),
    }),
    decisionReference: t.string({
      nullable: true,
      description: '移出决定书文号 Reference of the removal decision.',
      resolve: (r) => (r.reason === 'PERIOD_ENDED' ? null : r.row.removalReference),
    }),
  }),
});

SeriousViolationRef.implement({
  description:
    '严重违法失信名单 Serious violation list entry: domain, reason, triggering penalty, 3-year listing period, early removal after repair.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '记录编号 Identifier of the listing in this hub.' }),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Code of the listed enterprise.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '当事人 The listed enterprise.', resolve: (r) => ({ uscc: r.uscc }) }),
    region: t.field({ type: RegionRef, description: '所属区划 Division of the record.', resolve: (r) => regionOf(r.regionCode) }),
    domain: t.expose('domain', { type: SanctionDomainEnum, description: '领域 Domain of the violation.' }),
    reason: t.exposeString('reason', { description: '列入事由 Reason for listing.' }),
    triggeringPenalty: t.field({
      type: PenaltyRef,
      nullable: true,
      description: '据以列入的行政处罚 The penalty that triggered the listing; null when none, or when the caller may not see it.',
      resolve: async (r, _a, ctx) => {
        if (!r.triggeringPenaltyId) return null;
        const penalty = await ctx.loaders.penalty.load(r.triggeringPenaltyId);
        return penalty && canSeePenalty(penalty, ctx) ? penalty : null;
      },
    }),
    escalatedFrom: t.field({
      type: AbnormalOperationRef,
      nullable: true,
      description: '由经营异常名录转入 The abnormal-operations listing this escalated from (3 years without cure), if any.',
      resolve: async (r, _a, ctx) => {
        if (!r.escalatedFromAbnormalId) return null;
        const listing = await ctx.loaders.abnormalOperation.load(r.escalatedFromAbnormalId);
        return listing && canSeeAbnormal(listing, ctx) ? listing : null;
      },
    }),
    listedOn: t.expose('listedOn', { type: 'Date', description: '列入日期 Day listed.' }),
    authority: t.exposeString('authority', { description: '作出决定机关 Listing authority.' }),
    department: t.exposeString('department', { description: '承办部门 Department that produced the record and alone may change it.' }),
    decisionReference: t.exposeString('decisionReference', {
      nullable: true,
      description: '列入决定书文号 Reference of the listing decision.',
    }),
    scheduledRemovalOn: t.field({
      type: 'Date',
      description: '期满移出日 First day off the list when the 3-year period ends.',
      resolve: (r, _a, ctx) => seriousScheduledRemoval(r.listedOn, ctx.rules),
    }),
    scheduledRemovalExplanation: t.field({
      type: ComputedDateRef,
      description: '期满移出日依据 Why scheduledRemovalOn: rule, article, effective date.',
      resolve: (r, _a, ctx) => seriousDatesExplained(r.listedOn, ctx.rules).scheduledRemoval,
    }),
    earlyRemovalFrom: t.field({
      type: 'Date',
      description: '可申请提前移出日 First day early removal through repair may be granted (1 full year on the list).',
      resolve: (r, _a, ctx) => seriousEarlyRemovalFrom(r.listedOn, ctx.rules),
    }),
    earlyRemovalExplanation: t.field({
      type: ComputedDateRef,
      description: '提前移出日依据 Why earlyRemovalFrom: rule, article, effective date.',
      resolve: (r, _a, ctx) => seriousDatesExplained(r.listedOn, ctx.rules).earlyRemovalFrom,
    }),
    removal: t.field({
      type: SeriousRemovalRef,
      nullable: true,
      description: '移出信息 Removal; null while listed.',
      resolve: (r, _a, ctx) => effectiveRemoval(r, ctx),
    }),
    state: t.field({
      type: ListingStateEnum,
      description: '状态 Listed, removed, revoked or repaired.',
      resolve: (r, _a, ctx) => listingState(r, effectiveRemoval(r, ctx)?.on ?? null, ctx.today),
    }),
    currentlyListed: t.boolean({
      description: '当前列入 Listed today.',
      resolve: (r, _a, ctx) => seriousListedOn(r, ctx.today, ctx.rules),
    }),
    publication: t.field({
      type: PublicationRef,
      description: '公示 Publication: the 3-year listing period, unless repaired.',
      resolve: (r, _a, ctx) => ({
        ...seriousPublicationOf(r, ctx),
        publicUntilExplanation: seriousDatesExplained(r.listedOn, ctx.rules).publicUntil,
      }),
    }),
    ...disputeAndRepairFields(t, 'SERIOUS_VIOLATION', 'listing'),
    repairEligibility: t.field({
      type: RepairEligibilityRef,
      ...supervisorOnly('修复条件 Whether early removal through repair could be approved today.'),
      args: {
        obligationsFulfilled: t.arg.boolean({
          defaultValue: true,
          description: '义务已履行 Assume the obligations are fulfilled (default true).',
        }),
      },
      resolve: (r, args, ctx) =>
        repairEligibility(
          { kind: 'SERIOUS_VIOLATION', ...r },
          { today: ctx.today, obligationsFulfilled: args.obligationsFulfilled ?? true },
          ctx.rules,
        ),
    }),
    history: t.field({
      type: [HistoryEntryRef],
      ...supervisorOnly('变更记录 Every state change, oldest first.'),
      resolve: (r, _a, ctx) => historyOf(ctx, r.uscc, 'SERIOUS_VIOLATION', r.id),
    }),
  }),
});

const SeriousViolationConnection = defineConnection(builder, SeriousViolationRef, {
  name: 'SeriousViolationConnection',
  description: '严重违法失信名单检索结果 A page of serious-list entries.',
});

builder.queryField('searchSeriousViolations', (t) =>
  t.field({
    type: SeriousViolationConnection,
    description: '严重违法失信名单检索 Searches serious-list entries, newest first; the public sees published ones only.',
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
      const currentListedFrom = earliestStartStillRunning(ctx.today, ctx.rules.value('SERIOUS_LISTING_PERIOD', ctx.today));
      const rows = await searchSeriousViolations(ctx.db, filter, audience, { today: ctx.today, currentListedFrom, limit: size + 1, after });
      return toPage(rows, size, {
        after: after !== undefined,
        cursorOf: (row) => encodeCursor([row.listedOn, row.id]),
        totalCount: () => countSeriousViolations(ctx.db, filter, audience, { today: ctx.today, currentListedFrom }),
      });
    },
  }),
);
