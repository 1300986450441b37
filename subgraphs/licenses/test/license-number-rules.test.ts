import { describe, expect, it } from 'vitest';
import { DEFAULT_LICENSE_RULES } from '../src/rules/config.ts';
import type { LicenseKind } from '../src/rules/license-kinds.ts';
import { checkLicenseNumber, normalizeLicenseNumber, parseFoodLicenseNumber } from '../src/rules/license-number-rules.ts';

describe('licence number formats', () => {
  it.each<[string, LicenseKind, string | null, string | null]>([
    ['TS2210123-2027', 'SPECIAL_EQUIPMENT_PRODUCTION', '2027-05-31', null],
    ['TS2210123-2027', 'SPECIAL_EQUIPMENT_FILLING', null, null],
    ['TS2210123-2028', 'SPECIAL_EQUIPMENT_PRODUCTION', '2027-05-31', 'EXPIRY_YEAR_MISMATCH'],
    ['TS221012-2027', 'SPECIAL_EQUIPMENT_PRODUCTION', '2027-05-31', 'FORMAT'],
    ['TS2210123', 'SPECIAL_EQUIPMENT_INSPECTION', '2027-05-31', 'FORMAT'],
    ['SC10114080200012', 'SPECIAL_EQUIPMENT_PRODUCTION', '2027-05-31', 'FORMAT'],
    ['SC10114080200012', 'FOOD_PRODUCTION', '2031-01-01', null],
    ['SC20343010200015', 'FOOD_PRODUCTION', null, null],
    ['SC1011408020001', 'FOOD_PRODUCTION', null, 'FORMAT'],
    ['SC101140802000123', 'FOOD_PRODUCTION', null, 'FORMAT'],
    ['SC30114080200012', 'FOOD_PRODUCTION', null, 'FORMAT'],
    ['SC13314080200012', 'FOOD_PRODUCTION', null, 'FOOD_CATEGORY'],
    ['SC20414080200012', 'FOOD_PRODUCTION', null, 'FOOD_CATEGORY'],
    ['SC10199080200012', 'FOOD_PRODUCTION', null, 'UNKNOWN_DIVISION'],
    ['SC10114990200012', 'FOOD_PRODUCTION', null, 'UNKNOWN_DIVISION'],
    ['TS2210123-2027', 'FOOD_PRODUCTION', null, 'FORMAT'],
    ['JY11408020012345', 'OTHER', null, null],
    ['X', 'OTHER', null, 'FORMAT'],
  ])('%s as %s (valid to %s) → %s', (number, kind, validTo, reason) => {
    expect(checkLicenseNumber(number, kind, validTo, DEFAULT_LICENSE_RULES)?.reason ?? null).toBe(reason);
  });

  it('uses the configured special-equipment pattern', () => {
    const rules = { ...DEFAULT_LICENSE_RULES, specialEquipmentNumberPattern: /^TS\d{7}(-\d{4})?$/ };
    expect(checkLicenseNumber('TS2210123', 'SPECIAL_EQUIPMENT_PRODUCTION', '2027-01-01', rules)).toBeNull();
    // Without an expiryYear group there is no year to compare.
    expect(checkLicenseNumber('TS2210123-2030', 'SPECIAL_EQUIPMENT_PRODUCTION', '2027-01-01', rules)).toBeNull();
  });

  it('normalises what people paste and parses the SC parts', () => {
    expect(normalizeLicenseNumber(' ｓｃ101 1408 0200012 ')).toBe('SC10114080200012');
    expect(parseFoodLicenseNumber('SC10114080200012')).toEqual({
      categoryCode: '101',
      additive: false,
      regionCode: '140802',
      serial: '0001',
      checkDigit: '2',
    });
    expect(parseFoodLicenseNumber('SC20114080200012')?.additive).toBe(true);
  });
});
