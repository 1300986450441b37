import { outboxTables } from '@credit-hub/subgraph-kit';
import { boolean, char, date, index, jsonb, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import type {
  CommitmentVerification,
  EquipmentRegistrationStatus,
  LicenseAction,
  LicenseKind,
  LicenseStatus,
  SeedLicensedItem,
} from '../rules/license-kinds.ts';

/** The outbox (kit): drizzle-kit sees its tables through this re-export. */
export { outbox, outboxState } from '@credit-hub/subgraph-kit';

export type LicensedItem = SeedLicensedItem;
/** Stored statuses: EXPIRED follows from `valid_to` at read time, never from a nightly job. */
export type StoredLicenseStatus = Exclude<LicenseStatus, 'EXPIRED'>;

/** 行政许可 Administrative licences in the focus domains, one row per licence number. */
export const licenses = pgTable(
  'licenses',
  {
    number: varchar('number', { length: 40 }).primaryKey(),
    kind: varchar('kind', { length: 40 }).$type<LicenseKind>().notNull(),
    holderUscc: char('holder_uscc', { length: 18 }).notNull(),
    /** Holder's division (USCC positions 3–8 unless given): decides who supervises and sees it. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    items: jsonb('items').$type<LicensedItem[]>().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    authorityName: text('authority_name').notNull(),
    authorityCode: varchar('authority_code', { length: 32 }),
    authorityRegion: char('authority_region', { length: 6 }),
    status: varchar('status', { length: 16 }).$type<StoredLicenseStatus>().notNull(),
    statusChangedOn: date('status_changed_on', { mode: 'string' }).notNull(),
    grantedByCommitment: boolean('granted_by_commitment').notNull().default(false),
    commitmentVerification: varchar('commitment_verification', { length: 16 }).$type<CommitmentVerification>(),
    commitmentVerifiedOn: date('commitment_verified_on', { mode: 'string' }),
    /** Department that produced the record and alone may change it (谁产生、谁负责). */
    department: varchar('department', { length: 32 }).notNull(),
    /** Publication of the latest decision (grant or renewal); null = not yet published. */
    publishedOn: date('published_on', { mode: 'string' }),
    /**
     * First publication of the licence. An in-place renewal resets `published_on` for its own
     * deadline, but the licence itself stays public.
     */
    firstPublishedOn: date('first_published_on', { mode: 'string' }),
    renews: varchar('renews', { length: 40 }),
    renewedBy: varchar('renewed_by', { length: 40 }),
    internalNotes: text('internal_notes'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('licenses_holder_idx').on(table.holderUscc),
    index('licenses_region_number_idx').on(table.regionCode, table.number),
    index('licenses_valid_to_idx').on(table.validTo, table.number),
    index('licenses_authority_idx').on(table.authorityCode),
    /** 双公示 timeliness counts a period's decisions (`licensePublicationTimeliness`). */
    index('licenses_issued_idx').on(table.issuedOn),
  ],
);

/** 许可状态变更 Every decision on a licence: grant, renewal, suspension, revocation… */
export const licenseStatusChanges = pgTable(
  'license_status_changes',
  {
    id: serial('id').primaryKey(),
    licenseNumber: varchar('license_number', { length: 40 }).notNull(),
    /** Kept here too so that an enterprise's history loads in one indexed statement. */
    holderUscc: char('holder_uscc', { length: 18 }).notNull(),
    action: varchar('action', { length: 16 }).$type<LicenseAction>().notNull(),
    fromStatus: varchar('from_status', { length: 16 }).$type<LicenseStatus>(),
    toStatus: varchar('to_status', { length: 16 }).$type<LicenseStatus>().notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    decisionReference: text('decision_reference').notNull(),
    department: varchar('department', { length: 32 }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('license_status_changes_number_idx').on(table.licenseNumber),
    index('license_status_changes_holder_idx').on(table.holderUscc),
  ],
);

/** 特种设备使用登记 Use registrations of special equipment, one row per registration code. */
export const equipmentRegistrations = pgTable(
  'equipment_registrations',
  {
    registrationCode: varchar('registration_code', { length: 32 }).primaryKey(),
    certificateNumber: varchar('certificate_number', { length: 40 }).notNull(),
    equipmentCode: varchar('equipment_code', { length: 40 }).notNull(),
    equipmentCategory: text('equipment_category').notNull(),
    equipmentKind: text('equipment_kind').notNull(),
    equipmentVariety: text('equipment_variety').notNull(),
    model: text('model').notNull(),
    productNumber: text('product_number').notNull(),
    manufacturedOn: date('manufactured_on', { mode: 'string' }).notNull(),
    userUscc: char('user_uscc', { length: 18 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    installationSite: text('installation_site').notNull(),
    maintenanceUnit: text('maintenance_unit'),
    firstUsedOn: date('first_used_on', { mode: 'string' }).notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    registrationAuthority: text('registration_authority').notNull(),
    department: varchar('department', { length: 32 }).notNull(),
    status: varchar('status', { length: 16 }).$type<EquipmentRegistrationStatus>().notNull(),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
    cancellationReason: text('cancellation_reason'),
    publishedOn: date('published_on', { mode: 'string' }),
    internalNotes: text('internal_notes'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('equipment_registrations_user_idx').on(table.userUscc)],
);

export const tables = { licenses, licenseStatusChanges, equipmentRegistrations, ...outboxTables };
export type LicenseRow = typeof licenses.$inferSelect;
export type NewLicense = typeof licenses.$inferInsert;
export type LicenseStatusChangeRow = typeof licenseStatusChanges.$inferSelect;
export type NewLicenseStatusChange = typeof licenseStatusChanges.$inferInsert;
export type EquipmentRegistrationRow = typeof equipmentRegistrations.$inferSelect;
export type NewEquipmentRegistration = typeof equipmentRegistrations.$inferInsert;
