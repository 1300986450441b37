import { historyOf } from '../views.ts';
import { ObjectionStatusEnum, RecordKindEnum } from './enums.ts';
import { AbnormalOperationRef, EnterpriseRef, HistoryEntryRef, ObjectionRef, PenaltyRef, SeriousViolationRef } from './refs.ts';

ObjectionRef.implement({
  description:
    '异议 A challenge by the enterprise to a sanction record, recorded by a regulator; the record shows as disputed until it is resolved.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '异议编号 Identifier of the objection.' }),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 Objecting enterprise.' }),
    enterprise: t.field({ type: EnterpriseRef, description: '异议人 The objecting enterprise.', resolve: (o) => ({ uscc: o.uscc }) }),
    targetKind: t.expose('targetKind', { type: RecordKindEnum, description: '异议对象类型 Kind of record challenged.' }),
    penalty: t.field({
      type: PenaltyRef,
      nullable: true,
      description: '异议的行政处罚 The penalty, when the target is one.',
      resolve: (o, _a, ctx) => (o.targetKind === 'PENALTY' ? ctx.loaders.penalty.load(o.targetId) : null),
    }),
    abnormalOperation: t.field({
      type: AbnormalOperationRef,
      nullable: true,
      description: '异议的经营异常名录 The abnormal listing, when the target is one.',
      resolve: (o, _a, ctx) => (o.targetKind === 'ABNORMAL_OPERATION' ? ctx.loaders.abnormalOperation.load(o.targetId) : null),
    }),
    seriousViolation: t.field({
      type: SeriousViolationRef,
      nullable: true,
      description: '异议的严重违法失信名单 The serious listing, when the target is one.',
      resolve: (o, _a, ctx) => (o.targetKind === 'SERIOUS_VIOLATION' ? ctx.loaders.seriousViolation.load(o.targetId) : null),
    }),
    filedOn: t.expose('filedOn', { type: 'Date', description: '提出日期 Day the enterprise raised it.' }),
    grounds: t.exposeString('grounds', { description: '异议理由 What the enterprise says is wrong.' }),
    department: t.exposeString('department', { description: '处理部门 Department of the record, which resolves it.' }),
    status: t.expose('status', { type: ObjectionStatusEnum, description: '状态 Pending, upheld (corrected or revoked) or dismissed.' }),
    resolvedOn: t.expose('resolvedOn', { type: 'Date', nullable: true, description: '处理日期 Day resolved.' }),
    resolutionReason: t.exposeString('resolutionReason', { nullable: true, description: '处理理由 Reasons of the resolution.' }),
    decisionReference: t.exposeString('decisionReference', { nullable: true, description: '决定书文号 Reference of the resolution.' }),
    history: t.field({
      type: [HistoryEntryRef],
      description: '变更记录 Filing and resolution.',
      resolve: (o, _a, ctx) => historyOf(ctx, o.uscc, 'OBJECTION', o.id),
    }),
  }),
});
