import { mintToken } from './auth/tokens.ts';

export interface TokenSourceOptions {
  secret: string;
  issuer: string;
  audience: string;
  sub: string;
  role: string;
  /** Seconds each minted token lives; a new one is minted when half of that has passed. */
  ttlSeconds: number;
}

/**
 * A short-lived internal token, minted again before it expires rather than per request: the
 * gateway's token for anonymous callers and a service's token for reading another subgraph.
 */
export function createTokenSource(options: TokenSourceOptions): () => Promise<string> {
  let current: { token: Promise<string>; renewAt: number } | undefined;
  return () => {
    const now = Date.now();
    if (!current || now >= current.renewAt) {
      const { ttlSeconds, ...claims } = options;
      current = { token: mintToken({ ...claims, expiresIn: ttlSeconds }), renewAt: now + (ttlSeconds * 1000) / 2 };
    }
    return current.token;
  };
}
