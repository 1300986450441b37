import { HiddenReasonEnum, IneligibilityReasonEnum } from './enums.ts';
import { HistoryEntryRef, PublicationRef, RepairEligibilityRef } from './refs.ts';
import { ComputedDateRef } from './rules.ts';

PublicationRef.implement({
  description: '公示 Publication state of a record: when it was published, until when, and whether the public sees it today.',
  fields: (t) => ({
    publishedOn: t.expose('publishedOn', {
      type: 'Date',
      nullable: true,
      description: '公示日期 Day publication began; null when not published.',
    }),
    publicUntil: t.expose('publicUntil', {
      type: 'Date',
      nullable: true,
      description: '公示截止日 Last day published (inclusive); null when never published or published without end (abnormal list).',
    }),
    visibleToPublic: t.exposeBoolean('visibleToPublic', { description: '是否对社会公示 The public sees the record today.' }),
    reasonHidden: t.expose('reasonHidden', {
      type: HiddenReasonEnum,
      nullable: true,
      description: '不公示原因 Why the public does not see it today; null when it does.',
    }),
    dualPublicationDeadline: t.expose('dualPublicationDeadline', {
      type: 'Date',
      nullable: true,
      description: '双公示期限 Latest day for the credit platform: 7 working days after the decision (penalties only).',
    }),
    nationalPublicationDeadline: t.expose('nationalPublicationDeadline', {
      type: 'Date',
      nullable: true,
      description: '公示系统公示期限 Latest day for the national publicity system: 20 working days after the decision (penalties only).',
    }),
    withdrawalDeadline: t.expose('withdrawalDeadline', {
      type: 'Date',
      nullable: true,
      description: '撤下期限 Latest day to withdraw a changed or revoked penalty: 3 working days after that decision.',
    }),
    publicUntilExplanation: t.field({
      type: ComputedDateRef,
      nullable: true,
      description: '公示期依据 Why publicUntil is what it is (or why there is none): rule, article, effective date, threshold applied.',
      resolve: (p) => p.publicUntilExplanation ?? null,
    }),
    dualPublicationDeadlineExplanation: t.field({
      type: ComputedDateRef,
      nullable: true,
      description: '双公示期限依据 Why dualPublicationDeadline: rule, source, and whether it is provisional (holiday notice not loaded).',
      resolve: (p) => p.dualPublicationDeadlineExplanation ?? null,
    }),
    nationalPublicationDeadlineExplanation: t.field({
      type: ComputedDateRef,
      nullable: true,
      description: '公示系统期限依据 Why nationalPublicationDeadline: rule, article, and whether it is provisional.',
      resolve: (p) => p.nationalPublicationDeadlineExplanation ?? null,
    }),
    withdrawalDeadlineExplanation: t.field({
      type: ComputedDateRef,
      nullable: true,
      description: '撤下期限依据 Why withdrawalDeadline: rule, article, and whether it is provisional.',
      resolve: (p) => p.withdrawalDeadlineExplanation ?? null,
    }),
  }),
});

RepairEligibilityRef.implement({
  description: '信用修复条件 Whether the rules allow a credit repair of the record today.',
  fields: (t) => ({
    eligible: t.exposeBoolean('eligible', { description: '符合条件 A repair may be approved today.' }),
    eligibleFrom: t.expose('eligibleFrom', {
      type: 'Date',
      nullable: true,
      description: '可申请日 First day the time rule allows it; null when no day ever will.',
    }),
    eligibleFromExplanation: t.field({
      type: ComputedDateRef,
      nullable: true,
      description: '可申请日依据 Why eligibleFrom (or why no day will come): rule, article, effective date.',
      resolve: (e) => e.eligibleFromExplanation,
    }),
    reasons: t.field({
      type: [IneligibilityReasonEnum],
      description: '不符合原因 Every rule not met today (empty when eligible).',
      resolve: (e) => e.reasons,
    }),
  }),
});

HistoryEntryRef.implement({
  description: '变更记录 One state change of a sanction record: who, when, from what to what, why, under which decision.',
  fields: (t) => ({
    action: t.exposeString('action', { description: '操作 e.g. RECORDED, CHANGED, REVOKED, LISTED, REMOVED, REPAIRED, OBJECTION_FILED.' }),
    fromState: t.exposeString('fromState', { nullable: true, description: '原状态 State before; null when the record was created.' }),
    toState: t.exposeString('toState', { description: '新状态 State after.' }),
    reason: t.exposeString('reason', { nullable: true, description: '理由 Why.' }),
    decisionReference: t.exposeString('decisionReference', {
      nullable: true,
      description: '决定文号 Reference of the decision behind the change.',
    }),
    effectiveOn: t.expose('effectiveOn', { type: 'Date', description: '生效日期 Day the change takes effect.' }),
    actor: t.exposeString('actor', { description: '操作人 Subject of the token that made the change.' }),
    department: t.exposeString('department', { nullable: true, description: '操作部门 Department of the actor.' }),
    recordedAt: t.expose('at', { type: 'DateTime', description: '记录时间 When the change was recorded.' }),
  }),
});
