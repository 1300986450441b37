import { type Division, listDivisions } from '@credit-hub/uscc';

/** Provinces the demo data covers (DOMAIN.md names them): Shanxi, Hunan, Fujian. */
export const SEED_PROVINCES = ['14', '43', '35'] as const;

let counties: Division[] | undefined;

/** Real county-level divisions of the seed provinces, in code order. */
export function seedCounties(): Division[] {
  counties ??= SEED_PROVINCES.flatMap((province) => listDivisions(province).filter((d) => d.level === 'county'));
  return counties;
}

/** Short place name for enterprise names: 运城市 → 运城, 盐湖区 → 盐湖. */
export function shortPlaceName(name: string): string {
  if (name.length <= 2) return name;
  return name.replace(/(市|县|区|自治县|省)$/, '');
}
