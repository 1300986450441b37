import { aggregateRegion, parseMonth } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { getDistribution } from '../data/result-store.ts';
import { latestClassifiedMonth } from '../data/run-store.ts';
import { RISK_CLASSES, type RiskClass } from '../rules/model.ts';
import { KeyDomainEnum, RiskClassEnum } from './enums.ts';

interface Distribution {
  month: string | null;
  regionPrefix: string | null;
  keyDomain: string | null;
  counts: Record<RiskClass, number>;
}

const ClassCountRef = builder.objectRef<{ riskClass: RiskClass; count: number; total: number }>('RiskClassCount').implement({
  description: '类别计数 Enterprises in one class.',
  fields: (t) => ({
    riskClass: t.field({ type: RiskClassEnum, description: '类别 Class.', resolve: (c) => c.riskClass }),
    count: t.exposeInt('count', { description: '企业数 Enterprises.' }),
    share: t.float({
      description: '占比 Share of all classified, 0–1.',
      resolve: (c) => (c.total ? Math.round((c.count / c.total) * 10000) / 10000 : 0),
    }),
  }),
});

const DistributionRef = builder.objectRef<Distribution>('RiskDistribution').implement({
  description: '风险分布 How many enterprises are in each class (PROVINCE classes win over LOCAL ones).',
  fields: (t) => ({
    month: t.string({ nullable: true, description: '月份 Month counted; null when nothing is classified yet.', resolve: (d) => d.month }),
    regionPrefix: t.string({
      nullable: true,
      description: '区划 Division prefix counted (null: all regions).',
      resolve: (d) => d.regionPrefix,
    }),
    keyDomain: t.field({
      type: KeyDomainEnum,
      nullable: true,
      description: '重点领域 Only this key domain.',
      resolve: (d) => d.keyDomain as never,
    }),
    total: t.int({ description: '总数 Enterprises classified.', resolve: (d) => RISK_CLASSES.reduce((sum, c) => sum + d.counts[c], 0) }),
    classes: t.field({
      type: [ClassCountRef],
      description: '各类别 A, B, C, D in this order.',
      resolve: (d) => {
        const total = RISK_CLASSES.reduce((sum, c) => sum + d.counts[c], 0);
        return RISK_CLASSES.map((riskClass) => ({ riskClass, count: d.counts[riskClass], total }));
      },
    }),
  }),
});

/** The month an aggregate is about: the argument, else the latest classified. */
export async function monthOrLatest(ctx: Context, argument: string | null | undefined): Promise<string | null> {
  return argument ? parseMonth(argument, 'month') : latestClassifiedMonth(ctx.db);
}

builder.queryField('riskDistribution', (t) =>
  t.field({
    type: DistributionRef,
    description:
      '风险分布 Classes by region and key domain for a month. Analysts and admins: any region; regulators and related departments: their own (default). Audited.',
    args: {
      month: t.arg.string({ description: '月份 YYYY-MM; omit for the latest month classified.' }),
      regionPrefix: t.arg.string({ description: '区划 2, 4 or 6 digits: 14 Shanxi, 1408 Yuncheng.' }),
      keyDomain: t.arg({ type: KeyDomainEnum, description: '重点领域 Only enterprises of this key domain.' }),
    },
    resolve: async (_root, args, ctx) => {
      const regionPrefix = aggregateRegion(ctx.caller, args.regionPrefix, 'regionPrefix');
      const month = await monthOrLatest(ctx, args.month);
      const keyDomain = args.keyDomain ?? undefined;
      const counts = month ? await getDistribution(ctx.db, { month, regionPrefix, keyDomain }) : { A: 0, B: 0, C: 0, D: 0 };
      await ctx.audit({ action: 'DISTRIBUTION', detail: { month, regionPrefix: regionPrefix ?? null, keyDomain: keyDomain ?? null } });
      return { month, regionPrefix: regionPrefix ?? null, keyDomain: keyDomain ?? null, counts };
    },
  }),
);
