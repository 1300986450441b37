import {
  type Audience,
  authSettingsFromEnv,
  createTokenSource,
  type FeedEvent,
  type OutboxPage,
  serviceIssuer,
  subgraphUnavailable,
} from '@credit-hub/subgraph-kit';
import type { ExchangeEnv } from '../env.ts';

/** Subgraphs with an outbox, in the order their events are merged when they share a timestamp. */
export const SOURCE_NAMES = ['enterprises', 'licenses', 'sanctions', 'inspections', 'risk'] as const;

export interface ReadFilter {
  audiences: readonly Audience[];
  restrictedRegionPrefix: string | null;
  kinds: readonly string[] | null;
  regionPrefix: string | null;
}

export interface OutboxSource {
  name: string;
  read(after: number, first: number, filter: ReadFilter): Promise<OutboxPage>;
}

/** A subgraph's `/outbox` route, read with the exchange's service token. */
export function remoteSource(
  name: string,
  graphqlUrl: string | (() => string),
  token: () => Promise<string>,
  timeoutMs: number,
): OutboxSource {
  return {
    name,
    async read(after, first, filter) {
      const base = (typeof graphqlUrl === 'function' ? graphqlUrl() : graphqlUrl).replace(/\/graphql$/, '');
      const params = new URLSearchParams({ after: String(after), first: String(first), audiences: filter.audiences.join(',') });
      if (filter.kinds?.length) params.set('kinds', filter.kinds.join(','));
      if (filter.regionPrefix) params.set('regionPrefix', filter.regionPrefix);
      if (filter.restrictedRegionPrefix) params.set('restrictedRegionPrefix', filter.restrictedRegionPrefix);
      try {
        const response = await fetch(`${base}/outbox?${params}`, {
          headers: { authorization: `Bearer ${await token()}` },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!response.ok) throw new Error(`outbox answered ${response.status}`);
        return (await response.json()) as OutboxPage;
      } catch {
        throw subgraphUnavailable(name);
      }
    },
  };
}

export type SourceUrls = Partial<Record<(typeof SOURCE_NAMES)[number], string | (() => string)>>;

/** The configured outboxes (URLs from the environment, or given by the caller: tests, npm start). */
export function sourcesFromEnv(env: ExchangeEnv, urls: SourceUrls = {}): OutboxSource[] {
  const auth = authSettingsFromEnv(env);
  const token = createTokenSource({
    secret: auth.gatewaySecret,
    issuer: serviceIssuer(auth.issuer),
    audience: auth.audience,
    sub: 'service:exchange',
    role: 'service',
    ttlSeconds: 300,
  });
  const configured: Record<(typeof SOURCE_NAMES)[number], string | (() => string)> = {
    enterprises: urls.enterprises ?? env.ENTERPRISES_URL,
    licenses: urls.licenses ?? env.LICENSES_URL,
    sanctions: urls.sanctions ?? env.SANCTIONS_URL,
    inspections: urls.inspections ?? env.INSPECTIONS_URL,
    risk: urls.risk ?? env.RISK_URL,
  };
  return SOURCE_NAMES.map((name) => remoteSource(name, configured[name], token, env.OUTBOX_TIMEOUT_MS));
}

export type { FeedEvent };
