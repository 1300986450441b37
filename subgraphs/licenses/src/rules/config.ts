/**
 * The numbers the licence rules depend on. DOMAIN.md marks several as "(verify)", so they come from
 * the environment (README: "Environment variables") instead of being written into the rules.
 */
export interface LicenseRules {
  /** 双公示: working days after the decision to publish on the credit platform. */
  dualPublicationWorkingDays: number;
  /** National enterprise credit publicity system: working days after the decision. */
  nationalPublicityWorkingDays: number;
  foodValidityYears: number;
  specialEquipmentValidityYears: number;
  /** Renewal (延续) is due this many months before expiry (special equipment and other licences). */
  renewalLeadMonths: number;
  /** Food production: renewal is applied for this many working days before expiry (食品生产许可管理办法). */
  foodRenewalWorkingDays: number;
  /** licenseSummary.expiringSoon window. */
  expiringSoonDays: number;
  /** licenseSummary counts suspensions and revocations this many years back. */
  sanctionLookbackYears: number;
  /** 使用登记 within this many days of first use. */
  registrationDeadlineDays: number;
  /** Special-equipment licence numbers; a named group `expiryYear` must match the year of validTo. */
  specialEquipmentNumberPattern: RegExp;
}

export const DEFAULT_LICENSE_RULES: LicenseRules = {
  dualPublicationWorkingDays: 7,
  nationalPublicityWorkingDays: 20,
  foodValidityYears: 5,
  specialEquipmentValidityYears: 4,
  renewalLeadMonths: 6,
  foodRenewalWorkingDays: 30,
  expiringSoonDays: 90,
  sanctionLookbackYears: 3,
  registrationDeadlineDays: 30,
  specialEquipmentNumberPattern: /^TS\d{7}-(?<expiryYear>\d{4})$/,
};
