import { enterpriseAt } from '@credit-hub/seed';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LICENSE_RULES } from '../src/rules/config.ts';
import { checkLicenseNumber } from '../src/rules/license-number-rules.ts';
import { effectiveStatus } from '../src/rules/license-status-rules.ts';
import { publicationOf } from '../src/rules/publication-rules.ts';
import { equipmentRegistrationsFor, licensesFor } from '../src/seed/records.ts';

const referenceDate = '2026-11-21';
const enterprises = Array.from({ length: 3000 }, (_, index) => enterpriseAt(index, { referenceDate }));
const licenses = enterprises.flatMap((e) => licensesFor(e, { referenceDate }));
const registrations = enterprises.flatMap((e) => equipmentRegistrationsFor(e, { referenceDate }));

describe('seeded licences', () => {
  it('are deterministic per enterprise index', () => {
    const again = enterpriseAt(17, { referenceDate });
    expect(licensesFor(again, { referenceDate })).toEqual(licensesFor(enterprises[17] ?? again, { referenceDate }));
  });

  it('go to focus-domain enterprises only, with numbers in the real formats and unique', () => {
    const holders = new Set(licenses.map((l) => l.holderUscc));
    for (const enterprise of enterprises) {
      if (enterprise.keyDomains.length === 0) expect(holders.has(enterprise.uscc)).toBe(false);
    }
    for (const license of licenses) {
      expect(checkLicenseNumber(license.number, license.kind, license.validTo, DEFAULT_LICENSE_RULES)).toBeNull();
      expect(license.validTo > license.validFrom).toBe(true);
      expect(license.history[0]?.action).toMatch(/GRANTED/);
    }
    expect(new Set(licenses.map((l) => l.number)).size).toBe(licenses.length);
    expect(new Set(licenses.map((l) => l.kind))).toEqual(
      new Set(['FOOD_PRODUCTION', 'SPECIAL_EQUIPMENT_PRODUCTION', 'SPECIAL_EQUIPMENT_FILLING', 'SPECIAL_EQUIPMENT_INSPECTION']),
    );
  });

  it('mix statuses, late publications and recent grants not yet published', () => {
    const statuses = new Set(licenses.map((l) => effectiveStatus(l, referenceDate)));
    expect(statuses).toEqual(new Set(['VALID', 'EXPIRED', 'SUSPENDED', 'REVOKED', 'CANCELLED', 'WITHDRAWN']));
    const valid = licenses.filter((l) => effectiveStatus(l, referenceDate) === 'VALID').length;
    expect(valid / licenses.length).toBeGreaterThan(0.6);
    const late = licenses.filter(
      (l) => publicationOf(l.issuedOn, l.publishedOn, referenceDate, DEFAULT_LICENSE_RULES).lateForDualPublication,
    );
    expect(late.length / licenses.length).toBeGreaterThan(0.05);
    expect(late.length / licenses.length).toBeLessThan(0.4);
    expect(licenses.some((l) => l.publishedOn === null && l.issuedOn > '2026-11-01')).toBe(true);
    expect(licenses.some((l) => l.grantedByCommitment && l.commitmentVerification === 'CONFIRMED')).toBe(true);
    expect(licenses.some((l) => l.renewedBy !== null)).toBe(true);
  });

  it('register equipment within 30 days of first use mostly, with its fields filled', () => {
    expect(registrations.length).toBeGreaterThan(100);
    expect(new Set(registrations.map((r) => r.registrationCode)).size).toBe(registrations.length);
    const late = registrations.filter(
      (r) => r.registeredOn > new Date(Date.parse(r.firstUsedOn) + 30 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(late.length).toBeGreaterThan(0);
    expect(late.length / registrations.length).toBeLessThan(0.25);
    for (const r of registrations) {
      expect(r.registeredOn <= referenceDate && r.manufacturedOn <= r.firstUsedOn).toBe(true);
      expect(r.certificateNumber).toMatch(/^[锅容起车][0-9A-Z]{2}[晋湘闽][A-Z]\d{5}\(\d{2}\)$/);
    }
  });
});
