import {
  badUserInput,
  decodeCursor,
  defineConnection,
  encodeCursor,
  pageSize,
  parseRegionArgument,
  TEXT,
  toPage,
  yuanToWanYuan,
} from '@credit-hub/subgraph-kit';
import { audienceOf, seesFull } from '../access.ts';
import { builder } from '../builder.ts';
import { countPenalties, getPenaltyByDecisionNumber, type PenaltyFilter, searchPenalties } from '../data/penalty-store.ts';
import type { PenaltyRow } from '../db/schema.ts';
import {
  maskIdNumber,
  normalizeDecisionNumber,
  penaltyPublicUntilExplained,
  publicationDeadlines,
  withdrawalDeadline,
} from '../rules/index.ts';
import { canSeePenalty, historyOf, penaltyPublicationOf } from '../views.ts';
import { PartyTypeEnum, PenaltyStateEnum, PenaltyTypeEnum, ProcedureEnum, SanctionDomainEnum } from './enums.ts';
import { EnterpriseRef, HistoryEntryRef, PenaltyRef, PublicationRef, RepairEligibilityRef } from './refs.ts';
import { RegionRef, regionOf } from './region.ts';
import { penaltyRepairEligibility } from './repair-targets.ts';
import { disputeAndRepairFields, supervisorOnly } from './supervision.ts';

