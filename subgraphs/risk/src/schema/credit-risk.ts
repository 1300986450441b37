import { assertMayRead, assertReadsClasses, classFacts, indicatorFacts, parseMonth } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { CurrentResult } from '../data/result-store.ts';
import { describeHardRule, describeIndicator, previousMonth } from '../rules/classify.ts';
import type { IndicatorContribution, RiskClass } from '../rules/model.ts';
import { RiskClassEnum, RiskSourceEnum, RiskTrendEnum } from './enums.ts';
import { CreditRiskRef, type CreditRiskView, EnterpriseRef } from './refs.ts';

const MAX_HISTORY = 36;

/** Per month, the result that answers: PROVINCE wins over LOCAL for the same enterprise and month. */
export function effectiveByMonth(rows: readonly CurrentResult[]): Map<string, CurrentResult> {
  const byMonth = new Map<string, CurrentResult>();
  for (const row of rows) {
    const held = byMonth.get(row.month);
    if (!held || (held.source === 'LOCAL' && row.source === 'PROVINCE')) byMonth.set(row.month, row);
  }
  return byMonth;
}

const RiskIndicatorRef = builder.objectRef<IndicatorContribution>('RiskIndicator').implement({
  description: '风险指标 One indicator of the model with what it added to the score.',
  fields: (t) => ({
    key: t.exposeString('key', { description: '指标代码 Key in the model file, e.g. penalties_recent.' }),
    description: t.string({
      description: '指标说明 What the indicator measures (Chinese / English).',
      resolve: (indicator) => {
        const { zh, en } = describeIndicator(indicator.key);
        return `${zh} ${en}`;
      },
    }),
    value: t.exposeFloat('value', { description: '指标值 The measured value (count, years, 0/1…).' }),
    contribution: t.exposeFloat('contribution', { description: '得分贡献 Points it added; all contributions sum to the score.' }),
  }),
});

const RiskHardRuleRef = builder.objectRef<string>('RiskHardRule').implement({
  description: '直接判定规则 A rule that set the class whatever the score (e.g. serious violation list → D).',
  fields: (t) => ({
    key: t.string({ description: '规则代码 Key in the model file.', resolve: (key) => key }),
    description: t.string({
      description: '规则说明 What the rule says (Chinese / English).',
      resolve: (key) => {
        const { zh, en } = describeHardRule(key);
        return `${zh} ${en}`;
      },
    }),
  }),
});

const RiskHistoryEntryRef = builder.objectRef<CurrentResult>('RiskHistoryEntry').implement({
  description: '历史类别 The class of one past month.',
  fields: (t) => ({
    month: t.exposeString('month', { description: '月份 YYYY-MM.' }),
    riskClass: t.field({ type: RiskClassEnum, description: '类别 Class.', resolve: (row) => row.riskClass }),
    source: t.field({ type: RiskSourceEnum, description: '来源 Who classified.', resolve: (row) => row.source }),
  }),
});

interface ChangeView {
  previousMonth: string;
  previousClass: RiskClass | null;
  trend: 'UP' | 'DOWN' | 'SAME' | 'NEW';
}
const RiskChangeRef = builder.objectRef<ChangeView>('RiskChange').implement({
  description: '较上月变化 How the class moved since the previous month.',
  fields: (t) => ({
    previousMonth: t.exposeString('previousMonth', { description: '上月 The month compared with.' }),
    previousClass: t.field({
      type: RiskClassEnum,
      nullable: true,
      description: '上月类别 Null when not classified then.',
      resolve: (c) => c.previousClass,
    }),
    trend: t.field({ type: RiskTrendEnum, description: '方向 Up (worse), down (better), same or new.', resolve: (c) => c.trend }),
  }),
});

/** Indicators, score and hard rule: supervisors only (a related department sees the class alone). */
const assertSeesIndicators = (view: CreditRiskView, ctx: Context, field: string) =>
  assertMayRead(ctx.caller, indicatorFacts(view.result.regionCode), `CreditRisk.${field}`);

