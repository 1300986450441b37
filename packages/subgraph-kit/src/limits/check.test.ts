import { getIntrospectionQuery, getOperationAST, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkOperation } from './check.ts';
import type { QueryLimits } from './config.ts';
import { operationCost } from './cost.ts';
import { codes, fragmentBomb, TEST_SCHEMA } from './test-schema.ts';

const LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 60, maxDirectives: 50, maxTokens: 2000, maxCost: 15_000 };

function check(query: string, variables: Record<string, unknown> = {}, limits = LIMITS) {
  const document = parse(query);
  expect(validate(TEST_SCHEMA, document)).toEqual([]);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return checkOperation(TEST_SCHEMA, document, operation, variables, limits);
}

function cost(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return operationCost(TEST_SCHEMA, document, operation, variables).cost;
}

const PROFILE = 'uscc name status region { fullName } licenses { number kind } penalties { decisionNumber decidedOn }';

describe('operation cost', () => {
  it('counts every field once per item of its parent', () => {
    expect(cost('{ enterprise(uscc: "x") { uscc name region { fullName } } }')).toBe(1 + 1 + 1 + (1 + 1));
    expect(cost('{ __typename }')).toBe(1);
  });

  it('multiplies a batch by the length of its list, literal or variable', () => {
    expect(cost(`{ enterprises(usccs: ${JSON.stringify(codes(3))}) { uscc } }`)).toBe(3 * 2);
    expect(cost('query ($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc } }', { usccs: codes(500) })).toBe(500 * 2);
    expect(cost('query ($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc } }', { usccs: codes(10) })).toBe(10 * 2);
    expect(cost(`query ($usccs: [String!]! = ${JSON.stringify(codes(7))}) { enterprises(usccs: $usccs) { uscc } }`)).toBe(7 * 2);
    expect(cost('query ($n: Int = 40) { searchEnterprises(first: $n) { totalCount } }')).toBe(40 * 2);
  });

  it('multiplies a connection by first, or by the page size it defaults to', () => {
    expect(cost('{ searchEnterprises(first: 50) { edges { node { uscc } } } }')).toBe(50 * (1 + 1 + 2));
    expect(cost('query ($n: Int) { searchEnterprises(first: $n) { totalCount } }', { n: 5 })).toBe(5 * 2);
    expect(cost('{ searchEnterprises { totalCount } }')).toBe(20 * 2);
  });

  it('does not multiply by a filter list on a field that returns one object', () => {
    expect(cost('{ searchEnterprises(first: 10, statuses: ["A", "B", "C"]) { totalCount } }')).toBe(10 * 2);
  });

  it('costs the entity fetches the gateway sends by their number of representations', () => {
    const representations = codes(500).map((uscc) => ({ __typename: 'Enterprise', uscc }));
    const query =
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { __typename licenses { number kind } } } }';
    expect(cost(query, { representations })).toBe(500 * (1 + 1 + 3));
    expect(check(query, { representations }).exceeded).toBeUndefined();
    expect(check('{ _service { sdl } }')).toMatchObject({ cost: 2, introspection: true });
  });

  it('adds aliases up', () => {
    const aliased = Array.from({ length: 4 }, (_, i) => `a${i}: enterprises(usccs: $usccs) { uscc }`).join(' ');
    expect(cost(`query ($usccs: [String!]!) { ${aliased} }`, { usccs: codes(100) })).toBe(4 * 100 * 2);
  });
});

describe('query limits', () => {
  it('refuses a doubling-fragment bomb of ~1 KB by cost, measuring each fragment once', () => {
    const bomb = fragmentBomb(28);
    expect(bomb.length).toBeLessThan(1100);
    const result = check(bomb);
    expect(result.exceeded).toEqual({ limit: 'cost', maximum: 15_000 });
    expect(result.cost).toBe(2 ** 27);
  });

  it('refuses 2 000 and 200 aliased __schema fields by aliases', () => {
    for (const count of [200, 2000]) {
      const query = `{ ${Array.from({ length: count }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`;
      expect(check(query).exceeded).toEqual({ limit: 'aliases', maximum: 60 });
    }
  });

  it('refuses a second __schema even within the alias limit', () => {
    expect(check('{ a: __schema { queryType { name } } b: __schema { queryType { name } } }').exceeded).toEqual({
      limit: 'introspection',
      maximum: 1,
    });
    expect(check('fragment S on Query { __schema { queryType { name } } } { ...S ... on Query { ...S } }').exceeded).toEqual({
      limit: 'introspection',
      maximum: 1,
    });
  });

  it("passes GraphiQL's own introspection query", () => {
    const result = check(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }));
    expect(result).toMatchObject({ introspection: true });
    expect(result.exceeded).toBeUndefined();
  });

  it('refuses 20 aliases × 500 codes by cost and passes one 500-code batch with a profile', () => {
    const usccs = codes(500);
    const aliased = Array.from({ length: 20 }, (_, i) => `a${i}: enterprises(usccs: $usccs) { uscc }`).join(' ');
    expect(check(`query ($usccs: [String!]!) { ${aliased} }`, { usccs }).exceeded).toEqual({ limit: 'cost', maximum: 15_000 });
    const batch = check(`query ($usccs: [String!]!) { enterprises(usccs: $usccs) { ${PROFILE} } }`, { usccs });
    expect(batch.exceeded).toBeUndefined();
    expect(batch.cost).toBe(500 * 12);
    const literal = check(`{ enterprises(usccs: ${JSON.stringify(usccs)}) { ${PROFILE} } }`);
    expect(literal.exceeded).toBeUndefined();
  });

  it('refuses depth counted through fragments, which add no level of their own', () => {
    const nested = (levels: number) => `{ enterprise(uscc: "x") { ${'licenses { holder { '.repeat(levels)}uscc${' } }'.repeat(levels)} } }`;
    expect(check(nested(6)).exceeded).toBeUndefined(); // depth 14
    expect(check(nested(7)).exceeded).toEqual({ limit: 'depth', maximum: 15 });
    expect(check('{ enterprise(uscc: "x") { ...A } } fragment A on Enterprise { ... on Enterprise { uscc } }').exceeded).toBeUndefined();
    expect(
      check('{ ...Q } fragment Q on Query { enterprise(uscc: "x") { uscc } }', {}, { ...LIMITS, maxDepth: 2 }).exceeded,
    ).toBeUndefined();
  });

  it('refuses directives over the limit', () => {
    const fields = Array.from({ length: 51 }, () => 'uscc @include(if: true)').join(' ');
    expect(check(`{ enterprise(uscc: "x") { ${fields} } }`).exceeded).toEqual({ limit: 'directives', maximum: 50 });
    expect(check('{ enterprise(uscc: "x") { uscc @tag(name: "a") @tag(name: "b") } }').exceeded).toBeUndefined();
  });

  it('counts the fields of introspection like any other', () => {
    const types = Array.from({ length: 60 }, (_, i) => `t${i}: __type(name: "Enterprise") { fields { name type { name } } }`).join(' ');
    expect(check(`{ ${types} }`, {}, { ...LIMITS, maxCost: 299 }).exceeded).toEqual({ limit: 'cost', maximum: 299 });
  });
});
