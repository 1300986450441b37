import { assertCanWrite, badUserInput, notFound, registeredRegionOf, requireValidUscc, TEXT } from '@credit-hub/subgraph-kit';
import { assertChanges, inspectionFacts, planFacts } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { getConfirmedEntry } from '../data/draw-store.ts';
import { getInspectionsById, insertInspection, publishInspection } from '../data/inspection-store.ts';
import { getInspectorsById } from '../data/inspector-store.ts';
import { getTask } from '../data/plan-store.ts';
import type { TaskRow } from '../db/schema.ts';
import { InspectionKindEnum, InspectionResultEnum, InspectionTriggerEnum, SamplingOutcomeEnum } from './enums.ts';
import { requireId } from './plan.ts';
import { InspectionRef } from './refs.ts';

const fail = (field: string, reason: string, message: string): never => {
  throw badUserInput(`${field}: ${message}`, { field, reason });
};

const RecordInspectionInput = builder.inputType('RecordInspectionInput', {
  description: '录入检查结果 A result: of a drawn enterprise (taskId) or of a triggered inspection (trigger).',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码.', bounds: TEXT.code }),
    taskId: t.int({ description: '任务 The task whose confirmed draw named the enterprise.' }),
    trigger: t.field({ type: InspectionTriggerEnum, description: '触发原因 Required without a task.' }),
    triggerNote: t.string({ description: '线索说明 Complaint number, referring authority…', bounds: TEXT.line }),
    kind: t.field({ type: InspectionKindEnum, description: '方式 Default the task’s kind; required without a task.' }),
    result: t.field({ type: InspectionResultEnum, required: true, description: '检查结果 Standard result.' }),
    samplingItem: t.string({ description: '抽检项目 Required for SAMPLING.', bounds: TEXT.name }),
    samplingStandard: t.string({ description: '检验依据 Required for SAMPLING.', bounds: TEXT.name }),
    samplingOutcome: t.field({
      type: SamplingOutcomeEnum,
      description: '抽检结论 Required for SAMPLING; UNQUALIFIED goes with result UNQUALIFIED.',
    }),
    inspectedOn: t.field({ type: 'Date', required: true, description: '检查日期 Not in the future.' }),
    inspectorIds: t.intList({ required: true, description: '检查人员 At least two inspectors of the department.' }),
    findings: t.string({ description: '检查情况 Findings.', bounds: TEXT.text }),
    rectificationDeadline: t.field({ type: 'Date', description: '责令改正期限 After the inspection date.' }),
    followUp: t.string({ description: '后续处置 Follow-up.', bounds: TEXT.text }),
  }),
});

async function taskOf(ctx: Context, taskId: number): Promise<TaskRow> {
  const task = await getTask(ctx.db, requireId(taskId, 'input.taskId'));
  if (!task) throw notFound('input.taskId: no such task (记录不存在)', { field: 'input.taskId' });
  assertChanges(ctx.caller, planFacts(task), 'inspection task', 'input.taskId');
  return task;
}

