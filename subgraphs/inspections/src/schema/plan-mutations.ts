import { badUserInput, TEXT } from '@credit-hub/subgraph-kit';
import { divisionPrefix, regionCovers } from '@credit-hub/uscc';
import { assertChanges, ownerOfNew, planFacts } from '../access.ts';
import { builder } from '../builder.ts';
import { getPlan, insertPlan, insertTask } from '../data/plan-store.ts';
import { BASIS_POINTS, type ClassRatios } from '../rules/draw.ts';
import { CandidateKeyDomainEnum, CandidateLicenseKindEnum, InspectionKindEnum } from './enums.ts';
import { requireId } from './plan.ts';
import { PlanRef, TaskRef } from './refs.ts';

const fail = (field: string, reason: string, message: string): never => {
  throw badUserInput(`${field}: ${message}`, { field, reason });
};

const CreatePlanInput = builder.inputType('CreateInspectionPlanInput', {
  description: '抽查计划 A year’s plan of the caller’s department in its region.',
  fields: (t) => ({
    year: t.int({ required: true, description: '年度 Year (2000–2100).' }),
    name: t.string({ required: true, description: '名称 Name.', bounds: TEXT.name }),
    department: t.string({ description: '部门 Admins only.', bounds: TEXT.identifier }),
    regionCode: t.string({ description: '区划 Admins only: 6-digit region.', bounds: TEXT.code }),
  }),
});

builder.mutationField('createInspectionPlan', (t) =>
  t.field({
    type: PlanRef,
    description: '创建抽查计划 Creates a plan owned by the caller’s department, over the caller’s region.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { input: t.arg({ type: CreatePlanInput, required: true, description: 'The plan.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.year < 2000 || input.year > 2100) fail('input.year', 'OUT_OF_RANGE', 'a year from 2000 to 2100');
      const name = input.name.trim() || fail('input.name', 'EMPTY', 'cannot be empty');
      const owner = ownerOfNew(ctx.caller, { department: input.department, regionCode: input.regionCode }, 'createInspectionPlan');
      return insertPlan(ctx.db, { year: input.year, name, ...owner });
    },
  }),
);

const RatiosInput = builder.inputType('ClassRatiosInput', {
  description:
    '分类抽查比例 Percent of each class’s pool to draw (0–100, two decimals). The seeds give no numbers: A lower, B normal, C raised, D sharply raised (运市监信用〔2022〕4号 part 6.2). Count = ceil(pool × percent / 100) when percent > 0.',
  fields: (t) => ({
    a: t.float({ required: true, description: 'A类 percent.' }),
    b: t.float({ required: true, description: 'B类 percent.' }),
    c: t.float({ required: true, description: 'C类 percent.' }),
    d: t.float({ required: true, description: 'D类 percent.' }),
    unclassified: t.float({ required: true, description: '未分类 percent (enterprises with no class yet).' }),
  }),
});

/** Percent with at most two decimals → basis points, exactly. */
export function toBasisPoints(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) fail(field, 'OUT_OF_RANGE', 'a percent from 0 to 100');
  const basisPoints = Math.round(value * (BASIS_POINTS / 100));
  if (Math.abs(basisPoints - value * (BASIS_POINTS / 100)) > 1e-6) fail(field, 'PRECISION', 'at most two decimals');
  return basisPoints;
}

