import { badUserInput } from '@credit-hub/subgraph-kit';
import { assertReadsClasses, parseMonth } from '../access.ts';
import { builder } from '../builder.ts';
import { listRuns } from '../data/run-store.ts';
import { RiskSourceEnum, RunStatusEnum } from './enums.ts';
import { RiskRunRef } from './refs.ts';

RiskRunRef.implement({
  description: '分类运行 One classification of a month: computed (LOCAL) or imported (PROVINCE), with its counts per class.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '运行编号 Run id.' }),
    month: t.exposeString('month', { description: '月份 YYYY-MM.' }),
    source: t.field({ type: RiskSourceEnum, description: '来源 LOCAL or PROVINCE.', resolve: (r) => r.source }),
    modelVersion: t.exposeString('modelVersion', { nullable: true, description: '模型版本 Null for imports.' }),
    status: t.field({ type: RunStatusEnum, description: '状态 Running, completed or failed.', resolve: (r) => r.status }),
    current: t.exposeBoolean('current', { description: '当前 Whether readers see this run for its month and source.' }),
    startedBy: t.exposeString('startedBy', { description: '发起人 Who started it.' }),
    startedAt: t.field({ type: 'DateTime', description: '开始时间 Started.', resolve: (r) => r.startedAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, description: '结束时间 Finished.', resolve: (r) => r.finishedAt }),
    durationMs: t.exposeInt('durationMs', { nullable: true, description: '耗时（毫秒） Duration in milliseconds.' }),
    total: t.exposeInt('total', { description: '企业数 Enterprises classified.' }),
    countA: t.exposeInt('countA', { description: 'A类 Enterprises in class A.' }),
    countB: t.exposeInt('countB', { description: 'B类 Enterprises in class B.' }),
    countC: t.exposeInt('countC', { description: 'C类 Enterprises in class C.' }),
    countD: t.exposeInt('countD', { description: 'D类 Enterprises in class D.' }),
    note: t.exposeString('note', { nullable: true, description: '说明 Why it failed, or the imported file.' }),
  }),
});

builder.queryField('riskRuns', (t) =>
  t.field({
    type: [RiskRunRef],
    description: '分类运行 Classification runs, newest first (counts only, no enterprise). Supervisors, departments and admins.',
    args: {
      month: t.arg.string({ description: '月份 Only runs of this month.' }),
      first: t.arg.int({ description: 'How many, 1–100 (default 20).' }),
      before: t.arg.int({ description: 'Only runs with a smaller id (next page).' }),
    },
    resolve: async (_root, args, ctx) => {
      assertReadsClasses(ctx.caller, 'riskRuns');
      const limit = args.first ?? 20;
      if (limit < 1 || limit > 100) throw badUserInput('first: 1–100', { field: 'first', reason: 'OUT_OF_RANGE' });
      const month = args.month ? parseMonth(args.month, 'month') : undefined;
      const runs = await listRuns(ctx.db, { month, limit, before: args.before ?? undefined });
      await ctx.audit({ action: 'RUNS', detail: { month: month ?? null, runs: runs.map((run) => run.id) } });
      return runs;
    },
  }),
);
