import { badUserInput } from '@credit-hub/subgraph-kit';
import { aggregateRegion } from '../access.ts';
import { builder } from '../builder.ts';
import { type ClassifiedEnterprise, getEnterprisesOfClass } from '../data/result-store.ts';
import { monthOrLatest } from './distribution.ts';
import { KeyDomainEnum, RiskClassEnum } from './enums.ts';
import { EnterpriseRef } from './refs.ts';

const MAX_PAGE = 500;

const ClassifiedEnterpriseRef = builder.objectRef<ClassifiedEnterprise & { month: string }>('ClassifiedEnterprise').implement({
  description: '分类企业 An enterprise of the class asked for; its profile’s creditRisk says why.',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '企业 The enterprise.', resolve: (e) => ({ uscc: e.uscc }) }),
    month: t.exposeString('month', { description: '月份 Month of the class.' }),
    riskClass: t.field({ type: RiskClassEnum, description: '类别 Class.', resolve: (e) => e.riskClass }),
  }),
});

builder.queryField('riskEnterprises', (t) =>
  t.field({
    type: [ClassifiedEnterpriseRef],
    description:
      '分类企业名单 Enterprises of one class in a month (e.g. the D-class enterprises of Yuncheng to inspect), by code; keyset pages (`after` = last code). Same access as riskDistribution. Audited with the codes returned.',
    args: {
      riskClass: t.arg({ type: RiskClassEnum, required: true, description: '类别 Class.' }),
      month: t.arg.string({ description: '月份 YYYY-MM; omit for the latest month classified.' }),
      regionPrefix: t.arg.string({ description: '区划 2, 4 or 6 digits.' }),
      keyDomain: t.arg({ type: KeyDomainEnum, description: '重点领域 Only this key domain.' }),
      first: t.arg.int({ description: 'Page size, 1–500 (default 100).' }),
      after: t.arg.string({ description: 'Last code of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const regionPrefix = aggregateRegion(ctx.caller, args.regionPrefix, 'regionPrefix');
      const limit = args.first ?? 100;
      if (limit < 1 || limit > MAX_PAGE) throw badUserInput(`first: 1–${MAX_PAGE}`, { field: 'first', reason: 'OUT_OF_RANGE' });
      const month = await monthOrLatest(ctx, args.month);
      if (!month) return [];
      const rows = await getEnterprisesOfClass(ctx.db, {
        month,
        riskClass: args.riskClass,
        regionPrefix,
        keyDomain: args.keyDomain ?? undefined,
        after: args.after ?? undefined,
        limit,
      });
      await ctx.audit({
        action: 'ENTERPRISES',
        usccs: rows.map((row) => row.uscc),
        detail: { month, riskClass: args.riskClass, regionPrefix: regionPrefix ?? null, keyDomain: args.keyDomain ?? null },
      });
      return rows.map((row) => ({ ...row, month }));
    },
  }),
);
