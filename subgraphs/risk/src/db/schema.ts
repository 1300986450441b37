import { outboxTables } from '@credit-hub/subgraph-kit';
import { bigserial, char, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type { IndicatorContribution, RiskClass, RunSource } from '../rules/model.ts';

/** The outbox (kit): drizzle-kit sees its tables through this re-export. */
export { outbox, outboxState } from '@credit-hub/subgraph-kit';

/**
 * Model versions as loaded from the model file. A version's definition is frozen once a run used
 * it (`firstUsedAt`): results must stay explainable by the model that produced them.
 */
export const modelVersions = pgTable('model_versions', {
  id: text('id').primaryKey(),
  effectiveMonth: char('effective_month', { length: 7 }).notNull(),
  note: text('note').notNull(),
  /** sha256 of the canonical definition: a changed file with the same id is detected by it. */
  checksum: char('checksum', { length: 64 }).notNull(),
  definition: jsonb('definition').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  firstUsedAt: timestamp('first_used_at', { withTimezone: true }),
});

/** One classification of a month: computed here (LOCAL) or imported from the province (PROVINCE). */
export const runs = pgTable(
  'runs',
  {
    id: serial('id').primaryKey(),
    month: char('month', { length: 7 }).notNull(),
    source: varchar('source', { length: 8 }).$type<RunSource>().notNull(),
    modelVersion: text('model_version'),
    status: varchar('status', { length: 10 }).$type<'RUNNING' | 'COMPLETED' | 'FAILED'>().notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    total: integer('total').notNull().default(0),
    countA: integer('count_a').notNull().default(0),
    countB: integer('count_b').notNull().default(0),
    countC: integer('count_c').notNull().default(0),
    countD: integer('count_d').notNull().default(0),
    note: text('note'),
  },
  (table) => [index('runs_month_idx').on(table.month, table.id)],
);

/**
 * The run that currently answers for a month, per source. Results are written under a new run
 * first; switching this row is the one statement that makes them visible (atomic replace).
 */
export const currentRuns = pgTable(
  'current_runs',
  {
    month: char('month', { length: 7 }).notNull(),
    source: varchar('source', { length: 8 }).$type<RunSource>().notNull(),
    runId: integer('run_id').notNull(),
    switchedAt: timestamp('switched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.month, table.source] })],
);

/** One enterprise's class in one run, with the indicators that produced it. */
export const results = pgTable(
  'results',
  {
    runId: integer('run_id').notNull(),
    uscc: char('uscc', { length: 18 }).notNull(),
    /** The enterprise's registered region when it was classified: who may read the class. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    keyDomains: text('key_domains').array().notNull().default([]),
    riskClass: char('risk_class', { length: 1 }).$type<RiskClass>().notNull(),
    score: real('score'),
    hardRule: text('hard_rule'),
    indicators: jsonb('indicators').$type<IndicatorContribution[]>().notNull().default([]),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.uscc] }),
    index('results_uscc_idx').on(table.uscc, table.runId),
    index('results_run_region_idx').on(table.runId, table.regionCode),
  ],
);

/** A province file imported: what came in, what was kept, what was refused and why. */
export const imports = pgTable('imports', {
  id: serial('id').primaryKey(),
  fileName: text('file_name'),
  importedBy: text('imported_by').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  rows: integer('rows').notNull(),
  accepted: integer('accepted').notNull(),
  runIds: integer('run_ids').array().notNull(),
  rejections: jsonb('rejections').$type<{ row: number; reason: string; message: string }[]>().notNull(),
});

/**
 * Every read of a class (运市监信用〔2022〕4号: leaking or altering a class is a disciplinary
 * matter, so each read is accountable): who, in which role and department, what they read, when.
 * Written once per request, never per enterprise.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    sub: text('sub').notNull(),
    role: text('role').notNull(),
    department: text('department'),
    region: char('region', { length: 6 }),
    requestId: text('request_id'),
    /** PROFILE (classes of named enterprises), DISTRIBUTION, ENTERPRISES, CHANGES, RUNS, IMPORT. */
    action: varchar('action', { length: 16 }).notNull(),
    usccs: text('usccs').array().notNull().default([]),
    /** The aggregate's arguments (month, region prefix, key domain…). */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [index('audit_log_at_idx').on(table.at), index('audit_log_usccs_idx').using('gin', table.usccs)],
);

export const tables = { modelVersions, runs, currentRuns, results, imports, auditLog, ...outboxTables };

export type RunRow = typeof runs.$inferSelect;
export type ResultRow = typeof results.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type ImportRow = typeof imports.$inferSelect;
