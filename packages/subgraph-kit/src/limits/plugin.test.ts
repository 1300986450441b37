import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller, type Role } from '../auth/caller.ts';
import { formatError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import type { LimitCheck } from './check.ts';
import type { QueryLimits } from './config.ts';
import { queryLimits } from './plugin.ts';
import { fragmentBomb, TEST_SCHEMA } from './test-schema.ts';

const LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 60, maxDirectives: 50, maxTokens: 2000, maxCost: 15_000 };

async function serve(options: { production?: boolean; charge?: (check: LimitCheck) => void } = {}) {
  const limits = queryLimits<{ caller: Caller }>({
    limits: LIMITS,
    production: options.production ?? false,
    ...(options.charge ? { charge: (check: LimitCheck) => options.charge?.(check) } : {}),
  });
  const server = new ApolloServer<{ caller: Caller }>({
    schema: TEST_SCHEMA,
    introspection: true,
    parseOptions: limits.parseOptions,
    plugins: [limits.plugin],
    formatError: (formatted, error) => formatError(formatted, error, createLogger({ level: 'silent' })),
  });
  await server.start();
  return {
    async run(query: string, role: Role = 'public') {
      const response = await server.executeOperation({ query }, { contextValue: { caller: { ...ANONYMOUS, role } } });
      const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
      return { status: response.http.status, errors: body?.errors, data: body?.data };
    },
    stop: () => server.stop(),
  };
}

describe('query limits plugin', () => {
  it('refuses over-limit operations with QUERY_TOO_COMPLEX, HTTP 400, naming the limit and its maximum', async () => {
    const server = await serve();
    try {
      const result = await server.run(fragmentBomb(28));
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([
        {
          message: 'query too complex: over the cost limit of 15000 (查询过于复杂)',
          extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: 15_000 },
        },
      ]);
    } finally {
      await server.stop();
    }
  });

  it('refuses a document over the token limit while parsing, as QUERY_TOO_COMPLEX', async () => {
    const server = await serve();
    try {
      const result = await server.run(`{ ${'__typename '.repeat(2500)}}`);
      expect(result.status).toBe(400);
      expect(result.errors?.[0]).toMatchObject({
        message: 'query too complex: over the tokens limit of 2000 (查询过于复杂)',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: 2000 },
      });
    } finally {
      await server.stop();
    }
  });

  it('never suggests field, argument or enum names', async () => {
    const server = await serve();
    try {
      const field = await server.run('{ enterprise(uscc: "x") { nam } }');
      expect(field.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Enterprise".');
      const argument = await server.run('{ enterprise(usc: "x") { name } }');
      expect(argument.errors?.map((error) => error.message).join(' ')).not.toMatch(/did you mean/i);
      const type = await server.run('query ($c: Strin!) { checkUscc(code: $c) { valid } }');
      expect(type.errors?.[0]?.message).not.toMatch(/did you mean/i);
    } finally {
      await server.stop();
    }
  });

  it('in production, refuses introspection to the public and the platform and allows analysts', async () => {
    const server = await serve({ production: true });
    try {
      for (const role of ['public', 'platform'] as const) {
        const refused = await server.run('{ __schema { queryType { name } } }', role);
        expect(refused.status).toBe(403);
        expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect((await server.run('{ __type(name: "Enterprise") { name } }', role)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      for (const role of ['analyst', 'admin', 'regulator'] as const) {
        expect((await server.run('{ __schema { queryType { name } } }', role)).data).toEqual({
          __schema: { queryType: { name: 'Query' } },
        });
      }
      expect((await server.run('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await server.stop();
    }
  });

  it('allows introspection to everyone outside production', async () => {
    const server = await serve();
    try {
      expect((await server.run('{ __schema { queryType { name } } }')).errors).toBeUndefined();
    } finally {
      await server.stop();
    }
  });

  it('hands each checked operation to charge, which may refuse it', async () => {
    const charged: LimitCheck[] = [];
    const server = await serve({
      charge: (check) => {
        charged.push(check);
        if (!check.exceeded && check.cost > 3) throw new Error('budget spent');
      },
    });
    try {
      expect((await server.run('{ a: __typename b: __typename }')).data).toEqual({ a: 'Query', b: 'Query' });
      expect((await server.run('{ a: __typename b: __typename c: __typename d: __typename }')).errors?.[0]?.extensions?.code).toBe(
        'INTERNAL_SERVER_ERROR',
      );
      expect((await server.run(fragmentBomb(20))).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(charged.map((check) => [check.cost, check.exceeded?.limit])).toEqual([
        [2, undefined],
        [4, undefined],
        [2 ** 19, 'cost'],
      ]);
    } finally {
      await server.stop();
    }
  });
});
