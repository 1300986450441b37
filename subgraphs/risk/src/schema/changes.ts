import { badUserInput } from '@credit-hub/subgraph-kit';
import { aggregateRegion } from '../access.ts';
import { builder } from '../builder.ts';
import { type ClassChange, type ClassTransition, getChanges, getTransitions } from '../data/result-store.ts';
import { previousMonth } from '../rules/classify.ts';
import { monthOrLatest } from './distribution.ts';
import { RiskChangeDirectionEnum, RiskClassEnum } from './enums.ts';
import { EnterpriseRef } from './refs.ts';

const MAX_CHANGES = 500;

const RiskClassChangeRef = builder.objectRef<ClassChange & { month: string }>('RiskClassChange').implement({
  description: '类别变化 An enterprise whose class differs from the previous month’s.',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '企业 The enterprise.', resolve: (c) => ({ uscc: c.uscc }) }),
    month: t.exposeString('month', { description: '月份 Month of the new class.' }),
    previousClass: t.field({ type: RiskClassEnum, description: '上月类别 Class the month before.', resolve: (c) => c.previousClass }),
    riskClass: t.field({ type: RiskClassEnum, description: '本月类别 Class this month.', resolve: (c) => c.riskClass }),
  }),
});

builder.queryField('riskChanges', (t) =>
  t.field({
    type: [RiskClassChangeRef],
    description:
      '类别变化 Enterprises whose class moved since the previous month, by code; keyset pages (`after` = last code). Same access as riskDistribution. Audited with the codes returned.',
    args: {
      month: t.arg.string({ description: '月份 YYYY-MM; omit for the latest month classified.' }),
      direction: t.arg({ type: RiskChangeDirectionEnum, description: '方向 UP (worse), DOWN (better) or ANY (default).' }),
      regionPrefix: t.arg.string({ description: '区划 2, 4 or 6 digits.' }),
      first: t.arg.int({ description: 'Page size, 1–500 (default 100).' }),
      after: t.arg.string({ description: 'Last code of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const regionPrefix = aggregateRegion(ctx.caller, args.regionPrefix, 'regionPrefix');
      const limit = args.first ?? 100;
      if (limit < 1 || limit > MAX_CHANGES) throw badUserInput(`first: 1–${MAX_CHANGES}`, { field: 'first', reason: 'OUT_OF_RANGE' });
      const month = await monthOrLatest(ctx, args.month);
      if (!month) return [];
      const direction = args.direction ?? 'ANY';
      const changes = await getChanges(ctx.db, {
        month,
        previous: previousMonth(month),
        direction,
        regionPrefix,
        after: args.after ?? undefined,
        limit,
      });
      await ctx.audit({
        action: 'CHANGES',
        usccs: changes.map((c) => c.uscc),
        detail: { month, direction, regionPrefix: regionPrefix ?? null },
      });
      return changes.map((change) => ({ ...change, month }));
    },
  }),
);

const RiskClassTransitionRef = builder.objectRef<ClassTransition>('RiskClassTransition').implement({
  description: '类别迁移 How many enterprises went from one class last month to one class this month.',
  fields: (t) => ({
    previousClass: t.field({ type: RiskClassEnum, description: '上月类别 Class the month before.', resolve: (c) => c.previousClass }),
    riskClass: t.field({ type: RiskClassEnum, description: '本月类别 Class this month.', resolve: (c) => c.riskClass }),
    count: t.exposeInt('count', { description: '企业数 Enterprises.' }),
  }),
});

builder.queryField('riskTransitions', (t) =>
  t.field({
    type: [RiskClassTransitionRef],
    description:
      '类别迁移矩阵 Counts of enterprises by last month’s and this month’s class (unchanged ones included), for enterprises classified in both months. Same access as riskDistribution. Audited.',
    args: {
      month: t.arg.string({ description: '月份 YYYY-MM; omit for the latest month classified.' }),
      regionPrefix: t.arg.string({ description: '区划 2, 4 or 6 digits.' }),
    },
    resolve: async (_root, args, ctx) => {
      const regionPrefix = aggregateRegion(ctx.caller, args.regionPrefix, 'regionPrefix');
      const month = await monthOrLatest(ctx, args.month);
      if (!month) return [];
      const transitions = await getTransitions(ctx.db, { month, previous: previousMonth(month), regionPrefix });
      await ctx.audit({ action: 'CHANGES', detail: { month, transitions: true, regionPrefix: regionPrefix ?? null } });
      return transitions;
    },
  }),
);
