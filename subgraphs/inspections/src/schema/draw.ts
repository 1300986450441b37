import { randomInt } from 'node:crypto';
import { badUserInput } from '@credit-hub/subgraph-kit';
import { divisionPrefix } from '@credit-hub/uscc';
import { assertChanges, planFacts } from '../access.ts';
import { builder } from '../builder.ts';
import { confirmDraw, getDraw, inspectorLoadsInYear, storeDraftDraw } from '../data/draw-store.ts';
import { listActiveInspectors } from '../data/inspector-store.ts';
import { getPlan, getTask } from '../data/plan-store.ts';
import { CLASS_KEYS, type ClassCounts, DrawError, drawEnterprises } from '../rules/draw.ts';
import { DrawStatusEnum, SelectionEnum } from './enums.ts';
import { loadInspectors } from './inspector.ts';
import { requireId } from './plan.ts';
import { DrawEntryRef, DrawRef, InspectorRef } from './refs.ts';

interface ClassCount {
  riskClass: string;
  pool: number;
  drawn: number;
}

const ClassCountRef = builder.objectRef<ClassCount>('DrawClassCount').implement({
  description: '分类抽取数 Per class: enterprises in the pool and drawn (key supervision included in drawn).',
  fields: (t) => ({
    riskClass: t.exposeString('riskClass', { description: '类别 A, B, C, D or UNCLASSIFIED.' }),
    pool: t.exposeInt('pool', { description: '候选数 In the pool.' }),
    drawn: t.exposeInt('drawn', { description: '抽取数 Drawn.' }),
  }),
});

const classCounts = (pool: ClassCounts, drawn: ClassCounts): ClassCount[] =>
  CLASS_KEYS.map((riskClass) => ({ riskClass, pool: pool[riskClass], drawn: drawn[riskClass] }));

interface InspectorLoad {
  inspectorId: number;
  assignments: number;
}

const InspectorLoadRef = builder.objectRef<InspectorLoad>('InspectorLoad').implement({
  description: '检查人员任务量 Places an inspector already held in the plan year’s confirmed draws when a draw ran.',
  fields: (t) => ({
    inspectorId: t.exposeInt('inspectorId', { description: '检查人员 Inspector id.' }),
    assignments: t.exposeInt('assignments', { description: '任务量 Places held.' }),
  }),
});

DrawRef.implement({
  description:
    '双随机抽取 A draw: seed, pool digest and counts, so anyone can re-run it (same seed + same pool ⇒ same draw). Supervisors of the region only.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '编号 Id.' }),
    taskId: t.exposeInt('taskId', { description: '任务 Task id.' }),
    seed: t.exposeInt('seed', { description: '随机种子 Seed of the xoroshiro128+ generator (pure-rand).' }),
    status: t.field({ type: DrawStatusEnum, description: '状态 DRAFT or CONFIRMED.', resolve: (draw) => draw.status }),
    poolSize: t.exposeInt('poolSize', { description: '候选总数 Enterprises in the pool.' }),
    poolDigest: t.exposeString('poolDigest', { description: '候选摘要 sha256 over the sorted pool (code, class, key supervision).' }),
    keySupervisionCount: t.exposeInt('keySupervisionCount', { description: '重点监管数 Key supervision units, all included.' }),
    inspectorLoads: t.field({
      type: [InspectorLoadRef],
      description:
        '任务量基线 The workload the draw balanced from (inspectors with none left out), by inspector id: with the seed and the pool, what reproduces its inspectors.',
      resolve: (draw) =>
        Object.entries(draw.inspectorLoads ?? {})
          .map(([id, assignments]) => ({ inspectorId: Number(id), assignments: Number(assignments) }))
          .sort((a, b) => a.inspectorId - b.inspectorId),
    }),
    classes: t.field({
      type: [ClassCountRef],
      description: '分类统计 Pool and drawn per class.',
      resolve: (draw) => classCounts(draw.poolCounts, draw.drawnCounts),
    }),
    drawnBy: t.exposeString('drawnBy', { description: '抽取人 Subject of the caller who drew.' }),
    drawnAt: t.expose('drawnAt', { type: 'DateTime', description: '抽取时间 When.' }),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true, description: '确认时间 When confirmed.' }),
    enterprises: t.field({
      type: [DrawEntryRef],
      description: '抽取名单 Drawn enterprises by code.',
      resolve: (draw, _args, ctx) => ctx.loaders.entriesByDraw.load(draw.id),
    }),
  }),
});