PenaltyRef.implement({
  description:
    '行政处罚 Administrative penalty decision (行政处罚决定书) as published on the national enterprise credit publicity system, with its publication and repair state.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '记录编号 Identifier of the record in this hub.' }),
    decisionNumber: t.exposeString('decisionNumber', { description: '行政处罚决定书文号 Decision number, e.g. 晋市监处罚〔2024〕12号.' }),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Code of the penalised enterprise.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '当事人 The penalised enterprise.', resolve: (p) => ({ uscc: p.uscc }) }),
    region: t.field({
      type: RegionRef,
      description: '所属区划 Division of the record (decides which regulators see it in full).',
      resolve: (p) => regionOf(p.regionCode),
    }),
    violationType: t.exposeString('violationType', { description: '违法行为类型 Type of violation.' }),
    factsSummary: t.exposeString('factsSummary', { description: '违法事实 Summary of the facts.' }),
    legalBasis: t.exposeString('legalBasis', { description: '处罚依据 Legal basis of the penalty.' }),
    penaltyTypes: t.field({
      type: [PenaltyTypeEnum],
      description: '处罚种类 Penalty types of the decision (one or more).',
      resolve: (p) => p.penaltyTypes,
    }),
    fineAmount: t.float({
      nullable: true,
      description: '罚款金额（元） Fine in yuan, as a float (use fineAmountYuan: exact).',
      deprecationReason: 'Floats round money: use fineAmountYuan or fineAmountWanYuan.',
      resolve: (p) => (p.fineAmount === null ? null : Number(p.fineAmount)),
    }),
    fineAmountYuan: t.field({
      type: 'Decimal',
      nullable: true,
      description: '罚款金额（元） Fine in yuan, exact (2 decimals).',
      resolve: (p) => p.fineAmount,
    }),
    fineAmountWanYuan: t.field({
      type: 'Decimal',
      nullable: true,
      description: '罚款金额（万元） Fine in 万元 with 6 decimals, exact: the 双公示 column CF_NR_FK.',
      resolve: (p) => (p.fineAmount === null ? null : yuanToWanYuan(p.fineAmount)),
    }),
    confiscationAmount: t.float({
      nullable: true,
      description: '没收金额（元） Confiscated amount in yuan, as a float (use confiscationAmountYuan: exact).',
      deprecationReason: 'Floats round money: use confiscationAmountYuan or confiscationAmountWanYuan.',
      resolve: (p) => (p.confiscationAmount === null ? null : Number(p.confiscationAmount)),
    }),
    confiscationAmountYuan: t.field({
      type: 'Decimal',
      nullable: true,
      description: '没收金额（元） Confiscated amount in yuan, exact.',
      resolve: (p) => p.confiscationAmount,
    }),
    confiscationAmountWanYuan: t.field({
      type: 'Decimal',
      nullable: true,
      description: '没收金额（万元） Confiscated amount in 万元 with 6 decimals, exact: the 双公示 column CF_NR_WFFF.',
      resolve: (p) => (p.confiscationAmount === null ? null : yuanToWanYuan(p.confiscationAmount)),
    }),
    procedure: t.expose('procedure', {
      type: ProcedureEnum,
      description: '处罚程序 Ordinary or simple procedure (simple: never published).',
    }),
    partyType: t.expose('partyType', { type: PartyTypeEnum, description: '当事人类别 Kind of party (decides the lower-fine threshold).' }),
    partyIdNumber: t.string({
      nullable: true,
      description:
        '当事人身份证号码 ID number of a natural-person party: in full for supervisors of the region, masked (first 6 and last 4 digits) for everyone else (行政处罚信息公示规定 第五条).',
      resolve: (p, _args, ctx) => (p.partyIdNumber === null ? null : seesFull(ctx, p) ? p.partyIdNumber : maskIdNumber(p.partyIdNumber)),
    }),
    restrictionMonths: t.exposeInt('restrictionMonths', {
      nullable: true,
      description: '限制期限（月） Length of a restriction of employment or operation; longer than 36 months lengthens publication.',
    }),
    heavyDiscretion: t.exposeBoolean('heavyDiscretion', {
      description: '从重处罚 The fine was set at the heavy end of the discretion benchmark (a heavier penalty: serious-list grounds).',
    }),
    withheldReason: t.string({
      ...supervisorOnly('经批准不予公示理由 Why publication was withheld by approval; null when published normally.'),
      resolve: (p) => p.withheldReason,
    }),
    withheldApprovedBy: t.string({
      ...supervisorOnly('批准人 Who approved withholding publication.'),
      resolve: (p) => p.withheldApprovedBy,
    }),
    decidedOn: t.expose('decidedOn', { type: 'Date', description: '处罚决定日期 Day of the decision.' }),
    authority: t.exposeString('authority', { description: '处罚机关 Deciding authority.' }),
    department: t.exposeString('department', { description: '承办部门 Department that produced the record and alone may change it.' }),
    caseDomain: t.expose('caseDomain', {
      type: SanctionDomainEnum,
      description:
        '案件领域 Domain of the case (food, drug and special equipment wait a year for repair; cosmetics and medical devices 6 months).',
    }),
    state: t.expose('state', { type: PenaltyStateEnum, description: '状态 In force, changed, revoked or repaired.' }),
    publication: t.field({
      type: PublicationRef,
      description: '公示 Publication period and whether the public sees the penalty today.',
      resolve: (p, _args, ctx) => {
        const deadlines = publicationDeadlines(p.decidedOn, ctx.rules);
        const withdrawal =
          p.stateChangedOn && (p.state === 'CHANGED' || p.state === 'REVOKED') ? withdrawalDeadline(p.stateChangedOn, ctx.rules) : null;
        return {
          ...penaltyPublicationOf(p, ctx),
          dualPublicationDeadline: deadlines.dualPublication.date,
          nationalPublicationDeadline: deadlines.national.date,
          withdrawalDeadline: withdrawal?.date ?? null,
          publicUntilExplanation: { ...penaltyPublicUntilExplained(p, p.publishedOn, ctx.rules), date: p.publicUntil },
          dualPublicationDeadlineExplanation: deadlines.dualPublication,
          nationalPublicationDeadlineExplanation: deadlines.national,
          withdrawalDeadlineExplanation: withdrawal,
        };
      },
    }),
    ...disputeAndRepairFields(t, 'PENALTY', 'penalty'),
    repairEligibility: t.field({
      type: RepairEligibilityRef,
      ...supervisorOnly('修复条件 Whether a repair could be approved today.'),
      args: {
        obligationsFulfilled: t.arg.boolean({
          defaultValue: true,
          description: '义务已履行 Assume the obligations of the decision are fulfilled (default true).',
        }),
      },
      resolve: (p, args, ctx) => penaltyRepairEligibility(ctx, p, ctx.today, args.obligationsFulfilled ?? true),
    }),
    history: t.field({
      type: [HistoryEntryRef],
      ...supervisorOnly('变更记录 Every state change, oldest first.'),
      resolve: (p, _args, ctx) => historyOf(ctx, p.uscc, 'PENALTY', p.id),
    }),
  }),
});

