import { createRemoteJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { unauthenticated } from '../errors.ts';
import { type Caller, TOKEN_ROLES } from './caller.ts';

export interface AuthSettings {
  /** HS256 secret for caller tokens (development, or production without a JWKS URL). */
  jwtSecret?: string | undefined;
  /** Expected `iss` of caller tokens. */
  issuer: string;
  /** Expected `aud` of every token (callers' and the gateway's own). */
  audience: string;
  /** Longest accepted lifetime in seconds: `exp - iat`, or `exp - now` for a token without `iat`. */
  maxTokenLifetime: number;
  /** JWKS URL for ES256/RS256 caller tokens in production; when set, HS256 caller tokens are refused. */
  jwksUrl?: string | undefined;
  /** HS256 secret of the short-lived tokens the gateway mints for anonymous callers. */
  gatewaySecret: string;
}

/** `iss` of the tokens the gateway mints for anonymous callers. */
export const gatewayIssuer = (issuer: string) => `${issuer}:gateway`;

/** `iss` of the tokens a hub service mints to read another subgraph's data (role `service`). */
export const serviceIssuer = (issuer: string) => `${issuer}:service`;

const encoder = new TextEncoder();

export type TokenVerifier = (token: string) => Promise<Caller>;

/**
 * Verifies a bearer token and turns it into a Caller. A bad, expired or wrongly signed token is
 * refused with UNAUTHENTICATED, never downgraded to anonymous: a caller who sent credentials and
 * silently got the public view would draw wrong conclusions from it.
 */
export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  if (!settings.jwksUrl && !settings.jwtSecret) throw new Error('caller tokens need AUTH_JWKS_URL or AUTH_JWT_SECRET');
  const callerKey = settings.jwksUrl ? createRemoteJWKSet(new URL(settings.jwksUrl)) : encoder.encode(settings.jwtSecret);
  const callerAlgorithms = settings.jwksUrl ? ['ES256', 'RS256'] : ['HS256'];
  const gatewayKey = encoder.encode(settings.gatewaySecret);
  const anonymousIssuer = gatewayIssuer(settings.issuer);
  const internalIssuer = serviceIssuer(settings.issuer);

  const verified = new VerifiedTokenCache();

  const verifyUncached = async (token: string): Promise<{ caller: Caller; expiresAt: number }> => {
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw unauthenticated('malformed token (令牌格式错误)');
    }
    try {
      if (issuer === internalIssuer) {
        const { payload } = await jwtVerify(token, gatewayKey, {
          issuer: internalIssuer,
          audience: settings.audience,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'sub'],
        });
        checkLifetime(payload, settings.maxTokenLifetime);
        return {
          caller: { sub: String(payload.sub), role: 'service', dept: null, region: null, scopes: [] },
          expiresAt: expiryOf(payload),
        };
      }
      if (issuer === anonymousIssuer) {
        const { payload } = await jwtVerify(token, gatewayKey, {
          issuer: anonymousIssuer,
          audience: settings.audience,
          algorithms: ['HS256'],
          requiredClaims: ['exp'],
        });
        checkLifetime(payload, settings.maxTokenLifetime);
        return {
          caller: { sub: String(payload.sub ?? 'anonymous'), role: 'public', dept: null, region: null, scopes: [] },
          expiresAt: expiryOf(payload),
        };
      }
      const options = {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: callerAlgorithms,
        requiredClaims: ['exp', 'sub'],
      };
      const { payload } =
        typeof callerKey === 'function' ? await jwtVerify(token, callerKey, options) : await jwtVerify(token, callerKey, options);
      checkLifetime(payload, settings.maxTokenLifetime);
      return { caller: callerFromClaims(payload), expiresAt: expiryOf(payload) };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('token expired (令牌已过期)');
      if (error instanceof errors.JOSEError) throw unauthenticated(`token rejected: ${error.message}`);
      throw error;
    }
  };

  return async (token) => {
    const cached = verified.get(token);
    if (cached) return cached;
    const { caller, expiresAt } = await verifyUncached(token);
    verified.set(token, caller, expiresAt);
    return caller;
  };
}

const expiryOf = (payload: JWTPayload) => (payload.exp ?? 0) * 1000;

/** Clock skew tolerated between the issuer and this service, seconds. */
const CLOCK_TOLERANCE = 60;

/**
 * A stolen long-lived token is a standing key: refuse a lifetime above the maximum, measured from
 * `iat` when the token has one (and `iat` must not be in the future), else from now.
 */
function checkLifetime(payload: JWTPayload, maxSeconds: number): void {
  const now = Math.floor(Date.now() / 1000);
  const exp = payload.exp ?? 0;
  if (payload.iat !== undefined) {
    if (payload.iat > now + CLOCK_TOLERANCE) throw unauthenticated('token issued in the future (令牌签发时间无效)');
    if (exp - payload.iat > maxSeconds) throw unauthenticated(`token lifetime over ${maxSeconds} s (令牌有效期过长)`);
  } else if (exp - now > maxSeconds) {
    throw unauthenticated(`token lifetime over ${maxSeconds} s (令牌有效期过长)`);
  }
}

/**
 * Verified tokens, kept until they expire or for a minute at most. Every request carries the
 * same few tokens (a department app's, the gateway's anonymous one) and is verified at the gateway
 * and again in each subgraph it reaches; re-running the signature check each time is pure cost.
 * Bounded, so a flood of distinct tokens cannot grow it without limit.
 */
class VerifiedTokenCache {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.caller;
  }

  set(token: string, caller: Caller, expiresAt: number): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { caller, until: Math.min(expiresAt, Date.now() + this.maxAgeMs) });
  }
}

function callerFromClaims(payload: JWTPayload): Caller {
  const role = payload.role;
  if (typeof role !== 'string' || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    throw unauthenticated(`token role must be one of ${TOKEN_ROLES.join(', ')}`);
  }
  const region = typeof payload.region === 'string' ? payload.region : null;
  if (region !== null && !/^\d{6}$/.test(region)) throw unauthenticated('token region must be a 6-digit division code');
  if ((role === 'regulator' || role === 'department') && (!region || typeof payload.dept !== 'string')) {
    throw unauthenticated(`a ${role} token needs region and dept claims`);
  }
  return {
    sub: String(payload.sub),
    role: role as Caller['role'],
    dept: typeof payload.dept === 'string' ? payload.dept : null,
    region,
    scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
  };
}

export interface MintTokenOptions {
  secret: string;
  issuer: string;
  audience: string;
  sub: string;
  role: string;
  dept?: string | undefined;
  region?: string | undefined;
  scope?: string | undefined;
  /** Seconds until expiry. */
  expiresIn: number;
}

/** Signs an HS256 token: dev tokens (`npm run token`) and the gateway's anonymous tokens. */
export function mintToken(options: MintTokenOptions): Promise<string> {
  const claims: Record<string, string> = { role: options.role };
  if (options.dept) claims.dept = options.dept;
  if (options.region) claims.region = options.region;
  if (options.scope) claims.scope = options.scope;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(options.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + options.expiresIn)
    .sign(encoder.encode(options.secret));
}

/**
 * Extracts the bearer token from an Authorization header value. No header is anonymous; a header
 * that is present but empty or not "Bearer <token>" is refused, never read as anonymous.
 */
export function bearerToken(header: string | undefined | null): string | null {
  if (header === undefined || header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Authorization header must be "Bearer <token>"');
  return match[1];
}
