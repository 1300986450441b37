import { type Division, getDivision } from '@credit-hub/uscc';
import { builder } from '../builder.ts';

/** A division code with its names; unknown (historical) codes keep the code with no names. */
export const RegionRef = builder.objectRef<{ code: string; division: Division | null }>('Region').implement({
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

export const regionOf = (code: string) => ({ code, division: getDivision(code) });
