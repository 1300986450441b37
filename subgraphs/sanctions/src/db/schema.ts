import { outboxTables } from '@credit-hub/subgraph-kit';
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

/** The outbox (kit): drizzle-kit sees its tables through this re-export. */
export { outbox, outboxState } from '@credit-hub/subgraph-kit';

import type { PartyType, PenaltyState, PenaltyType, Procedure, RepairTargetKind, SanctionDomain } from '../rules/index.ts';

export type AbnormalReason = 'MISSING_ANNUAL_REPORT' | 'UNPUBLISHED_INFORMATION' | 'FALSE_INFORMATION' | 'UNREACHABLE_ADDRESS';
export type AbnormalRemovalReason =
  | 'ANNUAL_REPORT_FILED'
  | 'INFORMATION_PUBLISHED'
  | 'INFORMATION_CORRECTED'
  | 'ADDRESS_REACHABLE'
  | 'OTHER';
export type SeriousRemovalReason = 'EARLY_REMOVAL_AFTER_REPAIR' | 'OTHER';
export type RepairStatus = 'PENDING' | 'APPROVED' | 'REJECTED';
export type ObjectionStatus = 'PENDING' | 'UPHELD_CORRECTED' | 'UPHELD_REVOKED' | 'DISMISSED';
export type RecordKind = RepairTargetKind | 'CREDIT_REPAIR' | 'OBJECTION' | 'CREDIT_COMMITMENT';

/**
 * Columns every sanction record carries: whose it is (USCC, region for who may see it) and who
 * produced it (department, for who may change it: 谁产生、谁负责).
 */