const CreateTaskInput = builder.inputType('CreateInspectionTaskInput', {
  description: '抽查任务 A task of a plan: item, candidates, ratios per class, window, inspectors per enterprise.',
  fields: (t) => ({
    planId: t.int({ required: true, description: '计划 Plan id.' }),
    name: t.string({ required: true, description: '名称 Name.', bounds: TEXT.name }),
    item: t.string({ required: true, description: '检查事项 Inspection item.', bounds: TEXT.line }),
    kind: t.field({ type: InspectionKindEnum, required: true, description: '方式 INSPECTION or SAMPLING.' }),
    regionPrefix: t.string({
      description: '区划 2, 4 or 6 digits inside the plan’s region (default the plan’s region).',
      bounds: TEXT.code,
    }),
    keyDomain: t.field({ type: CandidateKeyDomainEnum, description: '重点领域 Only this focus domain.' }),
    industryCode: t.string({ description: '行业代码 Only this GB/T 4754 category.', bounds: TEXT.code }),
    licenseKind: t.field({ type: CandidateLicenseKindEnum, description: '许可类别 Only holders of such a licence in force.' }),
    equipmentUsers: t.boolean({ description: '特种设备使用单位 Only enterprises with special equipment registered in use.' }),
    ratios: t.field({ type: RatiosInput, required: true, description: '比例 Percent per class.' }),
    windowFrom: t.field({ type: 'Date', required: true, description: '检查期间起 From.' }),
    windowTo: t.field({ type: 'Date', required: true, description: '检查期间止 Until (not before From).' }),
    inspectorsPerEnterprise: t.int({ description: '每户检查人员数 At least 2 (default 2), at most 10.' }),
  }),
});

builder.mutationField('createInspectionTask', (t) =>
  t.field({
    type: TaskRef,
    description: '创建抽查任务 Adds a task to a plan of the caller’s department.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { input: t.arg({ type: CreateTaskInput, required: true, description: 'The task.' }) },
    resolve: async (_root, { input }, ctx) => {
      const plan = await getPlan(ctx.db, requireId(input.planId, 'input.planId'));
      if (!plan) return fail('input.planId', 'NOT_FOUND', 'no such plan');
      assertChanges(ctx.caller, planFacts(plan), 'inspection plan', 'input.planId');
      if (input.kind === 'VERIFICATION') fail('input.kind', 'NOT_DRAWN', 'verifications are recorded per commitment, not drawn');
      const prefix = input.regionPrefix ?? plan.regionCode;
      if (!/^(\d{2}|\d{4}|\d{6})$/.test(prefix)) fail('input.regionPrefix', 'FORMAT', '2, 4 or 6 digits');
      if (!regionCovers(plan.regionCode, prefix.padEnd(6, '0')))
        fail('input.regionPrefix', 'OUTSIDE_PLAN', `outside the plan’s region ${plan.regionCode}`);
      const normalisedPrefix = divisionPrefix(prefix.padEnd(6, '0'));
      if (input.windowTo < input.windowFrom) fail('input.windowTo', 'BEFORE_START', 'before windowFrom');
      const perEnterprise = input.inspectorsPerEnterprise ?? 2;
      if (perEnterprise < 2 || perEnterprise > 10)
        fail('input.inspectorsPerEnterprise', 'OUT_OF_RANGE', 'from 2 to 10 (双随机: at least two inspectors)');
      const ratios: ClassRatios = {
        A: toBasisPoints(input.ratios.a, 'input.ratios.a'),
        B: toBasisPoints(input.ratios.b, 'input.ratios.b'),
        C: toBasisPoints(input.ratios.c, 'input.ratios.c'),
        D: toBasisPoints(input.ratios.d, 'input.ratios.d'),
        UNCLASSIFIED: toBasisPoints(input.ratios.unclassified, 'input.ratios.unclassified'),
      };
      return insertTask(ctx.db, {
        planId: plan.id,
        name: input.name.trim() || fail('input.name', 'EMPTY', 'cannot be empty'),
        item: input.item.trim() || fail('input.item', 'EMPTY', 'cannot be empty'),
        kind: input.kind,
        filter: {
          regionPrefix: normalisedPrefix,
          keyDomain: input.keyDomain ?? null,
          industryCode: input.industryCode?.trim() || null,
          licenseKind: input.licenseKind ?? null,
          equipmentUsers: input.equipmentUsers ?? false,
        },
        ratios,
        windowFrom: input.windowFrom,
        windowTo: input.windowTo,
        inspectorsPerEnterprise: perEnterprise,
        department: plan.department,
        regionCode: plan.regionCode,
      });
    },
  }),
);
