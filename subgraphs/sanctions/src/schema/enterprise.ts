import { badUserInput, callerSeesRegion, fenToYuan, yuanToFen } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { abnormalListedOn, decidedWithinYears, penaltyInForceOn, seriousListedOn } from '../rules/index.ts';
import { visibleAbnormalOperations, visiblePenalties, visibleSeriousViolations } from '../views.ts';
import { AbnormalOperationRef, CreditRepairRef, EnterpriseRef, PenaltyRef, SeriousViolationRef } from './refs.ts';

const SUMMARY_YEARS = 3;

interface SanctionSummary {
  asOf: string;
  penaltiesInLast3Years: number;
  /** Yuan, exact. */
  finesInLast3Years: string;
  currentlyAbnormal: boolean;
  currentlySerious: boolean;
  disputedRecords: number;
}

const SanctionSummaryRef = builder.objectRef<SanctionSummary>('SanctionSummary').implement({
  description: '处罚与名单摘要 Counts the credit risk model uses, over what the caller may see (the public: published records only).',
  fields: (t) => ({
    asOf: t.expose('asOf', { type: 'Date', description: '统计日期 Day the summary was computed for (today).' }),
    penaltiesInLast3Years: t.exposeInt('penaltiesInLast3Years', {
      description: '近三年行政处罚数 Penalties decided in the 3 years up to today, revoked ones excluded.',
    }),
    finesInLast3Years: t.float({
      description: '近三年罚款总额（元） Total of their fines, yuan (a float: use finesInLast3YearsYuan for the exact amount).',
      deprecationReason: 'Floats round money: use finesInLast3YearsYuan.',
      resolve: (s) => Number(s.finesInLast3Years),
    }),
    finesInLast3YearsYuan: t.field({
      type: 'Decimal',
      description: '近三年罚款总额（元） Total of their fines in yuan, exact.',
      resolve: (s) => s.finesInLast3Years,
    }),
    currentlyAbnormal: t.exposeBoolean('currentlyAbnormal', { description: '当前列入经营异常名录 On the abnormal-operations list today.' }),
    currentlySerious: t.exposeBoolean('currentlySerious', { description: '当前列入严重违法失信名单 On the serious violation list today.' }),
    disputedRecords: t.exposeInt('disputedRecords', { description: '存在异议的记录数 Visible records with an objection under review.' }),
  }),
});

/** `asOf` answers "what was in force that day": a past or present day, never a future one. */
function checkAsOf(asOf: string | null | undefined, ctx: Context): string | null {
  if (asOf && asOf > ctx.today) throw badUserInput('asOf: cannot be after today', { field: 'asOf', reason: 'FUTURE_DATE' });
  return asOf ?? null;
}

const AS_OF = '截至日期 What was in force or listed on that day (procurement and bidding checks); omit for every record.';

EnterpriseRef.implement({
  description: '企业 Market entity keyed by its unified social credit code (owned by the enterprises subgraph).',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code (18 characters).' }),
    penalties: t.field({
      type: [PenaltyRef],
      nullable: true,
      description:
        '行政处罚 Penalties, newest first. The public sees published ones; regulators of the region, analysts and admins see all, with their publication state.',
      args: { asOf: t.arg({ type: 'Date', description: AS_OF }) },
      resolve: async (e, args, ctx) => visiblePenalties(await ctx.loaders.penalties.load(e.uscc), ctx, checkAsOf(args.asOf, ctx)),
    }),
    abnormalOperations: t.field({
      type: [AbnormalOperationRef],
      nullable: true,
      description: '经营异常名录 Abnormal-operations listings, newest first, with removals; repaired ones are hidden from the public.',
      args: { asOf: t.arg({ type: 'Date', description: AS_OF }) },
      resolve: async (e, args, ctx) =>
        visibleAbnormalOperations(await ctx.loaders.abnormalOperations.load(e.uscc), ctx, checkAsOf(args.asOf, ctx)),
    }),
    seriousViolations: t.field({
      type: [SeriousViolationRef],
      nullable: true,
      description: '严重违法失信名单 Serious violation listings, newest first; public during their 3-year period unless repaired.',
      args: { asOf: t.arg({ type: 'Date', description: AS_OF }) },
      resolve: async (e, args, ctx) =>
        visibleSeriousViolations(await ctx.loaders.seriousViolations.load(e.uscc), ctx, checkAsOf(args.asOf, ctx)),
    }),
    creditRepairs: t.field({
      type: [CreditRepairRef],
      nullable: true,
      description:
        '信用修复 Credit repair applications and decisions. Supervisors only (regulators: records of their region); null for others.',
      authScopes: { supervisor: true },
      unauthorizedResolver: () => null,
      resolve: async (e, _args, ctx) =>
        (await ctx.loaders.creditRepairs.load(e.uscc)).filter((r) => callerSeesRegion(ctx.caller, r.regionCode)),
    }),
    sanctionSummary: t.field({
      type: SanctionSummaryRef,
      nullable: true,
      description: '处罚与名单摘要 Summary for the risk model: penalties and fines in the last 3 years, current listings, disputes.',
      resolve: async (e, _args, ctx) => {
        const [penalties, abnormal, serious, objections] = await Promise.all([
          ctx.loaders.penalties.load(e.uscc).then((rows) => visiblePenalties(rows, ctx, null)),
          ctx.loaders.abnormalOperations.load(e.uscc).then((rows) => visibleAbnormalOperations(rows, ctx, null)),
          ctx.loaders.seriousViolations.load(e.uscc).then((rows) => visibleSeriousViolations(rows, ctx, null)),
          ctx.loaders.objections.load(e.uscc),
        ]);
        const recent = penalties.filter((p) => penaltyInForceOn(p, ctx.today) && decidedWithinYears(p.decidedOn, ctx.today, SUMMARY_YEARS));
        const visible = new Set([
          ...penalties.map((p) => `PENALTY:${p.id}`),
          ...abnormal.map((a) => `ABNORMAL_OPERATION:${a.id}`),
          ...serious.map((s) => `SERIOUS_VIOLATION:${s.id}`),
        ]);
        return {
          asOf: ctx.today,
          penaltiesInLast3Years: recent.length,
          finesInLast3Years: fenToYuan(recent.reduce((sum, p) => sum + (p.fineAmount ? yuanToFen(p.fineAmount) : 0n), 0n)),
          currentlyAbnormal: abnormal.some((a) => abnormalListedOn(a, ctx.today)),
          currentlySerious: serious.some((s) => seriousListedOn(s, ctx.today, ctx.rules)),
          disputedRecords: objections.filter((o) => o.status === 'PENDING' && visible.has(`${o.targetKind}:${o.targetId}`)).length,
        };
      },
    }),
  }),
});