const owned = {
  uscc: char('uscc', { length: 18 }).notNull(),
  regionCode: char('region_code', { length: 6 }).notNull(),
  department: text('department').notNull(),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** 行政处罚 Administrative penalty decisions. */
export const penalties = pgTable(
  'penalties',
  {
    id: serial('id').primaryKey(),
    ...owned,
    decisionNumber: text('decision_number').notNull(),
    violationType: text('violation_type').notNull(),
    factsSummary: text('facts_summary').notNull(),
    legalBasis: text('legal_basis').notNull(),
    penaltyTypes: text('penalty_types').array().$type<PenaltyType[]>().notNull(),
    /** Yuan, exact: read and written as a decimal string, never a float. */
    fineAmount: numeric('fine_amount', { precision: 16, scale: 2, mode: 'string' }),
    confiscationAmount: numeric('confiscation_amount', { precision: 16, scale: 2, mode: 'string' }),
    /** 普通程序 / 简易程序: simple-procedure decisions are never published. */
    procedure: varchar('procedure', { length: 16 }).$type<Procedure>().notNull().default('ORDINARY'),
    /** 当事人类别: decides the lower-fine threshold. */
    partyType: varchar('party_type', { length: 32 }).$type<PartyType>().notNull().default('ORGANISATION'),
    /** 自然人当事人身份证号码: masked in what the public sees. */
    partyIdNumber: text('party_id_number'),
    /** 限制期限 (months) of a restriction of employment or operation. */
    restrictionMonths: integer('restriction_months'),
    /** 从重处罚: a fine set at the heavy end of the discretion benchmark (grounds for a serious listing). */
    heavyDiscretion: boolean('heavy_discretion').notNull().default(false),
    /** 经批准不予公示: reason and approver; null when published normally. */
    withheldReason: text('withheld_reason'),
    withheldApprovedBy: text('withheld_approved_by'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    authority: text('authority').notNull(),
    caseDomain: varchar('case_domain', { length: 32 }).$type<SanctionDomain>().notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    /**
     * Last day of publication, fixed by the rules in force when it was published (or changed):
     * stored so that public searches filter and paginate in SQL. Null: never published.
     */
    publicUntil: date('public_until', { mode: 'string' }),
    state: varchar('state', { length: 16 }).$type<PenaltyState>().notNull().default('IN_FORCE'),
    /** Day of the change or revocation decision; withdrawal from publication is due 3 working days later. */
    stateChangedOn: date('state_changed_on', { mode: 'string' }),
    repairedOn: date('repaired_on', { mode: 'string' }),
  },
  (table) => [
    uniqueIndex('penalties_decision_number_idx').on(table.decisionNumber),
    index('penalties_uscc_idx').on(table.uscc),
    index('penalties_region_decided_idx').on(table.regionCode, table.decidedOn, table.id),
    index('penalties_decided_idx').on(table.decidedOn, table.id),
    index('penalties_authority_decided_idx').on(table.authority, table.decidedOn),
  ],
);

const listing = {
  listedOn: date('listed_on', { mode: 'string' }).notNull(),
  authority: text('authority').notNull(),
  /** 列入决定书文号. */
  decisionReference: text('decision_reference'),
  removedOn: date('removed_on', { mode: 'string' }),
  removalAuthority: text('removal_authority'),
  removalReference: text('removal_reference'),
  removalDetail: text('removal_detail'),
  /** 撤销列入: the listing was wrong (objection upheld, trigger revoked) and counts as never made. */
  revokedOn: date('revoked_on', { mode: 'string' }),
  repairedOn: date('repaired_on', { mode: 'string' }),
};

/** 经营异常名录 Abnormal operations list entries. */
export const abnormalOperations = pgTable(
  'abnormal_operations',
  {
    id: serial('id').primaryKey(),
    ...owned,
    reason: varchar('reason', { length: 32 }).$type<AbnormalReason>().notNull(),
    reasonDetail: text('reason_detail'),
    ...listing,
    removalReason: varchar('removal_reason', { length: 32 }).$type<AbnormalRemovalReason>(),
  },
  (table) => [
    index('abnormal_operations_uscc_idx').on(table.uscc),
    index('abnormal_operations_region_listed_idx').on(table.regionCode, table.listedOn, table.id),
    index('abnormal_operations_open_idx')
      .on(table.listedOn, table.id)
      .where(sql`${table.removedOn} is null and ${table.revokedOn} is null`),
    // The natural key of a listing decision (enterprise, ground, day), over every row: a removed or
    // revoked listing keeps its key, so re-importing the provincial table that carried it answers
    // UNCHANGED instead of listing the enterprise again for a decision that was cured or voided.
    uniqueIndex('abnormal_operations_natural_key_idx').on(table.uscc, table.reason, table.listedOn),
    // 经营异常名录: one standing listing per enterprise and ground (a second one waits for removal).
    uniqueIndex('abnormal_operations_one_open_idx')
      .on(table.uscc, table.reason)
      .where(sql`${table.removedOn} is null and ${table.revokedOn} is null`),
  ],
);

/** 严重违法失信名单 Serious violation list entries. */
export const seriousViolations = pgTable(
  'serious_violations',
  {
    id: serial('id').primaryKey(),
    ...owned,
    domain: varchar('domain', { length: 32 }).$type<SanctionDomain>().notNull(),
    reason: text('reason').notNull(),
    triggeringPenaltyId: integer('triggering_penalty_id'),
    escalatedFromAbnormalId: integer('escalated_from_abnormal_id'),
    ...listing,
    removalReason: varchar('removal_reason', { length: 32 }).$type<SeriousRemovalReason>(),
  },
  (table) => [
    index('serious_violations_uscc_idx').on(table.uscc),
    index('serious_violations_region_listed_idx').on(table.regionCode, table.listedOn, table.id),
    index('serious_violations_penalty_idx').on(table.triggeringPenaltyId),
    uniqueIndex('serious_violations_escalated_idx').on(table.escalatedFromAbnormalId),
    // The natural key of an imported listing (enterprise, 列入决定书文号), over every row so that a
    // re-sent row of a removed or revoked listing stays UNCHANGED; rows without a reference (null)
    // never collide, as PostgreSQL treats nulls as distinct.
    uniqueIndex('serious_violations_decision_idx').on(table.uscc, table.decisionReference),
    // 总局令第44号 第二条: listed at most once for the same decision; a revoked listing counts as never made.
    uniqueIndex('serious_violations_one_per_penalty_idx').on(table.triggeringPenaltyId).where(sql`${table.revokedOn} is null`),
  ],
);

/** 信用修复 Credit repair applications and their decisions. */
export const creditRepairs = pgTable(
  'credit_repairs',
  {
    id: serial('id').primaryKey(),
    ...owned,
    targetKind: varchar('target_kind', { length: 24 }).$type<RepairTargetKind>().notNull(),
    targetId: integer('target_id').notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    statement: text('statement').notNull(),
    obligationsFulfilled: boolean('obligations_fulfilled').notNull(),
    status: varchar('status', { length: 16 }).$type<RepairStatus>().notNull().default('PENDING'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionReason: text('decision_reason'),
    decisionReference: text('decision_reference'),
    decidedBy: text('decided_by'),
  },
  (table) => [
    index('credit_repairs_uscc_idx').on(table.uscc),
    index('credit_repairs_target_idx').on(table.targetKind, table.targetId),
    index('credit_repairs_pending_idx').on(table.regionCode, table.appliedOn, table.id).where(sql`${table.status} = 'PENDING'`),
    uniqueIndex('credit_repairs_one_pending_idx').on(table.targetKind, table.targetId).where(sql`${table.status} = 'PENDING'`),
  ],
);

/** 异议 Objections an enterprise raised against a record. */
export const objections = pgTable(
  'objections',
  {
    id: serial('id').primaryKey(),
    ...owned,
    targetKind: varchar('target_kind', { length: 24 }).$type<RepairTargetKind>().notNull(),
    targetId: integer('target_id').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    grounds: text('grounds').notNull(),
    status: varchar('status', { length: 24 }).$type<ObjectionStatus>().notNull().default('PENDING'),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    resolutionReason: text('resolution_reason'),
    decisionReference: text('decision_reference'),
    resolvedBy: text('resolved_by'),
  },
  (table) => [
    index('objections_uscc_idx').on(table.uscc),
    uniqueIndex('objections_one_pending_idx').on(table.targetKind, table.targetId).where(sql`${table.status} = 'PENDING'`),
  ],
);

export type CommitmentKind = 'REPAIR' | 'OTHER';
export type CommitmentStatus = 'PENDING' | 'KEPT' | 'BROKEN';

/** 信用承诺 Credit commitments an enterprise made, verified by an inspection of kind 核查 by their deadline. */
export const creditCommitments = pgTable(
  'credit_commitments',
  {
    id: serial('id').primaryKey(),
    ...owned,
    kind: varchar('kind', { length: 12 }).$type<CommitmentKind>().notNull(),
    content: text('content').notNull(),
    madeOn: date('made_on', { mode: 'string' }).notNull(),
    verifyBy: date('verify_by', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 12 }).$type<CommitmentStatus>().notNull().default('PENDING'),
    verifiedOn: date('verified_on', { mode: 'string' }),
    /** The inspection (kind 核查) that verified it, in the inspections subgraph. */
    inspectionId: integer('inspection_id'),
    findings: text('findings'),
    verifiedBy: text('verified_by'),
  },
  (table) => [index('credit_commitments_uscc_idx').on(table.uscc)],
);

/** Every state change of every record: who, when, from → to, why, under which decision. */
export const recordHistory = pgTable(
  'record_history',
  {
    id: serial('id').primaryKey(),
    uscc: char('uscc', { length: 18 }).notNull(),
    recordKind: varchar('record_kind', { length: 24 }).$type<RecordKind>().notNull(),
    recordId: integer('record_id').notNull(),
    action: varchar('action', { length: 32 }).notNull(),
    fromState: varchar('from_state', { length: 32 }),
    toState: varchar('to_state', { length: 32 }).notNull(),
    reason: text('reason'),
    decisionReference: text('decision_reference'),
    /** Day the change takes effect (decision date), as opposed to when it was recorded. */
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    actor: text('actor').notNull(),
    department: text('department'),
    /** Field values before the change, for corrections (更正). */
    before: jsonb('before'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('record_history_uscc_idx').on(table.uscc), index('record_history_record_idx').on(table.recordKind, table.recordId)],
);

export const tables = {
  penalties,
  abnormalOperations,
  seriousViolations,
  creditRepairs,
  objections,
  creditCommitments,
  recordHistory,
  ...outboxTables,
};
export type PenaltyRow = typeof penalties.$inferSelect;
export type AbnormalOperationRow = typeof abnormalOperations.$inferSelect;
export type SeriousViolationRow = typeof seriousViolations.$inferSelect;
export type CreditRepairRow = typeof creditRepairs.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type RecordHistoryRow = typeof recordHistory.$inferSelect;
export type CreditCommitmentRow = typeof creditCommitments.$inferSelect;
