import { buildSchema } from 'graphql';

/** The shapes the cost model cares about, as in the hub: a batch, a connection, entities. */
export const TEST_SCHEMA = buildSchema(/* GraphQL */ `
  directive @tag(name: String) repeatable on FIELD
  scalar _Any
  union _Entity = Enterprise
  type _Service { sdl: String }
  type Query {
    enterprise(uscc: String!): Enterprise
    enterprises(usccs: [String!]!): [Enterprise]!
    searchEnterprises(first: Int, after: String, statuses: [String!]): EnterpriseConnection!
    checkUscc(code: String!): UsccCheck!
    _entities(representations: [_Any!]!): [_Entity]!
    _service: _Service!
  }
  type Enterprise {
    uscc: String!
    name: String!
    status: String!
    region: Region
    licenses: [License!]
    penalties: [Penalty!]
  }
  type Region { code: String! fullName: String! }
  type License { number: String! kind: String! holder: Enterprise! }
  type Penalty { decisionNumber: String! decidedOn: String! }
  type UsccCheck { valid: Boolean! normalized: String }
  type EnterpriseConnection { totalCount: Int! edges: [EnterpriseEdge!]! }
  type EnterpriseEdge { cursor: String! node: Enterprise! }
`);

export const codes = (count: number) => Array.from({ length: count }, (_, index) => `91140221MA${String(index).padStart(7, '0')}B`);

/** `fragment F<n> on Query { ...F<n-1> ...F<n-1> }`: 2^levels fields once expanded, ~33 bytes a level. */
export function fragmentBomb(levels: number): string {
  const fragments = ['fragment F1 on Query { __typename }'];
  for (let level = 2; level <= levels; level++) fragments.push(`fragment F${level} on Query{...F${level - 1} ...F${level - 1}}`);
  return `query Bomb { ...F${levels} } ${fragments.join(' ')}`;
}
