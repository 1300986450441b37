import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { bearerToken, createTokenVerifier, gatewayIssuer, mintToken } from './auth/tokens.ts';

const settings = { jwtSecret: 'unit-test-secret-0123456789', issuer: 'credit-hub', gatewaySecret: 'gateway-secret-0123456789' };
const verify = createTokenVerifier(settings);
const mint = (claims: Partial<Parameters<typeof mintToken>[0]> = {}) =>
  mintToken({
    secret: settings.jwtSecret,
    issuer: settings.issuer,
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

  it('accepts the gateway-minted anonymous token only with the gateway secret', async () => {
    const anonymous = await mintToken({
      secret: settings.gatewaySecret,
      issuer: gatewayIssuer('credit-hub'),
      sub: 'anonymous',
      role: 'public',
      expiresIn: 60,
    });
    expect((await verify(anonymous)).role).toBe('public');
    const forged = await mintToken({
      secret: settings.jwtSecret,
      issuer: gatewayIssuer('credit-hub'),
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
