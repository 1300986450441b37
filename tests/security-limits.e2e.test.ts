import { readFileSync } from 'node:fs';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { enterpriseAt } from '@credit-hub/seed';
import { mintToken } from '@credit-hub/subgraph-kit';
import { getIntrospectionQuery, Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

/** One POST, read raw: the tests assert on status, headers and the size of the body as sent. */
async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: response.status, headers: response.headers, size: Buffer.byteLength(text), ...body };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

function fragmentBomb(levels: number): string {
  const fragments = ['fragment F1 on Query { __typename }'];
  for (let level = 2; level <= levels; level++) fragments.push(`fragment F${level} on Query{...F${level - 1} ...F${level - 1}}`);
  return `query Bomb { ...F${levels} } ${fragments.join(' ')}`;
}

const codes = (count: number) => Array.from({ length: count }, (_, index) => enterpriseAt(index).uscc);
const MODEST_PROFILE =
  'uscc name status region { fullName } licenses { number kind status validTo } penalties { decisionNumber decidedOn } abnormalOperations { listedOn reason }';
const BATCH = `query Batch($usccs: [String!]!) { enterprises(usccs: $usccs) { ${MODEST_PROFILE} } }`;

/** Each hostile operation of issue 8 and the limit that refuses it at the gateway. */
const HOSTILE: [string, string, Record<string, unknown>, string][] = [
  ['a 1 KB doubling-fragment bomb', fragmentBomb(28), {}, 'cost'],
  ['200 aliased __schema', aliased(200, '__schema { queryType { name } }'), {}, 'aliases'],
  ['2 000 aliased __schema', aliased(2000, '__schema { queryType { name } }'), {}, 'tokens'],
  ['two __schema', aliased(2, '__schema { types { name } }'), {}, 'introspection'],
  [
    '20 aliases × 500 codes as a variable',
    `query ($usccs: [String!]!) ${aliased(20, 'enterprises(usccs: $usccs) { uscc }')}`,
    { usccs: codes(500) },
    'cost',
  ],
  ['20 aliases × 500 literal codes', aliased(20, `enterprises(usccs: ${JSON.stringify(codes(500))}) { uscc }`), {}, 'tokens'],
  ['deep nesting', `{ license(number: "x") { ${'holder { licenses { '.repeat(8)}number${' } }'.repeat(8)} } }`, {}, 'depth'],
  ['51 directives', `{ checkUscc(code: "x") { ${'valid @include(if: true) '.repeat(51)}} }`, {}, 'directives'],
];

