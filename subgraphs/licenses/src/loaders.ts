import { createGroupLoader, createKeyLoader } from '@credit-hub/subgraph-kit';
import { getEquipmentRegistrationsByCode, getEquipmentRegistrationsByUser } from './data/equipment-registration-store.ts';
import { getLicensesByHolder, getLicensesByNumber } from './data/license-store.ts';
import { getStatusChangesByHolder, getStatusChangesByLicense } from './data/status-history-store.ts';
import type { LicensesDb } from './db/client.ts';

/** Per-request loaders: every list and reference resolves in one statement per kind per request. */
export function createLoaders(db: LicensesDb) {
  return {
    license: createKeyLoader(
      (numbers: readonly string[]) => getLicensesByNumber(db, numbers),
      (row) => row.number,
    ),
    licensesByHolder: createGroupLoader(
      (usccs: readonly string[]) => getLicensesByHolder(db, usccs),
      (row) => row.holderUscc,
    ),
    statusChangesByLicense: createGroupLoader(
      (numbers: readonly string[]) => getStatusChangesByLicense(db, numbers),
      (row) => row.licenseNumber,
    ),
    statusChangesByHolder: createGroupLoader(
      (usccs: readonly string[]) => getStatusChangesByHolder(db, usccs),
      (row) => row.holderUscc,
    ),
    equipmentRegistration: createKeyLoader(
      (codes: readonly string[]) => getEquipmentRegistrationsByCode(db, codes),
      (row) => row.registrationCode,
    ),
    equipmentRegistrationsByUser: createGroupLoader(
      (usccs: readonly string[]) => getEquipmentRegistrationsByUser(db, usccs),
      (row) => row.userUscc,
    ),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
