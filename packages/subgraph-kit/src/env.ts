import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOG_LEVELS } from './logger.ts';

const DEV_SECRET = 'credit-hub-development-secret-do-not-use-in-production';

/** HS256 keys shorter than the hash (32 bytes) are brute-forcible; refused in production. */
const MIN_PRODUCTION_SECRET_BYTES = 32;
/** Default maximum token lifetime (`exp - iat`), seconds: a working day in production. */
const DEFAULT_MAX_TOKEN_LIFETIME = { production: 12 * 3600, development: 24 * 3600 };

/** Variables every service reads (README: "Environment variables"). */
export const authEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  AUTH_JWT_SECRET: z.string().min(16).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).default('credit-hub'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_GATEWAY_SECRET: z.string().min(16).optional(),
  HOST: z.string().default('127.0.0.1'),
  /** `production` switches production mode on like NODE_ENV=production (for hosts that set NODE_ENV otherwise). */
  CREDIT_HUB_MODE: z.enum(['development', 'production']).optional(),
  /** Expected `aud` of every token, required in every mode. */
  AUTH_JWT_AUDIENCE: z.string().min(1).default('credit-hub'),
  /** Longest accepted token lifetime in seconds; default 12 h in production, 24 h otherwise. */
  AUTH_MAX_TOKEN_LIFETIME: z.coerce
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
};

/**
 * Query limits, read by the gateway and by every subgraph alike, so that calling a subgraph directly
 * gains nothing (README: "Query limits").
 */
export const queryLimitsEnvShape = {
  QUERY_MAX_DEPTH: z.coerce.number().int().min(1).default(15),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(60),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).default(2000),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(15000),
};

/** A TCP port variable; 0 asks the OS for a free port (tests). */
export const portVariable = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * Variables every subgraph reads besides its port and its own rules: the PGlite directory, the
 * USCC allow-list and demo seeding (README: "Environment variables").
 */
export const subgraphEnvShape = {
  ...authEnvShape,
  ...queryLimitsEnvShape,
  DATA_DIR: z.string().default(fileURLToPath(new URL('../../../.data', import.meta.url))),
  USCC_ALLOW_LIST: z.string().optional(),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  SEED_ENTERPRISES: z.coerce.number().int().min(0).default(2000),
  /** Days a sequenced outbox event is kept for the exchange's feed (older cursors: take a snapshot). */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
};

/**
 * Validates `source` against `shape` once at start-up and fails with every problem listed, so a
 * misconfigured service stops immediately instead of misbehaving on its first request.
 */
export function parseEnv<TShape extends z.ZodRawShape>(
  shape: TShape,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<TShape>> {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = z.object(shape).safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export interface AuthEnv {
  NODE_ENV: 'development' | 'test' | 'production';
  CREDIT_HUB_MODE?: 'development' | 'production' | undefined;
  AUTH_JWT_SECRET?: string | undefined;
  AUTH_JWT_ISSUER: string;
  AUTH_JWT_AUDIENCE: string;
  AUTH_MAX_TOKEN_LIFETIME?: number | undefined;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_GATEWAY_SECRET?: string | undefined;
}

/** Production mode: NODE_ENV=production or CREDIT_HUB_MODE=production (README: "Production settings"). */
export function isProduction(env: Pick<AuthEnv, 'NODE_ENV' | 'CREDIT_HUB_MODE'>): boolean {
  return env.NODE_ENV === 'production' || env.CREDIT_HUB_MODE === 'production';
}

/**
 * Resolves secrets and token rules. Outside production a fixed development secret stands in for
 * an unset one; in production the service refuses to start without a real caller key (secret or
 * JWKS URL) and gateway secret, and refuses the development secret or a short one.
 */
export function authSettingsFromEnv(env: AuthEnv): AuthSettingsFromEnv {
  const production = isProduction(env);
  if (production) {
    const problems: string[] = [];
    if (!env.AUTH_JWKS_URL && !env.AUTH_JWT_SECRET) problems.push('AUTH_JWKS_URL or AUTH_JWT_SECRET is required in production');
    if (!env.AUTH_GATEWAY_SECRET) problems.push('AUTH_GATEWAY_SECRET is required in production');
    for (const name of ['AUTH_JWT_SECRET', 'AUTH_GATEWAY_SECRET'] as const) {
      const secret = env[name];
      if (secret === undefined) continue;
      if (secret === DEV_SECRET) problems.push(`${name} must not be the development secret in production`);
      else if (Buffer.byteLength(secret) < MIN_PRODUCTION_SECRET_BYTES) {
        problems.push(`${name} must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production`);
      }
    }
    if (problems.length > 0) throw new Error(`invalid environment:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  }
  const jwtSecret = env.AUTH_JWT_SECRET ?? (production ? undefined : DEV_SECRET);
  const gatewaySecret = env.AUTH_GATEWAY_SECRET ?? jwtSecret;
  // Unreachable: production requires AUTH_GATEWAY_SECRET, development has the fallback.
  if (!gatewaySecret) throw new Error('invalid environment: AUTH_GATEWAY_SECRET is required');
  return {
    jwtSecret,
    issuer: env.AUTH_JWT_ISSUER,
    audience: env.AUTH_JWT_AUDIENCE,
    maxTokenLifetime: env.AUTH_MAX_TOKEN_LIFETIME ?? DEFAULT_MAX_TOKEN_LIFETIME[production ? 'production' : 'development'],
    jwksUrl: env.AUTH_JWKS_URL,
    gatewaySecret,
    production,
  };
}

export interface AuthSettingsFromEnv {
  /** HS256 key of caller tokens; unset in production when callers come through a JWKS URL. */
  jwtSecret: string | undefined;
  issuer: string;
  audience: string;
  /** Seconds. */
  maxTokenLifetime: number;
  jwksUrl: string | undefined;
  gatewaySecret: string;
  production: boolean;
}

/** `<SUBGRAPH>_DATABASE_URL` overrides `DATABASE_URL` for one subgraph. */
export function databaseUrlFor(subgraph: string, source: Record<string, string | undefined> = process.env) {
  return source[`${subgraph.toUpperCase()}_DATABASE_URL`] || source.DATABASE_URL || undefined;
}
