import { getDivision } from '@credit-hub/uscc';
import type { LicenseRules } from './config.ts';
import type { LicenseKind } from './license-kinds.ts';

export interface NumberProblem {
  reason: 'FORMAT' | 'FOOD_CATEGORY' | 'UNKNOWN_DIVISION' | 'EXPIRY_YEAR_MISMATCH';
  message: string;
}

/** People paste numbers with spaces, full-width characters and lower case. */
export function normalizeLicenseNumber(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const FOOD_NUMBER = /^SC(?<category>[12]\d{2})(?<province>\d{2})(?<city>\d{2})(?<county>\d{2})(?<serial>\d{4})(?<check>\d)$/;

/**
 * 食品类别编码: first digit 1 = food, 2 = food additive; then the category of the 食品生产许可分类目录
 * (32 food categories, 01 粮食加工品 … 32 其他食品; 3 additive categories).
 */
const CATEGORY_LIMITS = { '1': 32, '2': 3 } as const;

export interface FoodLicenseNumberParts {
  categoryCode: string;
  additive: boolean;
  regionCode: string;
  serial: string;
  checkDigit: string;
}

export function parseFoodLicenseNumber(number: string): FoodLicenseNumberParts | null {
  const groups = FOOD_NUMBER.exec(number)?.groups;
  if (!groups) return null;
  const { category = '', province = '', city = '', county = '', serial = '', check = '' } = groups;
  return { categoryCode: category, additive: category.startsWith('2'), regionCode: province + city + county, serial, checkDigit: check };
}

/**
 * SC + 14 digits: food category (3), province/city/county (2+2+2), serial (4), check digit (1).
 * The check-digit algorithm is not published, so only the structure, the category and the
 * division are checked (README: gotchas).
 */
function checkFoodNumber(number: string): NumberProblem | null {
  const parts = parseFoodLicenseNumber(number);
  if (!parts) return { reason: 'FORMAT', message: `"${number}" is not SC followed by 14 digits` };
  const limit = CATEGORY_LIMITS[parts.categoryCode[0] as '1' | '2'];
  const category = Number(parts.categoryCode.slice(1));
  if (category < 1 || category > limit) {
    return { reason: 'FOOD_CATEGORY', message: `food category ${parts.categoryCode} is not in the 食品生产许可分类目录` };
  }
  const { regionCode } = parts;
  const province = getDivision(`${regionCode.slice(0, 2)}0000`);
  const cityKnown = regionCode.slice(2, 4) === '00' || getDivision(`${regionCode.slice(0, 4)}00`) !== null;
  if (!province || !cityKnown) {
    return { reason: 'UNKNOWN_DIVISION', message: `digits 6–11 (${regionCode}) are not a known province and city` };
  }
  return null;
}

function checkSpecialEquipmentNumber(number: string, validTo: string | null, pattern: RegExp): NumberProblem | null {
  const match = pattern.exec(number);
  if (!match) return { reason: 'FORMAT', message: `"${number}" does not match the special-equipment licence format ${pattern.source}` };
  const expiryYear = match.groups?.expiryYear;
  if (expiryYear && validTo && expiryYear !== validTo.slice(0, 4)) {
    return { reason: 'EXPIRY_YEAR_MISMATCH', message: `the number ends in ${expiryYear} but the licence is valid to ${validTo}` };
  }
  return null;
}

/** Format rule of each kind; OTHER licences only need a plausible identifier. */
export function checkLicenseNumber(number: string, kind: LicenseKind, validTo: string | null, rules: LicenseRules): NumberProblem | null {
  switch (kind) {
    case 'FOOD_PRODUCTION':
      return checkFoodNumber(number);
    case 'SPECIAL_EQUIPMENT_PRODUCTION':
    case 'SPECIAL_EQUIPMENT_FILLING':
    case 'SPECIAL_EQUIPMENT_INSPECTION':
      return checkSpecialEquipmentNumber(number, validTo, rules.specialEquipmentNumberPattern);
    case 'OTHER':
      return /^\S{2,40}$/u.test(number) ? null : { reason: 'FORMAT', message: 'a licence number has 2–40 characters without spaces' };
  }
}