builder.queryField('penaltyByDecisionNumber', (t) =>
  t.field({
    type: PenaltyRef,
    nullable: true,
    description: '按文号查询行政处罚 One penalty by decision number; null when unknown or not visible to the caller.',
    args: {
      decisionNumber: t.arg.string({
        required: true,
        description: '决定书文号; half-width brackets and spaces are normalised.',
        bounds: TEXT.reference,
      }),
    },
    resolve: async (_root, { decisionNumber }, ctx) => {
      const row = await getPenaltyByDecisionNumber(ctx.db, normalizeDecisionNumber(decisionNumber));
      return row && canSeePenalty(row, ctx) ? row : null;
    },
  }),
);

const PenaltyFilterInput = builder.inputType('PenaltyFilter', {
  description: '行政处罚检索条件 Filters for searchPenalties; all given filters must hold.',
  fields: (t) => ({
    regionCode: t.string({
      description: '区划 Division code or prefix: 14 / 140000 (Shanxi), 1408 / 140800 (Yuncheng), 140802.',
      bounds: TEXT.code,
    }),
    authorityContains: t.string({ description: '处罚机关 Fragment of the deciding authority, e.g. 运城市.', bounds: TEXT.name }),
    decidedFrom: t.field({ type: 'Date', description: '决定日期起 Decided on or after.' }),
    decidedTo: t.field({ type: 'Date', description: '决定日期止 Decided on or before.' }),
    states: t.field({ type: [PenaltyStateEnum], description: '状态 Any of these states.' }),
    caseDomains: t.field({ type: [SanctionDomainEnum], description: '领域 Any of these case domains.' }),
  }),
});

export const dateRange = (from: string | null | undefined, to: string | null | undefined, field: string) => {
  if (from && to && to < from) throw badUserInput(`${field}: the range ends before it starts`, { field, reason: 'EMPTY_RANGE' });
};

const PenaltyConnection = defineConnection(builder, PenaltyRef, {
  name: 'PenaltyConnection',
  description: '行政处罚检索结果 A page of penalties, newest decision first.',
});

builder.queryField('searchPenalties', (t) =>
  t.field({
    type: PenaltyConnection,
    description:
      '行政处罚检索 Searches penalties by region, authority, decision date and state; keyset pagination. The public and other regions see published penalties only.',
    args: {
      filter: t.arg({ type: PenaltyFilterInput, description: 'Conditions; none returns every penalty the caller may see.' }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const cursor = args.after ? decodeCursor(args.after, ['date', 'id']) : undefined;
      const input = args.filter ?? {};
      dateRange(input.decidedFrom, input.decidedTo, 'filter.decidedTo');
      const filter: PenaltyFilter = {
        region: parseRegionArgument(input.regionCode, 'filter.regionCode'),
        authorityContains: input.authorityContains?.trim() || undefined,
        decidedFrom: input.decidedFrom ?? undefined,
        decidedTo: input.decidedTo ?? undefined,
        states: input.states ?? undefined,
        caseDomains: input.caseDomains ?? undefined,
      };
      const audience = audienceOf(ctx.caller);
      const after = cursor ? { decidedOn: String(cursor[0]), id: Number(cursor[1]) } : undefined;
      const rows = await searchPenalties(ctx.db, filter, audience, { today: ctx.today, limit: size + 1, after });
      return toPage<PenaltyRow>(rows, size, {
        after: after !== undefined,
        cursorOf: (row) => encodeCursor([row.decidedOn, row.id]),
        totalCount: () => countPenalties(ctx.db, filter, audience, ctx.today),
      });
    },
  }),
);
