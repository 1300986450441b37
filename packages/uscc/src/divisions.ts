import divisionTable from '../data/divisions.json' with { type: 'json' };
import type { Division } from './types.ts';

/**
 * Central authorities (ministries, national bodies) register with 100000, which GB/T 2260 does
 * not list as a division; codes carrying it are genuine.
 */
export const NATIONAL_REGION_CODE = '100000';

const names: ReadonlyMap<string, string> = new Map(Object.entries(divisionTable as Record<string, string>));

const isRegionCode = (code: string): boolean => /^\d{6}$/.test(code);
const provinceCodeOf = (code: string): string => `${code.slice(0, 2)}0000`;
const cityCodeOf = (code: string): string => `${code.slice(0, 4)}00`;

function levelOf(code: string): Division['level'] {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

function buildDivision(code: string, name: string): Division {
  const level = levelOf(code);
  const province = level === 'province' ? name : (names.get(provinceCodeOf(code)) ?? null);
  let city: string | null = null;
  if (level === 'city') city = name;
  if (level === 'county') {
    const parent = names.get(cityCodeOf(code)) ?? null;
    // The table names placeholder cities (市辖区, 省直辖县级行政区划) after their province; they are not real cities.
    city = parent !== null && parent !== province ? parent : null;
  }
  const county = level === 'county' ? name : null;
  const fullName = [province, city, county].filter((part, index, all): part is string => part !== null && part !== all[index - 1]).join('');
  return { code, name, fullName, province, city, county, level };
}

const divisions: ReadonlyMap<string, Division> = new Map(
  [...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, name]) => [code, buildDivision(code, name)]),
);

/** Exact 6-digit GB/T 2260 code; null when not in the current table. */
export function getDivision(code: string): Division | null {
  return divisions.get(code) ?? null;
}

/** Divisions whose code starts with the prefix, by code; includes the division the prefix itself names. */
export function listDivisions(prefix = ''): Division[] {
  return [...divisions.values()].filter((division) => division.code.startsWith(prefix));
}

/** The most specific known division for a region code: exact, else its city, else its province. */
export function resolveDivision(regionCode: string): Division | null {
  if (!isRegionCode(regionCode)) return null;
  return getDivision(regionCode) ?? getDivision(cityCodeOf(regionCode)) ?? getDivision(provinceCodeOf(regionCode));
}

export function isKnownProvince(regionCode: string): boolean {
  return isRegionCode(regionCode) && divisions.has(provinceCodeOf(regionCode));
}

/** The code prefix shared by everything inside a division. Throws unless given 6 digits. */
export function divisionPrefix(regionCode: string): string {
  if (!isRegionCode(regionCode)) {
    throw new RangeError(`divisionPrefix expects a 6-digit division code, got ${JSON.stringify(regionCode)}`);
  }
  if (regionCode.endsWith('0000')) return regionCode.slice(0, 2);
  if (regionCode.endsWith('00')) return regionCode.slice(0, 4);
  return regionCode;
}

/** Whether regionCode lies inside scopeRegion. Malformed input covers nothing, so a bad scope fails closed. */
export function regionCovers(scopeRegion: string, regionCode: string): boolean {
  if (!isRegionCode(scopeRegion) || !isRegionCode(regionCode)) return false;
  return regionCode.startsWith(divisionPrefix(scopeRegion));
}
