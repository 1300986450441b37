import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { enterpriseAt } from '@credit-hub/seed';
import { encodeCursor } from '@credit-hub/subgraph-kit';
import { computeOrganizationCheckCharacter, computeUsccCheckCharacter } from '@credit-hub/uscc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './support/stack.ts';

const HUGE = '9'.repeat(900_000);
const known = enterpriseAt(0);

/** A valid code no seeded enterprise has, in Yuncheng. */
function freshUscc(body: string): string {
  const first17 = `91140802${body}${computeOrganizationCheckCharacter(body)}`;
  return first17 + computeUsccCheckCharacter(first17);
}

interface RawAnswer {
  status: number;
  bytes: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('hostile input: bounded, precise answers and nothing written', () => {
  let stack: Stack;
  let admin: string;

  /** POSTs a raw body, so that size and status are measured as a client sees them. */
  const post = async (body: string, options: { url?: string; token?: string; contentType?: string } = {}): Promise<RawAnswer> => {
    const response = await fetch(options.url ?? stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': options.contentType ?? 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
  };
  const ask = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    post(JSON.stringify({ query, variables }), token ? { token } : {});
  const firstError = (answer: RawAnswer) => answer.body.errors?.[0]?.extensions ?? {};

  beforeAll(async () => {
    stack = await startStack();
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 10);
    admin = await stack.token({ role: 'admin' });
  });
  afterAll(() => stack?.stop());

  describe('a 900 KB string', () => {
    it('to checkUscc answers valid: false with one LENGTH problem in under 2 KB', async () => {
      const answer = await ask('query($code: String!) { checkUscc(code: $code) { valid input normalized problems { rule message } } }', {
        code: HUGE,
      });
      expect(answer.status).toBe(200);
      expect(answer.bytes).toBeLessThan(2048);
      expect(answer.body.data?.checkUscc).toMatchObject({ valid: false, normalized: '', problems: [{ rule: 'LENGTH' }] });
    });

    it('to enterprise(uscc:) is BAD_USER_INPUT naming uscc, in under 2 KB', async () => {
      const answer = await ask('query($uscc: String!) { enterprise(uscc: $uscc) { name } }', { uscc: HUGE });
      expect(answer.bytes).toBeLessThan(2048);
      expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uscc', reason: 'TOO_LONG' });
    });

    it('to a Date variable comes back as a short BAD_USER_INPUT', async () => {
      const answer = await ask('query($from: Date) { searchEnterprises(filter: { establishedFrom: $from }) { totalCount } }', {
        from: HUGE,
      });
      expect(answer.bytes).toBeLessThan(2048);
      expect(firstError(answer).code).toBe('BAD_USER_INPUT');
    });
  });

  it.each(['2026-02-30', '2026-13-01', '0000-01-01', '99999-01-01', '2024-1-1'])(
    'refuses the impossible date %s with BAD_USER_INPUT, as a variable and as a literal',
    async (date) => {
      const asVariable = await ask('query($from: Date) { searchEnterprises(filter: { establishedFrom: $from }) { totalCount } }', {
        from: date,
      });
      expect(firstError(asVariable).code).toBe('BAD_USER_INPUT');
      const asLiteral = await ask(`{ enterprise(uscc: "${known.uscc}") { name penalties(asOf: "${date}") { id } } }`, {}, admin);
      expect(asLiteral.status).toBeLessThan(500);
      expect(firstError(asLiteral).code).toBe('BAD_USER_INPUT');
    },
  );

  it('refuses a NUL byte in a mutation input with BAD_USER_INPUT and writes nothing', async () => {
    const register = 'mutation($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { uscc } } }';
    const input = {
      uscc: freshUscc('MA0K0NUL'),
      name: '运城市\u0000测试有限公司',
      enterpriseType: '有限责任公司',
      legalRepresentative: '张伟',
      establishedOn: '2024-03-01',
      registrationAuthority: '运城市盐湖区市场监督管理局',
      address: '山西省运城市盐湖区解放路1号',
      businessScope: '食品生产',
    };
    const refused = await ask(register, { input }, admin);
    expect(firstError(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', reason: 'CONTROL_CHARACTER' });
    expect(refused.body.errors?.[0]?.message).not.toContain('测试有限公司');
    const lookup = await ask('query($uscc: String!) { enterprise(uscc: $uscc) { uscc } }', { uscc: input.uscc }, admin);
    expect(lookup.body.data?.enterprise).toBeNull();
    // The same input without the NUL byte is written: the refusal was the NUL byte's doing.
    const accepted = await ask(register, { input: { ...input, name: '运城市测试有限公司' } }, admin);
    expect(accepted.body.errors).toBeUndefined();
  });

  it('refuses NUL, lone surrogates and bidi overrides in penalty text and records no penalty', async () => {
    const count = async () => {
      const answer = await ask('{ searchPenalties(first: 0) { totalCount } }', {}, admin);
      return (answer.body.data?.searchPenalties as { totalCount: number } | undefined)?.totalCount;
    };
    const before = await count();
    expect(before).toBeTypeOf('number');
    const record = 'mutation($input: RecordPenaltyInput!) { recordPenalty(input: $input) { id } }';
    const base = {
      uscc: known.uscc,
      decisionNumber: '晋市监处罚[2025]9101号',
      decidedOn: '2025-02-28',
      authority: '山西省市场监督管理局',
      violationType: '销售失效、变质的商品',
      factsSummary: '当事人销售超过保质期的食品。',
      legalBasis: '《中华人民共和国消费者权益保护法》第五十六条',
      penaltyTypes: ['WARNING'],
      caseDomain: 'CONSUMER_RIGHTS',
    };
    for (const [field, value, reason] of [
      ['factsSummary', '事实\u0000', 'CONTROL_CHARACTER'],
      ['legalBasis', '依据\ud800', 'INVALID_UNICODE'],
      ['authority', '山西省\u202E局', 'BIDI_CONTROL'],
      ['decisionNumber', `晋市监处罚[2025]${'9'.repeat(200)}号`, 'TOO_LONG'],
    ] as const) {
      const answer = await ask(record, { input: { ...base, [field]: value } }, admin);
      expect(firstError(answer), field).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}`, reason });
    }
    expect(await count()).toBe(before);
  });

  it.each([
    ['garbage', '!!!garbage!!!'],
    ['truncated', encodeCursor(['2024-01-01', 7]).slice(0, 10)],
    ['oversized', 'A'.repeat(5_000)],
    ['tampered date', encodeCursor(['2024-13-45', 7])],
    ['tampered id', encodeCursor(['2024-01-01', 1e308])],
  ])('refuses a %s cursor with BAD_USER_INPUT naming after', async (_label, cursor) => {
    const penalties = await ask('query($after: String) { searchPenalties(after: $after) { totalCount } }', { after: cursor }, admin);
    expect(firstError(penalties)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const enterprises = await ask('query($after: String) { searchEnterprises(after: $after) { totalCount } }', { after: cursor });
    expect(firstError(enterprises)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each(['abc', '0', '-1', '1.5', '99999999999', ' 1'])('refuses the record id %j with BAD_USER_INPUT naming id', async (id) => {
    const answer = await ask(
      'mutation($id: ID!) { revokePenalty(id: $id, decision: { reason: "错误", decisionReference: "晋市监撤〔2025〕1号" }) { id } }',
      { id },
      admin,
    );
    expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_ID' });
  });

  it('bounds page sizes and batch lists', async () => {
    for (const first of [-1, 101]) {
      const answer = await ask('query($first: Int) { searchEnterprises(first: $first) { totalCount } }', { first });
      expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    // A page size far past the bound is already refused by the static cost before any resolver runs.
    const huge = await ask('query($first: Int) { searchEnterprises(first: $first) { totalCount } }', { first: 2_147_483_647 });
    expect(firstError(huge)).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const batch = await ask('query($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc } }', { usccs: Array(501).fill(known.uscc) });
    expect(firstError(batch)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'usccs', reason: 'TOO_MANY' });
  });

  it('takes %, _ and \\ in a name fragment literally', async () => {
    const total = async (nameContains: string) => {
      const answer = await ask('query($name: String) { searchEnterprises(filter: { nameContains: $name }) { totalCount } }', {
        name: nameContains,
      });
      return (answer.body.data?.searchEnterprises as { totalCount: number } | undefined)?.totalCount;
    };
    expect(await total('有限')).toBeGreaterThan(0);
    for (const pattern of ['%', '_', '\\', '%%', '有%限']) expect(await total(pattern)).toBe(0);
    const long = await ask('query($name: String) { searchEnterprises(filter: { nameContains: $name }) { totalCount } }', {
      name: '食'.repeat(51),
    });
    expect(firstError(long)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nameContains', reason: 'TOO_LONG' });
  });

  it('refuses odd key values in _entities representations sent straight to a subgraph', async () => {
    const query = 'query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Enterprise { licenses { number } } } }';
    for (const uscc of ['\u0000', 'x'.repeat(3_000), '\ud800']) {
      const answer = await post(JSON.stringify({ query, variables: { reps: [{ __typename: 'Enterprise', uscc }] } }), {
        url: stack.subgraphUrls.licenses as string,
        token: admin,
      });
      expect(answer.status).toBeLessThan(500);
      expect(firstError(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations[0].uscc' });
    }
    const valid = await post(JSON.stringify({ query, variables: { reps: [{ __typename: 'Enterprise', uscc: known.uscc }] } }), {
      url: stack.subgraphUrls.licenses as string,
      token: admin,
    });
    expect(valid.body.errors).toBeUndefined();
  });

  describe('malformed requests get a 4xx with a code, through the gateway and on a subgraph', () => {
    const targets = () => [
      { label: 'gateway', url: stack.gatewayUrl, token: undefined as string | undefined },
      { label: 'subgraph', url: stack.subgraphUrls.enterprises as string, token: admin },
    ];

    it.each([
      [
        'two operations without operationName',
        { query: 'query A { checkUscc(code: "1") { valid } } query B { checkUscc(code: "2") { valid } }' },
        400,
        'OPERATION_RESOLUTION_FAILURE',
      ],
      [
        'an unknown operationName',
        { query: 'query A { checkUscc(code: "1") { valid } }', operationName: 'B' },
        400,
        'OPERATION_RESOLUTION_FAILURE',
      ],
      ['no query', {}, 400, 'BAD_REQUEST'],
      ['a query that is not a string', { query: 42 }, 400, 'BAD_REQUEST'],
      [
        'variables of the wrong type',
        { query: 'query($c: String!) { checkUscc(code: $c) { valid } }', variables: { c: { a: 1 } } },
        400,
        'BAD_USER_INPUT',
      ],
      ['variables that are not an object', { query: '{ __typename }', variables: 'x' }, 400, 'BAD_REQUEST'],
      ['a syntax error', { query: '{ checkUscc(' }, 400, 'GRAPHQL_PARSE_FAILED'],
    ])('%s', async (_label, body, status, code) => {
      for (const target of targets()) {
        const answer = await post(JSON.stringify(body), { url: target.url, ...(target.token ? { token: target.token } : {}) });
        expect(answer.status, target.label).toBe(status);
        expect(firstError(answer).code, target.label).toBe(code);
      }
    });

    it('invalid JSON, a GET mutation and an oversized body', async () => {
      for (const target of targets()) {
        const auth: Record<string, string> = target.token ? { authorization: `Bearer ${target.token}` } : {};
        const invalid = await post('{"query":', { url: target.url, ...(target.token ? { token: target.token } : {}) });
        expect([invalid.status, firstError(invalid).code], target.label).toEqual([400, 'BAD_REQUEST']);

        const mutation = encodeURIComponent(
          'mutation { revokePenalty(id: "1", decision: { reason: "x", decisionReference: "y" }) { id } }',
        );
        const get = await fetch(`${target.url}?query=${mutation}`, { headers: { 'apollo-require-preflight': 'true', ...auth } });
        expect(get.status, target.label).toBeGreaterThanOrEqual(400);
        expect(get.status, target.label).toBeLessThan(500);

        const huge = JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(1_100_000) } });
        const tooLarge = await post(huge, { url: target.url, ...(target.token ? { token: target.token } : {}) });
        expect([tooLarge.status, firstError(tooLarge).code], target.label).toEqual([413, 'BAD_REQUEST']);
        // The next request is served normally.
        const after = await post(JSON.stringify({ query: '{ __typename }' }), {
          url: target.url,
          ...(target.token ? { token: target.token } : {}),
        });
        expect(after.status, target.label).toBe(200);
      }
    });
  });
});
