import type { KeyDomain, RegistrationStatus } from '@credit-hub/seed';
import { outboxTables } from '@credit-hub/subgraph-kit';
import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

/** The outbox (kit): drizzle-kit sees its tables through this re-export. */
export { outbox, outboxState } from '@credit-hub/subgraph-kit';

/** 企业基础信息 Enterprise master data, one row per unified social credit code. */
export const enterprises = pgTable(
  'enterprises',
  {
    uscc: char('uscc', { length: 18 }).primaryKey(),
    /** Old 15-digit registration number (注册号), searchable as an alias. */
    registrationNumber: varchar('registration_number', { length: 15 }),
    name: text('name').notNull(),
    /**
     * Unigrams and bigrams of the name and former names. pg_trgm drops CJK characters under the C
     * locale (PGlite's), so a GIN index over these arrays is what makes Chinese fragments indexed.
     */
    nameGrams: text('name_grams').array().notNull(),
    /** Name and former names joined: the exact-substring recheck after the gram index narrows rows. */
    searchNames: text('search_names').notNull(),
    enterpriseType: text('enterprise_type').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    /** 注册资本, in 万元 (ten thousand yuan). */
    registeredCapital: numeric('registered_capital', { precision: 16, scale: 2, mode: 'number' }),
    capitalCurrency: varchar('capital_currency', { length: 3 }).notNull().default('CNY'),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    businessTermFrom: date('business_term_from', { mode: 'string' }),
    /** Null means 长期 (no fixed end). */
    businessTermTo: date('business_term_to', { mode: 'string' }),
    registrationAuthority: text('registration_authority').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }),
    status: varchar('status', { length: 16 }).$type<RegistrationStatus>().notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    address: text('address').notNull(),
    businessScope: text('business_scope').notNull(),
    industryCode: varchar('industry_code', { length: 8 }),
    industryName: text('industry_name'),
    keyDomains: text('key_domains').array().$type<KeyDomain[]>().notNull().default(sql`'{}'::text[]`),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    internalNotes: text('internal_notes'),
    /** Accepted through the operator allow-list although its check characters fail. */
    usccAllowListed: boolean('uscc_allow_listed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [
    // fastupdate off: a pending list left by bulk loads makes every search scan it (7 ms instead of 0.4 ms at 100 000).
    index('enterprises_name_grams_idx').using('gin', table.nameGrams).with({ fastupdate: false }),
    index('enterprises_key_domains_idx').using('gin', table.keyDomains),
    index('enterprises_region_uscc_idx').on(table.regionCode, table.uscc),
    index('enterprises_established_idx').on(table.establishedOn),
    uniqueIndex('enterprises_registration_number_idx').on(table.registrationNumber),
  ],
);

/** 曾用名 Former names, kept when an enterprise is renamed. */
export const formerNames = pgTable(
  'former_names',
  {
    id: serial('id').primaryKey(),
    uscc: char('uscc', { length: 18 }).notNull(),
    name: text('name').notNull(),
    usedUntil: date('used_until', { mode: 'string' }),
  },
  (table) => [index('former_names_uscc_idx').on(table.uscc)],
);

/** 年度报告 Annual reports, one per enterprise and year. */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: serial('id').primaryKey(),
    uscc: char('uscc', { length: 18 }).notNull(),
    year: integer('year').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    address: text('address'),
    businessStatus: text('business_status').notNull(),
    /** 认缴/实缴出资 subscribed and paid-in capital, 万元. */
    subscribedCapital: numeric('subscribed_capital', { precision: 16, scale: 2, mode: 'number' }),
    paidInCapital: numeric('paid_in_capital', { precision: 16, scale: 2, mode: 'number' }),
    employees: integer('employees'),
    totalAssets: numeric('total_assets', { precision: 16, scale: 2, mode: 'number' }),
    revenue: numeric('revenue', { precision: 16, scale: 2, mode: 'number' }),
    /** The enterprise chose to publish the optional fields (headcount, assets, revenue). */
    optionalFieldsPublished: boolean('optional_fields_published').notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('annual_reports_uscc_year_idx').on(table.uscc, table.year)],
);

/** 信用承诺 Credit commitments an enterprise made to a department. */
export const creditCommitments = pgTable(
  'credit_commitments',
  {
    id: serial('id').primaryKey(),
    uscc: char('uscc', { length: 18 }).notNull(),
    matter: text('matter').notNull(),
    content: text('content').notNull(),
    committedOn: date('committed_on', { mode: 'string' }).notNull(),
    department: text('department').notNull(),
    authority: text('authority').notNull(),
    fulfilment: varchar('fulfilment', { length: 16 }).$type<'IN_PROGRESS' | 'FULFILLED' | 'BREACHED'>().notNull(),
    published: boolean('published').notNull().default(true),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('credit_commitments_uscc_idx').on(table.uscc)],
);

export const tables = { enterprises, formerNames, annualReports, creditCommitments, ...outboxTables };
export type EnterpriseRow = typeof enterprises.$inferSelect;
export type FormerNameRow = typeof formerNames.$inferSelect;
export type AnnualReportRow = typeof annualReports.$inferSelect;
export type CreditCommitmentRow = typeof creditCommitments.$inferSelect;
