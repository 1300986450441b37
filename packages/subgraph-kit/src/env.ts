import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const DEV_SECRET = 'credit-hub-development-secret-do-not-use-in-production';

/** Variables every service reads (README: "Environment variables"). */
export const authEnvShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  AUTH_JWT_SECRET: z.string().min(16).optional(),
  AUTH_JWT_ISSUER: z.string().min(1).default('credit-hub'),
  AUTH_JWKS_URL: z.url().optional(),
  AUTH_GATEWAY_SECRET: z.string().min(16).optional(),
  HOST: z.string().default('127.0.0.1'),
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
  AUTH_JWT_SECRET?: string | undefined;
  AUTH_JWT_ISSUER: string;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_GATEWAY_SECRET?: string | undefined;
}

/** Resolves secrets: a fixed development secret outside production, required in production. */
export function authSettingsFromEnv(env: AuthEnv) {
  const production = env.NODE_ENV === 'production';
  if (production && !env.AUTH_JWKS_URL && !env.AUTH_JWT_SECRET) {
    throw new Error('invalid environment: AUTH_JWKS_URL or AUTH_JWT_SECRET is required in production');
  }
  if (production && !env.AUTH_GATEWAY_SECRET) {
    throw new Error('invalid environment: AUTH_GATEWAY_SECRET is required in production');
  }
  const jwtSecret = env.AUTH_JWT_SECRET ?? DEV_SECRET;
  return {
    jwtSecret,
    issuer: env.AUTH_JWT_ISSUER,
    jwksUrl: env.AUTH_JWKS_URL,
    gatewaySecret: env.AUTH_GATEWAY_SECRET ?? jwtSecret,
  };
}

/** `<SUBGRAPH>_DATABASE_URL` overrides `DATABASE_URL` for one subgraph. */
export function databaseUrlFor(subgraph: string, source: Record<string, string | undefined> = process.env) {
  return source[`${subgraph.toUpperCase()}_DATABASE_URL`] || source.DATABASE_URL || undefined;
}
