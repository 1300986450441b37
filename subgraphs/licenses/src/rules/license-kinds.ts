/**
 * The licence domain's vocabulary: kinds, statuses, decisions, licensed activities, and the
 * departments that produce the records (谁产生、谁负责). Owned here, by the licences subgraph.
 */
export const LICENSE_KINDS = [
  'SPECIAL_EQUIPMENT_PRODUCTION',
  'SPECIAL_EQUIPMENT_FILLING',
  'SPECIAL_EQUIPMENT_INSPECTION',
  'FOOD_PRODUCTION',
  'OTHER',
] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

/** EXPIRED is never stored: it follows from `validTo` at read time. */
export const LICENSE_STATUSES = ['VALID', 'EXPIRED', 'SUSPENDED', 'REVOKED', 'CANCELLED', 'WITHDRAWN'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const LICENSE_ACTIONS = ['GRANTED', 'RENEWED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'CANCELLED', 'WITHDRAWN'] as const;
export type LicenseAction = (typeof LICENSE_ACTIONS)[number];

export const LICENSED_ACTIVITIES = [
  'DESIGN',
  'MANUFACTURE',
  'INSTALLATION',
  'ALTERATION',
  'REPAIR',
  'FILLING',
  'INSPECTION',
  'FOOD_PRODUCTION',
] as const;
export type LicensedActivity = (typeof LICENSED_ACTIVITIES)[number];

export const COMMITMENT_VERIFICATIONS = ['PENDING', 'CONFIRMED', 'NOT_MET'] as const;
export type CommitmentVerification = (typeof COMMITMENT_VERIFICATIONS)[number];

export const EQUIPMENT_REGISTRATION_STATUSES = ['IN_USE', 'SUSPENDED', 'CANCELLED'] as const;
export type EquipmentRegistrationStatus = (typeof EQUIPMENT_REGISTRATION_STATUSES)[number];

export interface SeedLicensedItem {
  activity: LicensedActivity | null;
  category: string;
  categoryCode: string | null;
  parameters: string | null;
}

export interface SeedLicenseEvent {
  action: LicenseAction;
  fromStatus: LicenseStatus | null;
  toStatus: LicenseStatus;
  decidedOn: string;
  reason: string;
  decisionReference: string;
}

export interface SeedLicense {
  number: string;
  kind: LicenseKind;
  holderUscc: string;
  regionCode: string;
  items: SeedLicensedItem[];
  issuedOn: string;
  validFrom: string;
  validTo: string;
  authorityName: string;
  authorityCode: string;
  authorityRegion: string;
  /** Stored status; never EXPIRED. */
  status: Exclude<LicenseStatus, 'EXPIRED'>;
  statusChangedOn: string;
  grantedByCommitment: boolean;
  commitmentVerification: CommitmentVerification | null;
  department: string;
  publishedOn: string | null;
  renews: string | null;
  renewedBy: string | null;
  history: SeedLicenseEvent[];
}

export interface SeedEquipmentRegistration {
  registrationCode: string;
  certificateNumber: string;
  equipmentCode: string;
  equipmentCategory: string;
  equipmentKind: string;
  equipmentVariety: string;
  model: string;
  productNumber: string;
  manufacturedOn: string;
  userUscc: string;
  regionCode: string;
  installationSite: string;
  maintenanceUnit: string | null;
  firstUsedOn: string;
  registeredOn: string;
  registrationAuthority: string;
  department: string;
  status: EquipmentRegistrationStatus;
  cancelledOn: string | null;
  cancellationReason: string | null;
  publishedOn: string | null;
}

/** Departments that produce the records (谁产生、谁负责): special equipment, food production. */
export const SPECIAL_EQUIPMENT_DEPARTMENT = 'TSSB';
export const FOOD_PRODUCTION_DEPARTMENT = 'SPSC';
