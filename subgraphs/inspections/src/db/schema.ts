import { outboxTables } from '@credit-hub/subgraph-kit';
import { boolean, char, date, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { CandidateFilter, ClassCounts, ClassRatios } from '../rules/draw.ts';
import type { InspectionKind, InspectionResult, InspectionTrigger, SamplingOutcome, Selection } from '../rules/vocabulary.ts';

/** 执法检查人员: drawn at random for each drawn enterprise. */
export const inspectors = pgTable(
  'inspectors',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    department: varchar('department', { length: 32 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    certificate: varchar('certificate', { length: 64 }).notNull(),
    active: boolean('active').notNull().default(true),
  },
  (table) => [index('inspectors_department_idx').on(table.department, table.regionCode)],
);

/** 抽查计划: a department's plan for a year, in its region. */
export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    department: varchar('department', { length: 32 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('plans_year_idx').on(table.year, table.regionCode)],
);

/** 抽查任务: what is checked, among whom, at which ratio per risk class. */
export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    name: text('name').notNull(),
    item: text('item').notNull(),
    kind: varchar('kind', { length: 16 }).$type<InspectionKind>().notNull(),
    filter: jsonb('filter').$type<CandidateFilter>().notNull(),
    /** Basis points (1/10 000) per class: exact, so the rounding of a count never meets a float. */
    ratios: jsonb('ratios').$type<ClassRatios>().notNull(),
    windowFrom: date('window_from', { mode: 'string' }).notNull(),
    windowTo: date('window_to', { mode: 'string' }).notNull(),
    inspectorsPerEnterprise: integer('inspectors_per_enterprise').notNull(),
    department: varchar('department', { length: 32 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('tasks_plan_idx').on(table.planId)],
);

/** One draw of a task: the seed and the pool it ran over, so anyone can re-run it. */
export const draws = pgTable(
  'draws',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    seed: integer('seed').notNull(),
    status: varchar('status', { length: 10 }).$type<'DRAFT' | 'CONFIRMED'>().notNull(),
    poolSize: integer('pool_size').notNull(),
    /** sha256 over the sorted pool (code, class, key supervision): what the seed was applied to. */
    poolDigest: char('pool_digest', { length: 64 }).notNull(),
    poolCounts: jsonb('pool_counts').$type<ClassCounts>().notNull(),
    drawnCounts: jsonb('drawn_counts').$type<ClassCounts>().notNull(),
    keySupervisionCount: integer('key_supervision_count').notNull(),
    /** Inspector id → assignments held in the plan year's confirmed draws when this one ran (workload balancing). */
    inspectorLoads: jsonb('inspector_loads').$type<Record<number, number>>().notNull().default({}),
    drawnBy: text('drawn_by').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (table) => [index('draws_task_idx').on(table.taskId, table.id)],
);

export const drawEntries = pgTable(
  'draw_entries',
  {
    drawId: integer('draw_id')
      .notNull()
      .references(() => draws.id, { onDelete: 'cascade' }),
    uscc: char('uscc', { length: 18 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    riskClass: varchar('risk_class', { length: 1 }),
    selection: varchar('selection', { length: 16 }).$type<Selection>().notNull(),
    onSite: boolean('on_site').notNull(),
    inspectorIds: integer('inspector_ids').array().notNull(),
  },
  (table) => [primaryKey({ columns: [table.drawId, table.uscc] }), index('draw_entries_uscc_idx').on(table.uscc)],
);

/** 检查结果: drawn, triggered or a commitment verification; published within the deadlines. */
export const inspections = pgTable(
  'inspections',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id').references(() => tasks.id),
    uscc: char('uscc', { length: 18 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    department: varchar('department', { length: 32 }).notNull(),
    kind: varchar('kind', { length: 16 }).$type<InspectionKind>().notNull(),
    trigger: varchar('trigger', { length: 24 }).$type<InspectionTrigger>(),
    triggerNote: text('trigger_note'),
    /** 核查: the licence granted by 告知承诺 whose commitment was verified, and the outcome written back to it. */
    licenseNumber: varchar('license_number', { length: 100 }),
    commitmentOutcome: varchar('commitment_outcome', { length: 12 }).$type<'CONFIRMED' | 'NOT_MET'>(),
    /** 核查 of a credit commitment (信用承诺): its id in the sanctions subgraph, which holds the outcome. */
    creditCommitmentId: integer('credit_commitment_id'),
    result: varchar('result', { length: 40 }).$type<InspectionResult>().notNull(),
    samplingItem: text('sampling_item'),
    samplingStandard: text('sampling_standard'),
    samplingOutcome: varchar('sampling_outcome', { length: 12 }).$type<SamplingOutcome>(),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    inspectorIds: integer('inspector_ids').array().notNull(),
    findings: text('findings'),
    rectificationDeadline: date('rectification_deadline', { mode: 'string' }),
    followUp: text('follow_up'),
    publishedOn: date('published_on', { mode: 'string' }),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('inspections_uscc_idx').on(table.uscc, table.inspectedOn), index('inspections_task_idx').on(table.taskId, table.id)],
);

/**
 * 提示约谈 / 警示约谈: the department that listed an enterprise (谁认定、谁约谈) talks to it, sets a
 * rectification deadline and records the outcome; the talk goes on the enterprise's credit record
 * (晋政办发〔2020〕10号 13).
 */
export const admonitionTalks = pgTable(
  'admonition_talks',
  {
    id: serial('id').primaryKey(),
    uscc: char('uscc', { length: 18 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    department: varchar('department', { length: 32 }).notNull(),
    kind: varchar('kind', { length: 8 }).$type<'PROMPT' | 'WARNING'>().notNull(),
    listingKind: varchar('listing_kind', { length: 10 }).$type<'ABNORMAL' | 'SERIOUS'>().notNull(),
    listingId: integer('listing_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    rectificationDeadline: date('rectification_deadline', { mode: 'string' }).notNull(),
    outcome: varchar('outcome', { length: 16 }).$type<'PENDING' | 'RECTIFIED' | 'NOT_RECTIFIED'>().notNull(),
    outcomeOn: date('outcome_on', { mode: 'string' }),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('admonition_talks_uscc_idx').on(table.uscc, table.heldOn)],
);

/** The outbox (kit): drizzle-kit sees its tables through this re-export. */
export { outbox, outboxState } from '@credit-hub/subgraph-kit';

export const tables = { inspectors, plans, tasks, draws, drawEntries, inspections, admonitionTalks, ...outboxTables };
export type AdmonitionTalkRow = typeof admonitionTalks.$inferSelect;
export type InspectorRow = typeof inspectors.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type DrawRow = typeof draws.$inferSelect;
export type DrawEntryRow = typeof drawEntries.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