DrawEntryRef.implement({
  description: '抽取对象 One drawn enterprise with its class and inspectors.',
  fields: (t) => ({
    uscc: t.string({ description: '统一社会信用代码.', resolve: (entry) => entry.uscc.trim() }),
    regionCode: t.exposeString('regionCode', { description: '登记区划 Registered region at the draw.' }),
    riskClass: t.exposeString('riskClass', { nullable: true, description: '风险类别 Class at the draw; null when unclassified.' }),
    selection: t.field({ type: SelectionEnum, description: '入选方式 SAMPLED or KEY_SUPERVISION.', resolve: (entry) => entry.selection }),
    onSite: t.exposeBoolean('onSite', { description: '现场检查 On site; false for A-class (书面/非现场 unless triggered).' }),
    inspectors: t.field({
      type: [InspectorRef],
      description: '检查人员 Inspectors drawn for it (not of its own county when others exist).',
      resolve: (entry, _args, ctx) => loadInspectors(ctx, entry.inspectorIds),
    }),
  }),
});

builder.mutationField('runInspectionDraw', (t) =>
  t.field({
    type: DrawRef,
    description:
      '双随机抽取 Draws enterprises per class at the task’s ratios from the pool (enterprises, licences and risk classes read through the gateway) and inspectors per enterprise. Replaces the task’s draft; CONFLICT once confirmed. Give a seed to reproduce a draw.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: {
      taskId: t.arg.int({ required: true, description: '任务 Task id.' }),
      seed: t.arg.int({ description: '随机种子 0 – 2 147 483 647; default a fresh random seed.' }),
    },
    resolve: async (_root, args, ctx) => {
      const task = await getTask(ctx.db, requireId(args.taskId, 'taskId'));
      if (!task) throw badUserInput('taskId: no such task', { field: 'taskId', reason: 'NOT_FOUND' });
      assertChanges(ctx.caller, planFacts(task), 'inspection task', 'taskId');
      if (args.seed != null && args.seed < 0) throw badUserInput('seed: 0 or more', { field: 'seed', reason: 'OUT_OF_RANGE' });
      const seed = args.seed ?? randomInt(0, 2_147_483_647);
      const plan = await getPlan(ctx.db, task.planId);
      if (!plan) throw new Error(`task ${task.id} has no plan`);
      const [pool, inspectors, loads] = await Promise.all([
        ctx.candidates.candidates(task.filter),
        listActiveInspectors(ctx.db, task.department, divisionPrefix(task.regionCode)),
        inspectorLoadsInYear(ctx.db, { department: task.department, year: plan.year, exceptTaskId: task.id }),
      ]);
      try {
        const outcome = drawEnterprises({
          pool,
          ratios: task.ratios,
          inspectors,
          perEnterprise: task.inspectorsPerEnterprise,
          seed,
          loads,
        });
        return storeDraftDraw(ctx.db, task.id, seed, outcome, ctx.caller.sub, loads);
      } catch (error) {
        if (error instanceof DrawError) throw badUserInput(`taskId: ${error.message}`, { field: 'taskId', reason: error.reason });
        throw error;
      }
    },
  }),
);

builder.mutationField('confirmInspectionDraw', (t) =>
  t.field({
    type: DrawRef,
    description: '确认抽取 Confirms a draft draw: from then on it is fixed and results are recorded against it.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { drawId: t.arg.int({ required: true, description: '抽取 Draw id.' }) },
    resolve: async (_root, args, ctx) => {
      const draw = await getDraw(ctx.db, requireId(args.drawId, 'drawId'));
      const task = draw && (await getTask(ctx.db, draw.taskId));
      if (!draw || !task) throw badUserInput('drawId: no such draw', { field: 'drawId', reason: 'NOT_FOUND' });
      assertChanges(ctx.caller, planFacts(task), 'inspection draw', 'drawId');
      return confirmDraw(ctx.db, draw.id, ctx.caller.sub);
    },
  }),
);
