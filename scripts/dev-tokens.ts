import { authEnvShape, authSettingsFromEnv, mintToken, parseEnv } from '@credit-hub/subgraph-kit';

export interface TokenRequest {
  role: 'regulator' | 'analyst' | 'platform' | 'admin' | 'department';
  sub?: string;
  dept?: string;
  region?: string;
  scope?: string;
  /** Seconds; dev tokens default to 12 hours. */
  expiresIn?: number;
}

/** Mints an HS256 token with the development settings (AUTH_JWT_SECRET / AUTH_JWT_ISSUER). */
export function mintDevToken(request: TokenRequest, source: Record<string, string | undefined> = process.env): Promise<string> {
  const settings = authSettingsFromEnv(parseEnv(authEnvShape, source));
  return mintToken({
    secret: settings.jwtSecret,
    issuer: settings.issuer,
    sub: request.sub ?? `dev-${request.role}`,
    role: request.role,
    dept: request.dept,
    region: request.region,
    scope: request.scope,
    expiresIn: request.expiresIn ?? 12 * 3600,
  });
}

/** The tokens `npm start` prints: one per role, regulators of a province and of a city. */
export const DEMO_TOKENS: { label: string; request: TokenRequest }[] = [
  { label: 'regulator, Shanxi province, registration dept (DJZC)', request: { role: 'regulator', region: '140000', dept: 'DJZC' } },
  { label: 'regulator, Yuncheng city, enforcement dept (ZFJC)', request: { role: 'regulator', region: '140800', dept: 'ZFJC' } },
  { label: 'regulator, Shanxi province, special-equipment dept (TSSB)', request: { role: 'regulator', region: '140000', dept: 'TSSB' } },
  { label: 'analyst (read-only, everything)', request: { role: 'analyst' } },
  { label: 'platform (provincial credit platform)', request: { role: 'platform' } },
  { label: 'admin', request: { role: 'admin' } },
];
