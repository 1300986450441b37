import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type EnterprisesDatabase, seedEnterprises } from '@credit-hub/enterprises';
import { loadGatewayEnv, startGateway } from '@credit-hub/gateway';
import { enterpriseAt } from '@credit-hub/seed';
import { mintToken, type RunningService, serviceIssuer } from '@credit-hub/subgraph-kit';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../scripts/subgraphs.ts';
import { type Stack, startStack } from './support/stack.ts';

const SECRET = 'a-production-caller-secret-of-32-bytes-or-more';
const GATEWAY_SECRET = 'a-production-gateway-secret-of-32-bytes-too';
const DEV_SECRET = 'credit-hub-development-secret-do-not-use-in-production';
const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: SECRET,
  AUTH_GATEWAY_SECRET: GATEWAY_SECRET,
  AUTH_JWT_ISSUER: 'credit-hub',
  HOST: '127.0.0.1',
  SEED_DEMO: 'false',
  LOG_LEVEL: 'warn',
};
const demo = enterpriseAt(0);
const encoded = (secret: string) => new TextEncoder().encode(secret);
const UPDATE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(uscc: "${demo.uscc}", input: $input) { name } }`;

const startFails = async (start: () => Promise<RunningService>) => {
  try {
    const service = await start();
    await service.stop();
    return 'started';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('production mode refuses to start unsafely', () => {
  // biome-ignore lint/suspicious/noExplicitAny: each subgraph has its own table set
  const databases = new Map<string, import('@credit-hub/db').TestDatabase<any>>();
  beforeAll(async () => {
    for (const subgraph of SUBGRAPHS) databases.set(subgraph.name, await subgraph.openTestDatabase('pglite'));
  });
  afterAll(async () => {
    for (const database of databases.values()) await database.close();
  });

  it.each([
    ['no secret at all', { NODE_ENV: 'production' }, /AUTH_JWKS_URL or AUTH_JWT_SECRET is required/],
    ['no gateway secret', { NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET }, /AUTH_GATEWAY_SECRET is required/],
    ['the development secret', { ...PRODUCTION, AUTH_JWT_SECRET: DEV_SECRET }, /must not be the development secret/],
    ['a short secret', { ...PRODUCTION, AUTH_JWT_SECRET: 'only-twenty-bytes-long' }, /at least 32 bytes/],
    ['CREDIT_HUB_MODE=production without secrets', { NODE_ENV: 'development', CREDIT_HUB_MODE: 'production' }, /required in production/],
  ])('the gateway and every subgraph refuse %s', async (_name, env, message) => {
    expect(await startFails(() => startGateway({ port: 0, env: loadGatewayEnv(env) }))).toMatch(message);
    for (const subgraph of SUBGRAPHS) {
      const database = databases.get(subgraph.name);
      expect(await startFails(() => subgraph.start({ port: 0, env, ...(database ? { database } : {}) }))).toMatch(message);
    }
  });

  it('npm run token refuses to sign a development token', async () => {
    const run = promisify(execFile);
    const failure = await run('npx', ['tsx', 'scripts/token.ts', '--role', 'admin'], {
      env: { ...process.env, ...PRODUCTION },
      cwd: new URL('..', import.meta.url).pathname,
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure.code).toBe(2);
    expect(failure.stdout).not.toMatch(/eyJ/);
    expect(failure.stderr).toMatch(/not minted in production/);
  });
});

describe('production mode', () => {
  let stack: Stack;
  let base: string;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ env: PRODUCTION });
    await seedEnterprises(stack.database<EnterprisesDatabase>('enterprises').db, 3);
    base = stack.gatewayUrl.replace(/\/graphql$/, '');
    admin = await mintToken({ secret: SECRET, issuer: 'credit-hub', audience: 'credit-hub', sub: 'ops', role: 'admin', expiresIn: 600 });
  });
  afterAll(() => stack?.stop());

  const post = async (query: string, variables: Record<string, unknown>, authorization?: string) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
    };
  };
  const nameNow = async () => {
    const result = await post('query($u: String!) { enterprise(uscc: $u) { name } }', { u: demo.uscc }, `Bearer ${admin}`);
    return (result.body.data as { enterprise: { name: string } }).enterprise.name;
  };

  it('accepts a well-formed token with the audience and a bounded lifetime', async () => {
    expect(await nameNow()).toBe(demo.name);
  });

  const unauthenticated: [string, () => Promise<string>][] = [
    ['an empty Authorization header', async () => ''],
    ['a bare "Bearer"', async () => 'Bearer'],
    ['a Basic header', async () => 'Basic YWRtaW46YWRtaW4='],
    [
      'a token without aud',
      async () =>
        `Bearer ${await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('credit-hub').setSubject('x').setIssuedAt().setExpirationTime('5m').sign(encoded(SECRET))}`,
    ],
    [
      'a token with exp in 2100',
      async () =>
        `Bearer ${await new SignJWT({ role: 'admin' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('credit-hub')
          .setAudience('credit-hub')
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime(Math.floor(Date.UTC(2100, 0, 1) / 1000))
          .sign(encoded(SECRET))}`,
    ],
    [
      'a token signed with the development secret',
      async () =>
        `Bearer ${await mintToken({ secret: DEV_SECRET, issuer: 'credit-hub', audience: 'credit-hub', sub: 'x', role: 'admin', expiresIn: 600 })}`,
    ],
  ];

  it.each(unauthenticated)('answers 401 UNAUTHENTICATED to %s and writes nothing', async (_name, header) => {
    const result = await post(UPDATE, { input: { name: '被篡改的名称' } }, await header());
    expect(result.status).toBe(401);
    expect(result.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.body.data).toBeUndefined();
    expect(await nameNow()).toBe(demo.name);
  });

  it('does not serve GraphiQL unless enabled', async () => {
    expect((await fetch(`${base}/graphiql`)).status).toBe(404);
    expect((await fetch(`${base}/graphiql/init.js`)).status).toBe(404);
  });

  it('serves /insights and /batch-check with GraphiQL off: batch checks for signed-in callers only, as them', async () => {
    const insights = await fetch(`${base}/insights`);
    expect(insights.status).toBe(200);
    const html = await insights.text();
    // No link to the GraphiQL this gateway does not serve; the charts' queries stay readable.
    expect(html).not.toContain('href="/graphiql"');
    expect(html).toContain('data-graphiql="false"');
    expect((await fetch(`${base}/graphiql/export-plugin.js`)).status).toBe(404);
    expect((await fetch(`${base}/batch-check`)).status).toBe(200);
    const anonymous = await fetch(`${base}/batch-check`, { method: 'POST', body: `${demo.uscc}\n` });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/sign in/);
    const signedIn = await fetch(`${base}/batch-check`, {
      method: 'POST',
      body: `${demo.uscc}\n`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(signedIn.status).toBe(202);
    const { job } = (await signedIn.json()) as { job: string };
    await expect
      .poll(async () => {
        const status = await fetch(`${base}/batch-check/status?job=${job}`, { headers: { authorization: `Bearer ${admin}` } });
        return ((await status.json()) as { state: string }).state;
      })
      .toBe('done');
  });

  it('serves GraphiQL when GRAPHIQL_ENABLED=true, with a CSP that allows no inline script and the other security headers', async () => {
    const gateway = await startGateway({
      port: 0,
      env: loadGatewayEnv({ ...PRODUCTION, GRAPHIQL_ENABLED: 'true' }),
      subgraphUrls: stack.subgraphUrls,
    });
    try {
      const response = await fetch(`${gateway.url}/graphiql`);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await response.text();
      // Every script is a file or JSON data: nothing the CSP would have to allow inline.
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1] ?? '');
      expect(inline).toEqual([' id="graphiql-config" type="application/json"']);
    } finally {
      await gateway.stop();
    }
  });

  it('sets the security headers on API and health responses too', async () => {
    for (const response of [
      await fetch(`${base}/healthz`),
      await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      }),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('marks every GraphQL answer, the gateway’s and a subgraph’s, answers and errors alike, as not to be stored', async () => {
    // A subgraph answers only the gateway's forwarded tokens and services' tokens.
    const service = await mintToken({
      secret: GATEWAY_SECRET,
      issuer: serviceIssuer('credit-hub'),
      audience: 'credit-hub',
      sub: 'service:test',
      role: 'service',
      expiresIn: 600,
    });
    const query = (url: string, body: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${service}` }, body });
    for (const response of [
      await query(stack.gatewayUrl, '{"query":"{ __typename }"}'),
      await query(stack.gatewayUrl, '{"query":"{ nope }"}'),
      await query(stack.subgraphUrls.enterprises ?? '', '{"query":"{ __typename }"}'),
      await query(stack.subgraphUrls.enterprises ?? '', '{"query":"{ nope }"}'),
      await query(stack.subgraphUrls.sanctions ?? '', '{"query":"{ __typename }"}'),
    ]) {
      expect(response.status).not.toBe(401);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});
