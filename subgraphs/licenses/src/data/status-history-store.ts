import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { asc } from 'drizzle-orm';
import type { LicensesDb } from '../db/client.ts';
import { type LicenseStatusChangeRow, licenseStatusChanges } from '../db/schema.ts';

const getStatusChangesByLicenseStatement = preparedPerDatabase((db: LicensesDb) =>
  db
    .select()
    .from(licenseStatusChanges)
    .where(anyOfKeys(licenseStatusChanges.licenseNumber))
    .orderBy(asc(licenseStatusChanges.licenseNumber), asc(licenseStatusChanges.decidedOn), asc(licenseStatusChanges.id))
    .prepare('get_status_changes_by_license'),
);

export function getStatusChangesByLicense(db: LicensesDb, numbers: readonly string[]): Promise<LicenseStatusChangeRow[]> {
  return getStatusChangesByLicenseStatement(db).execute({ keys: [...numbers] });
}

/** Every decision on an enterprise's licences in one statement (licenseSummary reads it). */
const getStatusChangesByHolderStatement = preparedPerDatabase((db: LicensesDb) =>
  db
    .select()
    .from(licenseStatusChanges)
    .where(anyOfKeys(licenseStatusChanges.holderUscc))
    .orderBy(asc(licenseStatusChanges.holderUscc), asc(licenseStatusChanges.decidedOn), asc(licenseStatusChanges.id))
    .prepare('get_status_changes_by_holder'),
);

export function getStatusChangesByHolder(db: LicensesDb, usccs: readonly string[]): Promise<LicenseStatusChangeRow[]> {
  return getStatusChangesByHolderStatement(db).execute({ keys: [...usccs] });
}