CreditRiskRef.implement({
  description:
    '信用风险分类 Monthly credit risk class (A/B/C/D) and why: never published; regulators of the region, analysts, admins; related departments of the region see the class only. Every read is audited.',
  fields: (t) => ({
    riskClass: t.field({
      type: RiskClassEnum,
      description: '类别 A low, B general, C higher, D high.',
      resolve: (v) => v.result.riskClass,
    }),
    month: t.string({ description: '月份 Month classified, YYYY-MM.', resolve: (v) => v.result.month }),
    source: t.field({
      type: RiskSourceEnum,
      description: '来源 This hub (LOCAL) or the province (PROVINCE).',
      resolve: (v) => v.result.source,
    }),
    modelVersion: t.string({
      nullable: true,
      description: '模型版本 Model version that produced the class; null for imported classes.',
      resolve: (v) => v.result.modelVersion,
    }),
    score: t.float({
      nullable: true,
      description: '风险分值 Sum of the indicators’ contributions; null for imported classes. Supervisors only.',
      resolve: (v, _args, ctx) => {
        assertSeesIndicators(v, ctx, 'score');
        return v.result.score === null ? null : Math.round(v.result.score * 100) / 100;
      },
    }),
    indicators: t.field({
      type: [RiskIndicatorRef],
      nullable: true,
      description: '指标明细 Indicators, largest contribution first (empty for imported classes). Supervisors only.',
      resolve: (v, _args, ctx) => {
        assertSeesIndicators(v, ctx, 'indicators');
        return v.result.indicators;
      },
    }),
    hardRule: t.field({
      type: RiskHardRuleRef,
      nullable: true,
      description: '直接判定规则 The hard rule that set the class, when one did. Supervisors only.',
      resolve: (v, _args, ctx) => {
        assertSeesIndicators(v, ctx, 'hardRule');
        return v.result.hardRule;
      },
    }),
    history: t.field({
      type: [RiskHistoryEntryRef],
      description: '历史 Classes of this and the previous months, newest first (months: 1–36, default 12).',
      args: { months: t.arg.int({ description: 'How many months back, this one included (1–36).' }) },
      resolve: (v, args) => {
        const months = Math.min(Math.max(args.months ?? 12, 1), MAX_HISTORY);
        const out: CurrentResult[] = [];
        let month = v.result.month;
        for (let i = 0; i < months; i++, month = previousMonth(month)) {
          const row = v.byMonth.get(month);
          if (row) out.push(row);
        }
        return out;
      },
    }),
    change: t.field({
      type: RiskChangeRef,
      description: '较上月 Change since the previous month.',
      resolve: (v): ChangeView => {
        const previous = previousMonth(v.result.month);
        const before = v.byMonth.get(previous);
        const now = v.result.riskClass;
        return {
          previousMonth: previous,
          previousClass: before?.riskClass ?? null,
          trend: !before ? 'NEW' : now > before.riskClass ? 'UP' : now < before.riskClass ? 'DOWN' : 'SAME',
        };
      },
    }),
  }),
});

EnterpriseRef.implement({
  description: '企业 Market entity keyed by its unified social credit code (owned by the enterprises subgraph).',
  fields: (t) => ({
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Unified social credit code (18 characters).' }),
    creditRisk: t.field({
      type: CreditRiskRef,
      nullable: true,
      description:
        '信用风险分类 Credit risk class of a month (default the latest classified). FORBIDDEN for the public and the platform, and outside a regulator’s or department’s region; null when not classified. Each read is written to the audit log.',
      args: { month: t.arg.string({ description: '月份 YYYY-MM; omit for the latest month classified.' }) },
      resolve: async (enterprise, args, ctx) => {
        assertReadsClasses(ctx.caller, 'Enterprise.creditRisk');
        const month = args.month ? parseMonth(args.month, 'month') : null;
        const byMonth = effectiveByMonth(await ctx.loaders.results.load(enterprise.uscc));
        const result = month ? byMonth.get(month) : [...byMonth.values()].sort((a, b) => b.month.localeCompare(a.month))[0];
        if (!result) return null;
        assertMayRead(ctx.caller, classFacts(result.regionCode), 'Enterprise.creditRisk');
        await ctx.audit({ action: 'PROFILE', usccs: [enterprise.uscc], detail: {} });
        return { result, byMonth };
      },
    }),
  }),
});
