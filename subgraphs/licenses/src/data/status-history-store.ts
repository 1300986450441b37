import { asc, inArray } from 'drizzle-orm';
import type { LicensesDb } from '../db/client.ts';
import { type LicenseStatusChangeRow, licenseStatusChanges } from '../db/schema.ts';

export function getStatusChangesByLicense(db: LicensesDb, numbers: readonly string[]): Promise<LicenseStatusChangeRow[]> {
  return db
    .select()
    .from(licenseStatusChanges)
    .where(inArray(licenseStatusChanges.licenseNumber, [...numbers]))
    .orderBy(asc(licenseStatusChanges.licenseNumber), asc(licenseStatusChanges.decidedOn), asc(licenseStatusChanges.id));
}

/** Every decision on an enterprise's licences in one statement (licenseSummary reads it). */
export function getStatusChangesByHolder(db: LicensesDb, usccs: readonly string[]): Promise<LicenseStatusChangeRow[]> {
  return db
    .select()
    .from(licenseStatusChanges)
    .where(inArray(licenseStatusChanges.holderUscc, [...usccs]))
    .orderBy(asc(licenseStatusChanges.holderUscc), asc(licenseStatusChanges.decidedOn), asc(licenseStatusChanges.id));
}