describe('query limits and rate limits (security)', () => {
  let stack: Stack;
  let base: string;
  const subgraphRequests = async () => {
    const counts = await Promise.all(
      Object.values(stack.subgraphUrls).map(async (url) => {
        const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
        return Number(text.match(/credit_hub_graphql_requests_total\{[^}]*\} (\d+)/)?.[1]);
      }),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  };

  beforeAll(async () => {
    stack = await startStack();
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 500);
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
  });
  afterAll(() => stack?.stop());

  it.each(HOSTILE)(
    'refuses %s with QUERY_TOO_COMPLEX (HTTP 400, a small body) before any subgraph is called',
    async (_name, query, variables, limit) => {
      const before = await subgraphRequests();
      const result = await post(stack.gatewayUrl, query, variables);
      expect(result.status).toBe(400);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
      expect(result.errors?.[0]?.message).toContain(`${limit} limit of ${result.errors?.[0]?.extensions?.maximum}`);
      expect(result.data).toBeUndefined();
      expect(result.size).toBeLessThan(1024);
      expect(await subgraphRequests()).toBe(before);
    },
  );

  it('keeps /healthz answering while bombs are being checked', async () => {
    const bombs = Array.from({ length: 8 }, () => post(stack.gatewayUrl, fragmentBomb(30)));
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    for (const bomb of await Promise.all(bombs)) expect(bomb.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses the same hostile operations when a subgraph is called directly with a valid token', async () => {
    const token = await stack.token({ role: 'analyst' });
    const enterprises = stack.subgraphUrls.enterprises ?? '';
    const bomb = await post(enterprises, fragmentBomb(28), {}, bearer(token));
    expect(bomb.status).toBe(400);
    expect(bomb.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const schemas = await post(enterprises, aliased(200, '__schema { queryType { name } }'), {}, bearer(token));
    expect(schemas.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    const representations = codes(5000).map((uscc) => ({ __typename: 'Enterprise', uscc }));
    const entities = await post(
      stack.subgraphUrls.licenses ?? '',
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { licenses { number kind status } } } }',
      { representations },
      bearer(token),
    );
    expect(entities.status).toBe(400);
    expect(entities.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('answers every example query of the README', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const examples = readme.slice(readme.indexOf('## Example queries')).match(/```graphql\n([\s\S]*?)```/)?.[1] ?? '';
    const names = parse(examples).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
    );
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const operationName of names) {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: examples, operationName }),
      });
      const result = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(result.errors?.filter((error) => error.extensions?.code === 'QUERY_TOO_COMPLEX') ?? [], operationName).toEqual([]);
      expect(response.status, operationName).toBe(200);
    }
  });

  it("answers GraphiQL's introspection query", async () => {
    const result = await post(
      stack.gatewayUrl,
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, directiveIsRepeatable: true }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('answers a 500-code batch with a profile, subgraph entity fetches of 500 representations included', async () => {
    const usccs = codes(500);
    const token = await stack.token({ role: 'analyst' });
    const result = await post(stack.gatewayUrl, BATCH, { usccs }, bearer(token));
    expect(result.errors).toBeUndefined();
    const enterprises = (result.data as { enterprises: { uscc: string; licenses: unknown[] | null }[] }).enterprises;
    expect(enterprises.map((enterprise) => enterprise.uscc)).toEqual(usccs);
    expect(enterprises.every((enterprise) => Array.isArray(enterprise.licenses))).toBe(true);
  });

  it('never suggests names in errors', async () => {
    const result = await post(stack.gatewayUrl, '{ enterprise(uscc: "x") { nam } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Enterprise".');
  });
});

describe('production mode: introspection', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: {
        NODE_ENV: 'production',
        AUTH_JWT_SECRET: 'production-test-secret-0123456789',
        AUTH_GATEWAY_SECRET: 'production-gateway-secret-0123456789',
      },
    });
  });
  afterAll(() => stack?.stop());

  it('refuses introspection to anonymous callers and answers it for analysts', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await post(stack.gatewayUrl, query);
    expect(anonymous.status).toBe(403);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Development tokens are never minted in production: sign one as the identity provider would.
    const token = await mintToken({
      secret: 'production-test-secret-0123456789',
      issuer: 'credit-hub',
      audience: 'credit-hub',
      sub: 'analyst-1',
      role: 'analyst',
      expiresIn: 300,
    });
    const analyst = await post(stack.gatewayUrl, query, {}, bearer(token));
    expect(analyst.errors).toBeUndefined();
    expect(analyst.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('rate limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    // 60 cost a minute, 10 at once: a few requests empty a bucket; TRUST_PROXY lets the test be several addresses.
    stack = await startStack({ env: { RATE_LIMIT_COST_PER_MINUTE: '60', RATE_LIMIT_BURST: '10', TRUST_PROXY: '1' } });
  });
  afterAll(() => stack?.stop());

  const check = '{ checkUscc(code: "91350100M000100Y4X") { valid normalized } }'; // cost 3

  it('answers 429 RATE_LIMITED with Retry-After once a caller has spent its budget, and only that caller', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 6 && !limited; i++) {
      const result = await post(stack.gatewayUrl, check, {}, from('198.51.100.7'));
      statuses.push(result.status);
      if (result.status === 429) limited = result;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(limited?.status).toBe(429);
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited?.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter });
    expect(limited?.data).toBeUndefined();

    expect((await post(stack.gatewayUrl, check, {}, from('198.51.100.8'))).status).toBe(200);
    expect((await post(stack.gatewayUrl, check, {}, bearer(await stack.token({ role: 'analyst' })))).status).toBe(200);
    expect((await post(stack.gatewayUrl, check, {}, from('198.51.100.7'))).status).toBe(429);
  });
});
