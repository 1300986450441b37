import { decodeCursor, defineConnection, encodeCursor, pageSize, TEXT, toPage } from '@credit-hub/subgraph-kit';
import { supervisedRegion } from '../access.ts';
import { builder } from '../builder.ts';
import { countPendingCreditRepairs, getPendingCreditRepairs } from '../data/credit-repair-store.ts';
import type { CreditRepairRow } from '../db/schema.ts';
import { historyOf } from '../views.ts';
import { RecordKindEnum, RepairStatusEnum } from './enums.ts';
import {
  AbnormalOperationRef,
  CreditRepairRef,
  EnterpriseRef,
  HistoryEntryRef,
  PenaltyRef,
  RepairEligibilityRef,
  SeriousViolationRef,
} from './refs.ts';
import { RegionRef, regionOf } from './region.ts';
import { eligibilityOfTarget } from './repair-targets.ts';

CreditRepairRef.implement({
  description:
    '信用修复 Credit repair application for a penalty, abnormal listing or serious listing, with the decision. An approved repair stops publication of the record (and of its removal). Supervisors only.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '申请编号 Identifier of the application.' }),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Applicant enterprise.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '申请人 The applicant enterprise.', resolve: (r) => ({ uscc: r.uscc }) }),
    region: t.field({ type: RegionRef, description: '所属区划 Division of the record.', resolve: (r) => regionOf(r.regionCode) }),
    targetKind: t.expose('targetKind', { type: RecordKindEnum, description: '修复对象类型 Kind of record to repair.' }),
    penalty: t.field({
      type: PenaltyRef,
      nullable: true,
      description: '修复的行政处罚 The penalty, when the target is one.',
      resolve: (r, _a, ctx) => (r.targetKind === 'PENALTY' ? ctx.loaders.penalty.load(r.targetId) : null),
    }),
    abnormalOperation: t.field({
      type: AbnormalOperationRef,
      nullable: true,
      description: '修复的经营异常名录 The abnormal listing, when the target is one.',
      resolve: (r, _a, ctx) => (r.targetKind === 'ABNORMAL_OPERATION' ? ctx.loaders.abnormalOperation.load(r.targetId) : null),
    }),
    seriousViolation: t.field({
      type: SeriousViolationRef,
      nullable: true,
      description: '修复的严重违法失信名单 The serious listing, when the target is one.',
      resolve: (r, _a, ctx) => (r.targetKind === 'SERIOUS_VIOLATION' ? ctx.loaders.seriousViolation.load(r.targetId) : null),
    }),
    appliedOn: t.expose('appliedOn', { type: 'Date', description: '申请日期 Day applied.' }),
    statement: t.exposeString('statement', { description: '申请说明 What the enterprise did to correct the violation (纠正失信行为).' }),
    obligationsFulfilled: t.exposeBoolean('obligationsFulfilled', {
      description: '履行法定义务 The obligations of the decision are fulfilled (fines paid, orders complied with).',
    }),
    department: t.exposeString('department', { description: '受理部门 Department of the record, which decides.' }),
    status: t.expose('status', { type: RepairStatusEnum, description: '状态 Pending, approved or rejected.' }),
    eligibility: t.field({
      type: RepairEligibilityRef,
      nullable: true,
      description: '修复条件 Whether the rules allow approving it today; null when the record is gone.',
      resolve: (r, _a, ctx) => eligibilityOfTarget(ctx, r.targetKind, r.targetId, r.obligationsFulfilled),
    }),
    decidedOn: t.expose('decidedOn', { type: 'Date', nullable: true, description: '决定日期 Day decided.' }),
    decisionReason: t.exposeString('decisionReason', { nullable: true, description: '决定理由 Reasons of the decision.' }),
    decisionReference: t.exposeString('decisionReference', { nullable: true, description: '决定书文号 Reference of the repair decision.' }),
    history: t.field({
      type: [HistoryEntryRef],
      description: '变更记录 Filing and decision.',
      resolve: (r, _a, ctx) => historyOf(ctx, r.uscc, 'CREDIT_REPAIR', r.id),
    }),
  }),
});

const CreditRepairConnection = defineConnection(builder, CreditRepairRef, {
  name: 'CreditRepairConnection',
  description: '信用修复申请 A page of repair applications, oldest first.',
});

builder.queryField('creditRepairsAwaitingDecision', (t) =>
  t.field({
    type: CreditRepairConnection,
    description:
      '待决定的信用修复申请 Repair applications awaiting a decision, oldest first. Supervisors only; regulators see their region.',
    authScopes: { supervisor: true },
    args: {
      regionCode: t.arg.string({
        description: 'Division code or prefix; regulators default to (and are limited to) their own.',
        bounds: TEXT.code,
      }),
      first: t.arg.int({ description: 'Page size, 0–100 (default 20).' }),
      after: t.arg.string({ description: 'endCursor of the previous page.' }),
    },
    resolve: async (_root, args, ctx) => {
      const size = pageSize(args.first);
      const cursor = args.after ? decodeCursor(args.after, ['date', 'id']) : undefined;
      const after = cursor ? { appliedOn: String(cursor[0]), id: Number(cursor[1]) } : undefined;
      const region = supervisedRegion(ctx, args.regionCode);
      const rows = await getPendingCreditRepairs(ctx.db, { region, limit: size + 1, after });
      return toPage<CreditRepairRow>(rows, size, {
        after: after !== undefined,
        cursorOf: (row) => encodeCursor([row.appliedOn, row.id]),
        totalCount: () => countPendingCreditRepairs(ctx.db, region),
      });
    },
  }),
);
