import { databaseUrlFor, enterpriseDirectoryEnvShape, parseEnv, portVariable, subgraphEnvShape } from '@credit-hub/subgraph-kit';
import { z } from 'zod';
import { DEFAULT_LICENSE_RULES, type LicenseRules } from './rules/config.ts';

export const SUBGRAPH_NAME = 'licenses';

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const regex = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const shape = {
  ...subgraphEnvShape,
  ...enterpriseDirectoryEnvShape,
  LICENSES_PORT: portVariable(4002),
  LICENSE_DUAL_PUBLICATION_WORKING_DAYS: count(DEFAULT_LICENSE_RULES.dualPublicationWorkingDays),
  LICENSE_NATIONAL_PUBLICITY_WORKING_DAYS: count(DEFAULT_LICENSE_RULES.nationalPublicityWorkingDays),
  LICENSE_FOOD_VALIDITY_YEARS: count(DEFAULT_LICENSE_RULES.foodValidityYears),
  LICENSE_SPECIAL_EQUIPMENT_VALIDITY_YEARS: count(DEFAULT_LICENSE_RULES.specialEquipmentValidityYears),
  LICENSE_RENEWAL_LEAD_MONTHS: count(DEFAULT_LICENSE_RULES.renewalLeadMonths),
  LICENSE_FOOD_RENEWAL_WORKING_DAYS: count(DEFAULT_LICENSE_RULES.foodRenewalWorkingDays),
  LICENSE_EXPIRING_SOON_DAYS: count(DEFAULT_LICENSE_RULES.expiringSoonDays),
  LICENSE_SANCTION_LOOKBACK_YEARS: count(DEFAULT_LICENSE_RULES.sanctionLookbackYears),
  EQUIPMENT_REGISTRATION_DEADLINE_DAYS: count(DEFAULT_LICENSE_RULES.registrationDeadlineDays),
  LICENSE_SPECIAL_EQUIPMENT_NUMBER_PATTERN: regex.default(DEFAULT_LICENSE_RULES.specialEquipmentNumberPattern.source),
};

/** Validated configuration of the licences subgraph (README: "Environment variables"). */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(shape, source);
  return { ...env, DATABASE_URL: databaseUrlFor(SUBGRAPH_NAME, source) };
}
export type LicensesEnv = ReturnType<typeof loadEnv>;

export function rulesFromEnv(env: LicensesEnv): LicenseRules {
  return {
    dualPublicationWorkingDays: env.LICENSE_DUAL_PUBLICATION_WORKING_DAYS,
    nationalPublicityWorkingDays: env.LICENSE_NATIONAL_PUBLICITY_WORKING_DAYS,
    foodValidityYears: env.LICENSE_FOOD_VALIDITY_YEARS,
    specialEquipmentValidityYears: env.LICENSE_SPECIAL_EQUIPMENT_VALIDITY_YEARS,
    renewalLeadMonths: env.LICENSE_RENEWAL_LEAD_MONTHS,
    foodRenewalWorkingDays: env.LICENSE_FOOD_RENEWAL_WORKING_DAYS,
    expiringSoonDays: env.LICENSE_EXPIRING_SOON_DAYS,
    sanctionLookbackYears: env.LICENSE_SANCTION_LOOKBACK_YEARS,
    registrationDeadlineDays: env.EQUIPMENT_REGISTRATION_DEADLINE_DAYS,
    specialEquipmentNumberPattern: new RegExp(env.LICENSE_SPECIAL_EQUIPMENT_NUMBER_PATTERN),
  };
}
