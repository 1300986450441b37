import { inspectionFacts, mayRead } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { InspectionRow } from '../db/schema.ts';
import { type Publication, publicationOf } from '../rules/publication.ts';
import { FAILED_RESULTS, INSPECTION_RESULTS, REFUSED_RESULTS } from '../rules/vocabulary.ts';
import { InspectionKindEnum, InspectionResultEnum, InspectionTriggerEnum, SamplingOutcomeEnum } from './enums.ts';
import { loadInspectors } from './inspector.ts';
import { EnterpriseRef, InspectionRef, InspectorRef } from './refs.ts';
import { ComputedDateRef } from './rules.ts';

const SUMMARY_YEARS = 3;

const PublicationRef = builder.objectRef<Publication>('InspectionPublication').implement({
  description: '公示 Publication of a result: national publicity system within 20 working days, credit platform within 7.',
  fields: (t) => ({
    publishedOn: t.expose('publishedOn', { type: 'Date', nullable: true, description: '公示日期 Published on; null while unpublished.' }),
    published: t.exposeBoolean('published', { description: '已公示 The public sees it today.' }),
    nationalPublicityDeadline: t.expose('nationalPublicityDeadline', {
      type: 'Date',
      description: '公示系统期限 20 working days after the inspection.',
    }),
    doublePublicityDeadline: t.expose('doublePublicityDeadline', {
      type: 'Date',
      description: '信用平台期限 7 working days after the inspection.',
    }),
    lateForNationalPublicity: t.exposeBoolean('lateForNationalPublicity', {
      description: '公示超期 Published after, or still unpublished past, the 20-day deadline.',
    }),
    lateForDoublePublicity: t.exposeBoolean('lateForDoublePublicity', { description: '报送超期 Past the 7-day deadline.' }),
    nationalPublicityDeadlineExplanation: t.field({
      type: ComputedDateRef,
      description: '依据 Rule and calendar.',
      resolve: (p) => p.nationalPublicityDeadlineExplanation,
    }),
    doublePublicityDeadlineExplanation: t.field({
      type: ComputedDateRef,
      description: '依据 Rule and calendar.',
      resolve: (p) => p.doublePublicityDeadlineExplanation,
    }),
  }),
});

/** Internal fields (findings, inspectors, follow-up) are for supervisors of the region only. */
const supervises = (row: InspectionRow, ctx: Context) => mayRead(ctx.caller, { ...inspectionFacts(row, ctx.today), published: false });