builder.mutationField('recordInspection', (t) =>
  t.field({
    type: InspectionRef,
    description:
      '录入检查结果 Records a result under the caller’s department for an enterprise registered in its region: drawn in a confirmed draw of the task, or triggered (complaint, referral, monitoring lead, higher authority). Unpublished until publishInspection.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { input: t.arg({ type: RecordInspectionInput, required: true, description: 'The result.' }) },
    resolve: async (_root, { input }, ctx) => {
      const uscc = requireValidUscc(input.uscc, 'input.uscc');
      if (input.inspectedOn > ctx.today) fail('input.inspectedOn', 'IN_FUTURE', `after today (${ctx.today})`);
      let department: string;
      let kind = input.kind ?? null;
      if (input.taskId != null) {
        const task = await taskOf(ctx, input.taskId);
        if (!(await getConfirmedEntry(ctx.db, task.id, uscc)))
          fail('input.uscc', 'NOT_DRAWN', `not in a confirmed draw of task ${task.id}`);
        if (input.inspectedOn < task.windowFrom || input.inspectedOn > task.windowTo)
          fail('input.inspectedOn', 'OUTSIDE_WINDOW', `the task runs ${task.windowFrom} – ${task.windowTo}`);
        department = task.department;
        kind ??= task.kind;
      } else {
        if (!input.trigger) fail('input.trigger', 'REQUIRED', 'an inspection outside a draw names its trigger');
        if (!kind) fail('input.kind', 'REQUIRED', 'an inspection outside a draw names its kind');
        department = ctx.caller.dept ?? fail('input', 'NO_DEPARTMENT', 'your token names no department');
      }
      const regionCode = await registeredRegionOf(ctx.enterpriseFacts, uscc, 'input.uscc');
      assertCanWrite(ctx.caller, { region: regionCode, owner: department, published: false }, 'recordInspection');
      if (kind === 'SAMPLING') {
        if (!input.samplingItem?.trim()) fail('input.samplingItem', 'REQUIRED', 'a sampling test names its item');
        if (!input.samplingStandard?.trim()) fail('input.samplingStandard', 'REQUIRED', 'a sampling test names its standard');
        if (!input.samplingOutcome) fail('input.samplingOutcome', 'REQUIRED', '合格 or 不合格');
        if ((input.samplingOutcome === 'UNQUALIFIED') !== (input.result === 'UNQUALIFIED'))
          fail('input.result', 'SAMPLING_MISMATCH', 'an unqualified sample is result UNQUALIFIED, and only it');
      } else if (input.samplingOutcome || input.result === 'UNQUALIFIED') {
        fail('input.samplingOutcome', 'NOT_SAMPLING', 'only sampling tests have a sampling outcome');
      }
      const inspectorIds = [...new Set(input.inspectorIds)];
      if (inspectorIds.length < 2) fail('input.inspectorIds', 'TOO_FEW', 'at least two inspectors');
      if (inspectorIds.length > 10) fail('input.inspectorIds', 'TOO_MANY', 'at most ten inspectors');
      const inspectors = await getInspectorsById(ctx.db, inspectorIds);
      if (inspectors.length !== inspectorIds.length || inspectors.some((inspector) => inspector.department !== department))
        fail('input.inspectorIds', 'NOT_OF_DEPARTMENT', `every inspector is one of department ${department}`);
      if (input.rectificationDeadline && input.rectificationDeadline <= input.inspectedOn)
        fail('input.rectificationDeadline', 'BEFORE_INSPECTION', 'after the inspection date');
      return insertInspection(ctx.db, {
        taskId: input.taskId ?? null,
        uscc,
        regionCode,
        department,
        kind: kind as NonNullable<typeof kind>,
        trigger: input.trigger ?? null,
        triggerNote: input.triggerNote?.trim() || null,
        result: input.result,
        samplingItem: input.samplingItem?.trim() || null,
        samplingStandard: input.samplingStandard?.trim() || null,
        samplingOutcome: input.samplingOutcome ?? null,
        inspectedOn: input.inspectedOn,
        inspectorIds,
        findings: input.findings?.trim() || null,
        rectificationDeadline: input.rectificationDeadline ?? null,
        followUp: input.followUp?.trim() || null,
        recordedBy: ctx.caller.sub,
      });
    },
  }),
);

builder.mutationField('publishInspection', (t) =>
  t.field({
    type: InspectionRef,
    description:
      '公示检查结果 Publishes a result (national publicity system; the credit platform takes it from there). CONFLICT when already published.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: {
      id: t.arg.int({ required: true, description: '编号 Result id.' }),
      publishedOn: t.arg({ type: 'Date', description: '公示日期 Default today; not before the inspection, not in the future.' }),
    },
    resolve: async (_root, args, ctx) => {
      const [row] = await getInspectionsById(ctx.db, [requireId(args.id, 'id')]);
      if (!row) throw notFound('inspection not found (记录不存在)', { field: 'id' });
      assertChanges(ctx.caller, inspectionFacts(row, ctx.today), 'inspection', 'id');
      const publishedOn = args.publishedOn ?? ctx.today;
      if (publishedOn > ctx.today) fail('publishedOn', 'IN_FUTURE', `after today (${ctx.today})`);
      if (publishedOn < row.inspectedOn) fail('publishedOn', 'BEFORE_INSPECTION', `the inspection was on ${row.inspectedOn}`);
      return publishInspection(ctx.db, row.id, publishedOn);
    },
  }),
);
