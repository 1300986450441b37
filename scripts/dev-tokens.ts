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

/**
 * Mints an HS256 token with the development settings (AUTH_JWT_SECRET / AUTH_JWT_ISSUER /
 * AUTH_JWT_AUDIENCE). Refused in production mode: there, tokens come from the identity provider.
 */
export function mintDevToken(request: TokenRequest, source: Record<string, string | undefined> = process.env): Promise<string> {
  const settings = authSettingsFromEnv(parseEnv(authEnvShape, source));
  if (settings.production) throw new Error('development tokens are not minted in production mode');
  if (!settings.jwtSecret) throw new Error('AUTH_JWT_SECRET is required to mint a development token');
  const expiresIn = request.expiresIn ?? 12 * 3600;
  if (expiresIn > settings.maxTokenLifetime) {
    throw new Error(`a token may live at most ${settings.maxTokenLifetime} s (AUTH_MAX_TOKEN_LIFETIME)`);
  }
  return mintToken({
    secret: settings.jwtSecret,
    issuer: settings.issuer,
    audience: settings.audience,
    sub: request.sub ?? `dev-${request.role}`,
    role: request.role,
    dept: request.dept,
    region: request.region,
    scope: request.scope,
    expiresIn,
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
