import {
  type Audience,
  authSettingsFromEnv,
  createTokenSource,
  type FeedEvent,
  type FeedLine,
  type OutboxLinePage,
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
  /** The same page with each event as JSON text, for `/feed` (absent: derived from `read`). */
  readLines?(after: number, first: number, filter: ReadFilter): Promise<OutboxLinePage>;
}

/** `[position,"occurredAt","kind",{event}]`, one line of the kit's `/outbox?format=lines` answer. */
export function parseOutboxLine(line: string): FeedLine {
  const comma = line.indexOf(',');
  const timeEnd = line.indexOf('"', comma + 2);
  const kindEnd = line.indexOf('"', timeEnd + 3);
  return {
    position: Number(line.slice(1, comma)),
    occurredAt: line.slice(comma + 2, timeEnd),
    kind: line.slice(timeEnd + 3, kindEnd),
    json: line.slice(kindEnd + 2, -1),
  };
}

/** A source's lines page from its parsed page (in-memory sources in tests). */
export async function readLinesOf(source: OutboxSource, after: number, first: number, filter: ReadFilter): Promise<OutboxLinePage> {
  if (source.readLines) return source.readLines(after, first, filter);
  const { events, ...state } = await source.read(after, first, filter);
  return {
    ...state,
    lines: events.map((event) => ({
      position: event.position,
      occurredAt: event.occurredAt,
      kind: event.kind,
      json: JSON.stringify(event),
    })),
  };
}

/** A subgraph's `/outbox` route, read with the exchange's service token. */
export function remoteSource(
  name: string,
  graphqlUrl: string | (() => string),
  token: () => Promise<string>,
  timeoutMs: number,
): OutboxSource {
  const request = async (after: number, first: number, filter: ReadFilter, format: 'json' | 'lines') => {
    const base = (typeof graphqlUrl === 'function' ? graphqlUrl() : graphqlUrl).replace(/\/graphql$/, '');
    const params = new URLSearchParams({ after: String(after), first: String(first), audiences: filter.audiences.join(',') });
    if (filter.kinds?.length) params.set('kinds', filter.kinds.join(','));
    if (filter.regionPrefix) params.set('regionPrefix', filter.regionPrefix);
    if (filter.restrictedRegionPrefix) params.set('restrictedRegionPrefix', filter.restrictedRegionPrefix);
    if (format === 'lines') params.set('format', 'lines');
    try {
      const response = await fetch(`${base}/outbox?${params}`, {
        headers: { authorization: `Bearer ${await token()}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`outbox answered ${response.status}`);
      return await response.text();
    } catch {
      throw subgraphUnavailable(name);
    }
  };
  return {
    name,
    async read(after, first, filter) {
      return JSON.parse(await request(after, first, filter, 'json')) as OutboxPage;
    },
    async readLines(after, first, filter) {
      const text = await request(after, first, filter, 'lines');
      const lines = text.split('\n');
      const state = JSON.parse(lines[0] ?? '') as Omit<OutboxLinePage, 'lines'> & { count: number };
      if (lines.length < state.count + 1) throw subgraphUnavailable(name);
      const parsed: FeedLine[] = new Array(state.count);
      for (let i = 0; i < state.count; i++) parsed[i] = parseOutboxLine(lines[i + 1] as string);
      return { head: state.head, scannedThrough: state.scannedThrough, prunedThrough: state.prunedThrough, lines: parsed };
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

export type { FeedEvent, FeedLine };
