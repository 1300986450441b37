export const KEY_DOMAINS = [
  'FOOD_PRODUCTION',
  'SPECIAL_FOOD',
  'SPECIAL_EQUIPMENT_PRODUCTION',
  'SPECIAL_EQUIPMENT_FILLING',
  'SPECIAL_EQUIPMENT_INSPECTION',
] as const;
export type KeyDomain = (typeof KEY_DOMAINS)[number];

export const REGISTRATION_STATUSES = ['ACTIVE', 'REVOKED', 'DEREGISTERED', 'MOVED_OUT'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export interface SeedAnnualReport {
  year: number;
  submittedOn: string;
  contactPhone: string;
  contactEmail: string | null;
  businessStatus: string;
  subscribedCapital: number;
  paidInCapital: number;
  employees: number;
  totalAssets: number;
  revenue: number;
  optionalFieldsPublished: boolean;
}

export interface SeedCreditCommitment {
  matter: string;
  content: string;
  committedOn: string;
  department: string;
  authority: string;
  fulfilment: 'IN_PROGRESS' | 'FULFILLED' | 'BREACHED';
  published: boolean;
}

/** One synthetic enterprise: everything the enterprises subgraph stores about it. */
export interface SeedEnterprise {
  index: number;
  uscc: string;
  registrationNumber: string | null;
  name: string;
  formerNames: { name: string; usedUntil: string }[];
  enterpriseType: string;
  entityType: 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'FARMERS_COOPERATIVE';
  legalRepresentative: string;
  registeredCapital: number | null;
  establishedOn: string;
  businessTermTo: string | null;
  registrationAuthority: string;
  approvedOn: string;
  status: RegistrationStatus;
  regionCode: string;
  address: string;
  businessScope: string;
  industryCode: string;
  industryName: string;
  keyDomains: KeyDomain[];
  contactPhone: string;
  contactEmail: string | null;
  annualReports: SeedAnnualReport[];
  creditCommitments: SeedCreditCommitment[];
}

export interface SeedOptions {
  /** PRNG seed; the same seed gives the same data everywhere. */
  seed?: number;
  /** "Today" for the generated history (annual-report windows, recent records). */
  referenceDate?: string;
  /** Called as loaders walk the population (every 5 000 enterprises and at the end): progress bars. */
  onProgress?: (done: number, total: number) => void;
}