InspectionRef.implement({
  description: '抽查检查结果 An inspection result; the public sees it once published, supervisors of the region always.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '编号 Id.' }),
    uscc: t.string({ description: '统一社会信用代码.', resolve: (row) => row.uscc.trim() }),
    enterprise: t.field({ type: EnterpriseRef, description: '企业 The enterprise.', resolve: (row) => ({ uscc: row.uscc.trim() }) }),
    taskId: t.exposeInt('taskId', { nullable: true, description: '任务 Task id; null for triggered inspections.' }),
    department: t.exposeString('department', { description: '检查机关部门 Inspecting department.' }),
    kind: t.field({ type: InspectionKindEnum, description: '方式 检查 / 抽检 / 核查.', resolve: (row) => row.kind }),
    trigger: t.field({
      type: InspectionTriggerEnum,
      nullable: true,
      description: '触发原因 For inspections outside a draw.',
      resolve: (row) => row.trigger,
    }),
    result: t.field({ type: InspectionResultEnum, description: '检查结果 Standard result.', resolve: (row) => row.result }),
    resultText: t.string({ description: '结果表述 The standard wording.', resolve: (row) => INSPECTION_RESULTS[row.result] }),
    samplingItem: t.exposeString('samplingItem', { nullable: true, description: '抽检项目 Item tested.' }),
    samplingStandard: t.exposeString('samplingStandard', { nullable: true, description: '检验依据 Standard tested against.' }),
    samplingOutcome: t.field({
      type: SamplingOutcomeEnum,
      nullable: true,
      description: '抽检结论 合格 / 不合格.',
      resolve: (row) => row.samplingOutcome,
    }),
    licenseNumber: t.exposeString('licenseNumber', {
      nullable: true,
      description: '许可证编号 For a commitment verification: the licence verified.',
    }),
    commitmentOutcome: t.exposeString('commitmentOutcome', {
      nullable: true,
      description: '承诺核查结论 CONFIRMED or NOT_MET, as written to the licence or the credit commitment.',
    }),
    creditCommitmentId: t.exposeInt('creditCommitmentId', {
      nullable: true,
      description: '信用承诺编号 For a credit-commitment verification: the commitment verified (sanctions subgraph).',
    }),
    inspectedOn: t.expose('inspectedOn', { type: 'Date', description: '检查日期 Date.' }),
    rectificationDeadline: t.expose('rectificationDeadline', {
      type: 'Date',
      nullable: true,
      description: '责令改正期限 Rectification deadline.',
    }),
    findings: t.string({
      nullable: true,
      description: '检查情况 Findings; supervisors only.',
      resolve: (row, _a, ctx) => (supervises(row, ctx) ? row.findings : null),
    }),
    followUp: t.string({
      nullable: true,
      description: '后续处置 Follow-up; supervisors only.',
      resolve: (row, _a, ctx) => (supervises(row, ctx) ? row.followUp : null),
    }),
    inspectors: t.field({
      type: [InspectorRef],
      nullable: true,
      description: '检查人员 Supervisors only.',
      resolve: (row, _a, ctx) => (supervises(row, ctx) ? loadInspectors(ctx, row.inspectorIds) : null),
    }),
    publication: t.field({
      type: PublicationRef,
      description: '公示 Deadlines and state.',
      resolve: (row, _a, ctx) => publicationOf(row.inspectedOn, row.publishedOn, ctx.today),
    }),
  }),
});

interface InspectionSummary {
  asOf: string;
  inspections: number;
  failures: number;
  refusals: number;
  lastInspectedOn: string | null;
}

const SummaryRef = builder.objectRef<InspectionSummary>('InspectionSummary').implement({
  description: '抽查检查摘要 Last 3 years, over what the caller may see (the public: published results only). The risk model reads it.',
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date', description: '统计日期 Today.' }),
    inspections: t.exposeInt('inspections', { description: '检查次数 Inspections in the last 3 years.' }),
    failures: t.exposeInt('failures', { description: '发现问题 Found a problem (incl. 不合格 sampling tests).' }),
    refusals: t.exposeInt('refusals', { description: '不配合检查 Refused or obstructed.' }),
    lastInspectedOn: t.expose('lastInspectedOn', { type: 'Date', nullable: true, description: '最近检查日期 Last inspected on.' }),
  }),
});

const visible = async (uscc: string, ctx: Context) =>
  (await ctx.loaders.inspectionsByUscc.load(uscc)).filter((row) => mayRead(ctx.caller, inspectionFacts(row, ctx.today)));

EnterpriseRef.implement({
  description: '企业 Market entity keyed by its unified social credit code (owned by the enterprises subgraph).',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code (18 characters).' }),
    inspections: t.field({
      type: [InspectionRef],
      nullable: true,
      description: '抽查检查 Inspection results, newest first: the public sees published ones; supervisors of the region all.',
      resolve: (e, _a, ctx) => visible(e.uscc, ctx),
    }),
    inspectionSummary: t.field({
      type: SummaryRef,
      nullable: true,
      description: '抽查检查摘要 Inspections, failures and refusals in the last 3 years; last inspected on.',
      resolve: async (e, _a, ctx) => {
        // A string bound is enough: a 29 February that does not exist still orders correctly.
        const since = `${Number(ctx.today.slice(0, 4)) - SUMMARY_YEARS}${ctx.today.slice(4)}`;
        const rows = (await visible(e.uscc, ctx)).filter((row) => row.inspectedOn > since && row.inspectedOn <= ctx.today);
        return {
          asOf: ctx.today,
          inspections: rows.length,
          failures: rows.filter((row) => FAILED_RESULTS.has(row.result)).length,
          refusals: rows.filter((row) => REFUSED_RESULTS.has(row.result)).length,
          lastInspectedOn: rows[0]?.inspectedOn ?? null,
        };
      },
    }),
  }),
});
