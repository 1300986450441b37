import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenVerifier, gatewayIssuer, mintToken } from './auth/tokens.ts';
import { authSettingsFromEnv } from './env.ts';

const settings = {
  jwtSecret: 'unit-test-secret-0123456789',
  issuer: 'credit-hub',
  audience: 'credit-hub',
  maxTokenLifetime: 24 * 3600,
  gatewaySecret: 'gateway-secret-0123456789',
};
const verify = createTokenVerifier(settings);
const encoded = (secret: string) => new TextEncoder().encode(secret);
const mint = (claims: Partial<Parameters<typeof mintToken>[0]> = {}) =>
  mintToken({
    secret: settings.jwtSecret,
    issuer: settings.issuer,
    audience: settings.audience,
    sub: 'u1',
    role: 'regulator',
    region: '140800',
    dept: 'ZFJC',
    expiresIn: 60,
    ...claims,
  });

const rejection = async (token: string) => {
  try {
    await verify(token);
    return 'accepted';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('token verification', () => {
  it('turns a good token into a caller', async () => {
    expect(await verify(await mint({ scope: 'read write' }))).toEqual({
      sub: 'u1',
      role: 'regulator',
      dept: 'ZFJC',
      region: '140800',
      scopes: ['read', 'write'],
    });
  });

  it.each([
    ['expired', () => mint({ expiresIn: -10 })],
    ['wrong secret', () => mint({ secret: 'another-secret-0123456789' })],
    ['wrong issuer', () => mint({ issuer: 'someone-else' })],
    ['unknown role', () => mint({ role: 'superuser' })],
    ['public role claimed by a caller', () => mint({ role: 'public' })],
    ['regulator without region', () => mint({ region: undefined })],
    ['malformed region', () => mint({ region: '1408' })],
    ['garbage', async () => 'not.a.jwt'],
    ['wrong audience', () => mint({ audience: 'another-service' })],
    [
      'no audience',
      () =>
        new SignJWT({ role: 'analyst' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('credit-hub')
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(encoded(settings.jwtSecret)),
    ],
    ['a lifetime over the maximum', () => mint({ expiresIn: 24 * 3600 + 60 })],
    [
      'exp in 2100 without iat',
      () =>
        new SignJWT({ role: 'analyst' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('credit-hub')
          .setAudience('credit-hub')
          .setSubject('x')
          .setExpirationTime(Math.floor(Date.UTC(2100, 0, 1) / 1000))
          .sign(encoded(settings.jwtSecret)),
    ],
    [
      'exp in 2100 with a recent iat',
      () =>
        new SignJWT({ role: 'analyst' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('credit-hub')
          .setAudience('credit-hub')
          .setSubject('x')
          .setIssuedAt()
          .setExpirationTime(Math.floor(Date.UTC(2100, 0, 1) / 1000))
          .sign(encoded(settings.jwtSecret)),
    ],
    [
      'iat in the future',
      () =>
        new SignJWT({ role: 'analyst' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('credit-hub')
          .setAudience('credit-hub')
          .setSubject('x')
          .setIssuedAt(Math.floor(Date.now() / 1000) + 3600)
          .setExpirationTime(Math.floor(Date.now() / 1000) + 7200)
          .sign(encoded(settings.jwtSecret)),
    ],
    [
      'no exp',
      () =>
        new SignJWT({ role: 'analyst' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer('credit-hub')
          .setSubject('x')
          .sign(new TextEncoder().encode(settings.jwtSecret)),
    ],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"admin","iss":"credit-hub","sub":"x","exp":9999999999}').toString('base64url')}.`,
    ],
  ])('refuses %s with UNAUTHENTICATED', async (_name, make) => {
    expect(await rejection(await make())).toBe('UNAUTHENTICATED');
  });

  it('accepts a lifetime just under the maximum, and a token without iat that expires in time', async () => {
    expect((await verify(await mint({ expiresIn: 24 * 3600 - 10 }))).sub).toBe('u1');
    const noIat = await new SignJWT({ role: 'analyst' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('credit-hub')
      .setAudience('credit-hub')
      .setSubject('no-iat')
      .setExpirationTime('1h')
      .sign(encoded(settings.jwtSecret));
    expect((await verify(noIat)).sub).toBe('no-iat');
  });

  it('accepts the gateway-minted anonymous token only with the gateway secret', async () => {
    const anonymous = await mintToken({
      secret: settings.gatewaySecret,
      issuer: gatewayIssuer('credit-hub'),
      audience: 'credit-hub',
      sub: 'anonymous',
      role: 'public',
      expiresIn: 60,
    });
    expect((await verify(anonymous)).role).toBe('public');
    const forged = await mintToken({
      secret: settings.jwtSecret,
      issuer: gatewayIssuer('credit-hub'),
      audience: 'credit-hub',
      sub: 'anonymous',
      role: 'public',
      expiresIn: 60,
    });
    expect(await rejection(forged)).toBe('UNAUTHENTICATED');
  });

  it('serves a verified token from cache only until it expires', async () => {
    const token = await mint({ expiresIn: 1 });
    expect((await verify(token)).sub).toBe('u1');
    expect((await verify(token)).sub).toBe('u1');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await rejection(token)).toBe('UNAUTHENTICATED');
  });

  it('parses bearer headers strictly', () => {
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(() => bearerToken('Basic abc')).toThrow();
  });

  it.each([[''], ['   '], ['Bearer'], ['Bearer '], ['Bearer a b'], ['Basic abc']])(
    'refuses the Authorization header %j instead of reading it as anonymous',
    (header) => {
      let code: unknown;
      try {
        bearerToken(header);
      } catch (error) {
        code = (error as { extensions?: { code?: string } }).extensions?.code;
      }
      expect(code).toBe('UNAUTHENTICATED');
    },
  );
});

describe('auth settings in production mode', () => {
  const base = { NODE_ENV: 'production' as const, AUTH_JWT_ISSUER: 'credit-hub', AUTH_JWT_AUDIENCE: 'credit-hub' };
  const strong = 'a-production-secret-of-at-least-32-bytes!';
  const strongGateway = 'another-production-secret-of-32-bytes+';
  const problem = (env: Parameters<typeof authSettingsFromEnv>[0]) => {
    try {
      authSettingsFromEnv(env);
      return 'started';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('refuses to start without a caller key or a gateway secret', () => {
    expect(problem(base)).toMatch(/AUTH_JWKS_URL or AUTH_JWT_SECRET is required/);
    expect(problem({ ...base, AUTH_JWT_SECRET: strong })).toMatch(/AUTH_GATEWAY_SECRET is required/);
  });

  it('refuses the development secret and short secrets', () => {
    const dev = 'credit-hub-development-secret-do-not-use-in-production';
    expect(problem({ ...base, AUTH_JWT_SECRET: dev, AUTH_GATEWAY_SECRET: strongGateway })).toMatch(/must not be the development secret/);
    expect(problem({ ...base, AUTH_JWT_SECRET: 'short-but-16-bytes!', AUTH_GATEWAY_SECRET: strongGateway })).toMatch(/at least 32 bytes/);
    expect(problem({ ...base, AUTH_JWT_SECRET: strong, AUTH_GATEWAY_SECRET: 'short-but-16-bytes!' })).toMatch(
      /AUTH_GATEWAY_SECRET must be at least 32/,
    );
  });

  it('starts with real secrets, or a JWKS URL and no HS256 caller secret at all', () => {
    const settings = authSettingsFromEnv({ ...base, AUTH_JWT_SECRET: strong, AUTH_GATEWAY_SECRET: strongGateway });
    expect(settings).toMatchObject({ production: true, jwtSecret: strong, maxTokenLifetime: 12 * 3600 });
    const jwks = authSettingsFromEnv({ ...base, AUTH_JWKS_URL: 'https://idp.example/jwks.json', AUTH_GATEWAY_SECRET: strongGateway });
    expect(jwks.jwtSecret).toBeUndefined();
  });

  it('switches on with CREDIT_HUB_MODE=production too, and lets development fall back to the dev secret', () => {
    expect(problem({ ...base, NODE_ENV: 'development', CREDIT_HUB_MODE: 'production' })).toMatch(/required in production/);
    expect(authSettingsFromEnv({ ...base, NODE_ENV: 'development' })).toMatchObject({ production: false, maxTokenLifetime: 24 * 3600 });
  });
});

describe('production tokens through a JWKS URL', () => {
  it('verifies ES256 tokens against the identity provider keys and refuses HS256 ones', async () => {
    const { createServer } = await import('node:http');
    const { exportJWK, generateKeyPair } = await import('jose');
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const production = createTokenVerifier({ ...settings, jwksUrl: `http://127.0.0.1:${port}/jwks.json` });
      const signed = await new SignJWT({ role: 'analyst' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer('credit-hub')
        .setAudience('credit-hub')
        .setSubject('idp-user')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect(await production(signed)).toMatchObject({ sub: 'idp-user', role: 'analyst' });
      const hs256 = await mint({ role: 'analyst' });
      await expect(production(hs256)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    } finally {
      server.close();
    }
  });
});
