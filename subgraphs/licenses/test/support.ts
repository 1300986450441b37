import type { DatabaseKind } from '@credit-hub/db';
import { usccFor } from '@credit-hub/seed';
import { ANONYMOUS, type Caller, createStaticEnterpriseDirectory } from '@credit-hub/subgraph-kit';
import { UsccAllowList } from '@credit-hub/uscc';
import { type ExecutionResult, graphql } from 'graphql';
import { createContext } from '../src/context.ts';
import { type LicensesTestDatabase, openLicensesTestDatabase } from '../src/db/client.ts';
import { DEFAULT_LICENSE_RULES } from '../src/rules/config.ts';
import { schema } from '../src/schema/index.ts';

export const TODAY = '2026-11-21';

let serial = 0;
/** A fresh valid USCC in the given county, unique within the test run. */
export function uniqueUscc(regionCode = '140802'): string {
  serial += 1;
  return usccFor('91', regionCode, `MA${String(serial).padStart(6, '0')}`);
}

/** A fresh food licence number in the county, unique within the test run. */
export const uniqueFoodNumber = (regionCode = '140802') => `SC101${regionCode}${String(++serial % 10_000).padStart(4, '0')}${serial % 10}`;

export const callers = {
  anonymous: ANONYMOUS,
  equipmentShanxi: { sub: 'tssb-shanxi', role: 'regulator', dept: 'TSSB', region: '140000', scopes: [] },
  foodShanxi: { sub: 'spsc-shanxi', role: 'regulator', dept: 'SPSC', region: '140000', scopes: [] },
  foodYuncheng: { sub: 'spsc-yuncheng', role: 'regulator', dept: 'SPSC', region: '140800', scopes: [] },
  foodHunan: { sub: 'spsc-hunan', role: 'regulator', dept: 'SPSC', region: '430000', scopes: [] },
  analyst: { sub: 'analyst', role: 'analyst', dept: null, region: null, scopes: [] },
  platform: { sub: 'platform', role: 'platform', dept: null, region: null, scopes: [] },
} satisfies Record<string, Caller>;

/**
 * The enterprises subgraph's stand-in for in-process tests: a code it was not told about is
 * registered where its positions 3–8 say; `testEnterprises.add` registers one elsewhere (a move).
 */
export const testEnterprises = createStaticEnterpriseDirectory([], (uscc) => ({ uscc, regionCode: uscc.slice(2, 8), status: 'ACTIVE' }));

export interface Harness {
  database: LicensesTestDatabase;
  run<T = Record<string, unknown>>(source: string, variables?: Record<string, unknown>, caller?: Caller): Promise<ExecutionResult<T>>;
}

/** The subgraph's schema executed in-process against a fresh database, "today" fixed. */
export async function openHarness(kind: DatabaseKind, today = TODAY): Promise<Harness> {
  const database = await openLicensesTestDatabase(kind);
  const context = createContext({
    db: database.db,
    allowList: new UsccAllowList(),
    rules: DEFAULT_LICENSE_RULES,
    enterprises: testEnterprises,
    today: () => today,
  });
  return {
    database,
    run: (source, variables = {}, caller = ANONYMOUS) =>
      graphql({ schema, source, variableValues: variables, contextValue: context({ caller, requestId: 'test' }) }) as never,
  };
}

export const GRANT = /* GraphQL */ `
  mutation Grant($input: GrantLicenseInput!) {
    grantLicense(input: $input) { number status department validTo publication { publishedOn } }
  }
`;

/** A food production licence input that passes validation; override fields to break one rule. */
export const foodGrant = (overrides: Record<string, unknown> = {}) => ({
  number: uniqueFoodNumber(),
  kind: 'FOOD_PRODUCTION',
  holderUscc: uniqueUscc(),
  items: [{ category: '粮食加工品', categoryCode: '101' }],
  issuedOn: '2026-09-29',
  authority: { name: '运城市市场监督管理局', regionCode: '140800' },
  decisionReference: '晋市监许〔2026〕1号',
  ...overrides,
});
