import { badUserInput } from '@credit-hub/subgraph-kit';
import { divisionPrefix } from '@credit-hub/uscc';
import { mayRead, planFacts } from '../access.ts';
import { builder } from '../builder.ts';
import { getPlan, getTask, listPlans } from '../data/plan-store.ts';
import { BASIS_POINTS, type ClassRatios } from '../rules/draw.ts';
import { CandidateKeyDomainEnum, CandidateLicenseKindEnum, InspectionKindEnum } from './enums.ts';
import { DrawRef, InspectionRef, PlanRef, TaskRef } from './refs.ts';

PlanRef.implement({
  description: '抽查计划 A department’s 双随机 plan for a year in its region. Supervisors of the region only.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '编号 Id.' }),
    year: t.exposeInt('year', { description: '年度 Year.' }),
    name: t.exposeString('name', { description: '名称 Name.' }),
    department: t.exposeString('department', { description: '部门 Owning department.' }),
    regionCode: t.exposeString('regionCode', { description: '区划 Region the plan covers.' }),
    tasks: t.field({
      type: [TaskRef],
      description: '抽查任务 Tasks of the plan.',
      resolve: (plan, _args, ctx) => ctx.loaders.tasksByPlan.load(plan.id),
    }),
  }),
});

const percent = (basisPoints: number) => basisPoints / (BASIS_POINTS / 100);

const RatiosRef = builder.objectRef<ClassRatios>('ClassRatios').implement({
  description: '分类抽查比例 Sampling ratio per credit risk class, in percent (the task’s configuration, not law).',
  fields: (t) => ({
    a: t.float({ description: 'A类 (信用风险低) percent.', resolve: (r) => percent(r.A) }),
    b: t.float({ description: 'B类 (一般) percent.', resolve: (r) => percent(r.B) }),
    c: t.float({ description: 'C类 (较高) percent.', resolve: (r) => percent(r.C) }),
    d: t.float({ description: 'D类 (高) percent.', resolve: (r) => percent(r.D) }),
    unclassified: t.float({ description: '未分类 Enterprises without a class, percent.', resolve: (r) => percent(r.UNCLASSIFIED) }),
  }),
});

TaskRef.implement({
  description: '抽查任务 What is checked, among which enterprises, at which ratio per risk class. Supervisors of the region only.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '编号 Id.' }),
    planId: t.exposeInt('planId', { description: '计划 Plan id.' }),
    name: t.exposeString('name', { description: '名称 Name.' }),
    item: t.exposeString('item', { description: '检查事项 Inspection item.' }),
    kind: t.field({ type: InspectionKindEnum, description: '方式 Inspection or sampling test.', resolve: (task) => task.kind }),
    regionPrefix: t.string({ description: '区划 Candidates registered under this prefix.', resolve: (task) => task.filter.regionPrefix }),
    keyDomain: t.field({
      type: CandidateKeyDomainEnum,
      nullable: true,
      description: '重点领域 Candidates in this focus domain.',
      resolve: (task) => task.filter.keyDomain as never,
    }),
    industryCode: t.string({
      nullable: true,
      description: '行业代码 Candidates of this industry.',
      resolve: (task) => task.filter.industryCode,
    }),
    licenseKind: t.field({
      type: CandidateLicenseKindEnum,
      nullable: true,
      description: '许可类别 Candidates holding such a licence in force.',
      resolve: (task) => task.filter.licenseKind as never,
    }),
    equipmentUsers: t.boolean({
      description: '特种设备使用单位 Candidates are special-equipment user units.',
      resolve: (task) => task.filter.equipmentUsers,
    }),
    ratios: t.field({ type: RatiosRef, description: '比例 Ratio per class.', resolve: (task) => task.ratios }),
    windowFrom: t.expose('windowFrom', { type: 'Date', description: '检查期间起 Inspections from.' }),
    windowTo: t.expose('windowTo', { type: 'Date', description: '检查期间止 Inspections until.' }),
    inspectorsPerEnterprise: t.exposeInt('inspectorsPerEnterprise', { description: '每户检查人员数 Inspectors per enterprise (≥ 2).' }),
    department: t.exposeString('department', { description: '部门 Owning department.' }),
    draws: t.field({
      type: [DrawRef],
      description: '抽取 Draws of the task, newest first (at most one draft or one confirmed).',
      resolve: (task, _args, ctx) => ctx.loaders.drawsByTask.load(task.id),
    }),
    inspections: t.field({
      type: [InspectionRef],
      description: '检查结果 Results recorded for the task.',
      resolve: (task, _args, ctx) => ctx.loaders.inspectionsByTask.load(task.id),
    }),
  }),
});

const requireId = (value: number, field: string) => {
  if (!Number.isInteger(value) || value < 1) throw badUserInput(`${field}: a positive id`, { field, reason: 'FORMAT' });
  return value;
};

builder.queryField('inspectionPlans', (t) =>
  t.field({
    type: [PlanRef],
    description: '抽查计划 Plans of a year the caller may see (regulators: their region; analysts, admins: all).',
    authScopes: { supervisor: true },
    args: { year: t.arg.int({ required: true, description: '年度 Year.' }) },
    resolve: async (_root, args, ctx) => {
      const prefix = ctx.caller.role === 'regulator' && ctx.caller.region ? divisionPrefix(ctx.caller.region) : '';
      return (await listPlans(ctx.db, args.year, prefix)).filter((plan) => mayRead(ctx.caller, planFacts(plan)));
    },
  }),
);

builder.queryField('inspectionPlan', (t) =>
  t.field({
    type: PlanRef,
    nullable: true,
    description: '抽查计划 One plan; null when absent or outside what the caller may see.',
    authScopes: { supervisor: true },
    args: { id: t.arg.int({ required: true, description: '编号 Id.' }) },
    resolve: async (_root, args, ctx) => {
      const plan = await getPlan(ctx.db, requireId(args.id, 'id'));
      return plan && mayRead(ctx.caller, planFacts(plan)) ? plan : null;
    },
  }),
);

builder.queryField('inspectionTask', (t) =>
  t.field({
    type: TaskRef,
    nullable: true,
    description: '抽查任务 One task with its draws and results; null when absent or outside what the caller may see.',
    authScopes: { supervisor: true },
    args: { id: t.arg.int({ required: true, description: '编号 Id.' }) },
    resolve: async (_root, args, ctx) => {
      const task = await getTask(ctx.db, requireId(args.id, 'id'));
      return task && mayRead(ctx.caller, planFacts(task)) ? task : null;
    },
  }),
);

export { requireId };
