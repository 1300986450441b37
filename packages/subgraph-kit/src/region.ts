import { type Division, divisionPrefix, getDivision } from '@credit-hub/uscc';
import type { ObjectRef } from '@pothos/core';
import type { SubgraphBuilder } from './builder.ts';
import type { SubgraphContext } from './context.ts';
import { badUserInput } from './errors.ts';

export interface RegionShape {
  code: string;
  division: Division | null;
}

/** A division code with its GB/T 2260 names; unknown (historical) codes keep the code, names null. */
export const regionOf = (code: string): RegionShape => ({ code, division: getDivision(code) });

// biome-ignore lint/suspicious/noExplicitAny: keyed by builder instance of any context type
const regionRefs = new WeakMap<object, ObjectRef<any, RegionShape>>();

/**
 * The shareable `Region` type. Every subgraph that shows where a record belongs declares it, and
 * composition requires the declarations to be identical, so they all come from here.
 */
export function defineRegionType<TContext extends SubgraphContext>(builder: SubgraphBuilder<TContext>) {
  const existing = regionRefs.get(builder);
  if (existing) return existing as ObjectRef<SubgraphBuilder<TContext>['$inferSchemaTypes'], RegionShape>;
  const ref = builder.objectRef<RegionShape>('Region').implement({
    description: '行政区划 Administrative division (GB/T 2260) an enterprise is registered in.',
    shareable: true,
    fields: (t) => ({
      code: t.exposeString('code', { description: '区划代码 6-digit division code, e.g. 140802.' }),
      name: t.string({
        nullable: true,
        description: '名称 Name of the division itself, e.g. 盐湖区.',
        resolve: (r) => r.division?.name ?? null,
      }),
      fullName: t.string({
        nullable: true,
        description: '全称 Province + city + county, e.g. 山西省运城市盐湖区.',
        resolve: (r) => r.division?.fullName ?? null,
      }),
      province: t.string({ nullable: true, description: '省 Province-level name.', resolve: (r) => r.division?.province ?? null }),
      city: t.string({
        nullable: true,
        description: '市 Prefecture-level name (null for districts of municipalities).',
        resolve: (r) => r.division?.city ?? null,
      }),
      county: t.string({ nullable: true, description: '县/区 County-level name.', resolve: (r) => r.division?.county ?? null }),
    }),
  });
  regionRefs.set(builder, ref);
  return ref;
}

/**
 * A division argument as analysts type it — 14, 1408, 140802, or 140000 / 140800 — as the 6-digit
 * code it means (use `divisionPrefix` for the range it covers). BAD_USER_INPUT for anything else.
 */
export function parseRegionArgument(code: string | null | undefined, field: string): string | undefined {
  if (!code) return undefined;
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(code)) {
    throw badUserInput(`${field}: give 2, 4 or 6 digits of a division code`, { field, reason: 'FORMAT' });
  }
  return code.padEnd(6, '0');
}

/** The same argument as the division prefix it covers: 14, 1408 or 140802 (for range filters). */
export function parseRegionPrefix(code: string | null | undefined, field: string): string | undefined {
  const region = parseRegionArgument(code, field);
  return region && divisionPrefix(region);
}
