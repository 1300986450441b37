import { type BulkPage, type BulkRows, createHubClient, subgraphUnavailable } from '@credit-hub/subgraph-kit';

export type Url = string | (() => string);
const resolve = (url: Url) => (typeof url === 'function' ? url() : url);

/**
 * Reads a subgraph's service-only bulk route (`/bulk/<name>`) page by page in key order, yielding
 * each page (column names and rows of values) as it comes: memory holds one page, whatever the
 * size of the export.
 */
export async function* readBulkPages(options: {
  subgraph: string;
  graphqlUrl: Url;
  route: string;
  token: () => Promise<string>;
  pageSize: number;
  timeoutMs: number;
}): AsyncGenerator<BulkRows> {
  let after: string | null = null;
  for (;;) {
    const base = resolve(options.graphqlUrl).replace(/\/graphql$/, '');
    const params = new URLSearchParams({ limit: String(options.pageSize) });
    if (after !== null) params.set('after', after);
    let page: BulkPage;
    try {
      const response = await fetch(`${base}/bulk/${options.route}?${params}`, {
        headers: { authorization: `Bearer ${await options.token()}` },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) throw new Error(`bulk page answered ${response.status}`);
      page = (await response.json()) as BulkPage;
    } catch {
      throw subgraphUnavailable(options.subgraph);
    }
    if (page.rows.length > 0) yield page;
    if (page.next === null) return;
    after = page.next;
  }
}

/**
 * Hands out the items of `source` while already waiting for the next one: the exchange writes a
 * page while the owning subgraph reads, serialises and sends the one after it, instead of both
 * taking turns. Memory holds at most two items.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let pending = source.next();
  try {
    for (;;) {
      const result = await pending;
      if (result.done) return;
      pending = source.next();
      // Its failure is met at the next `await pending`; until then it must not count as unhandled.
      pending.catch(() => {});
      yield result.value;
    }
  } finally {
    await source.return?.();
  }
}

/**
 * One job's party lookups with the answers kept: an export meets the same enterprises page after
 * page (one holds many licences or penalties), and asks the enterprises subgraph once for each.
 * At most `limit` parties are kept (oldest dropped first), so memory stays bounded however many
 * distinct enterprises an export meets.
 */
export function cachedParties(lookup: (usccs: Iterable<string>) => Promise<Map<string, Party>>, limit = 100_000) {
  const known = new Map<string, Party | null>();
  return async (usccs: Iterable<string>): Promise<Map<string, Party>> => {
    const wanted = [...new Set(usccs)];
    const missing = wanted.filter((uscc) => !known.has(uscc));
    if (missing.length > 0) {
      const found = await lookup(missing);
      for (const uscc of missing) {
        if (known.size >= limit) known.delete(known.keys().next().value as string);
        known.set(uscc, found.get(uscc) ?? null);
      }
    }
    const parties = new Map<string, Party>();
    for (const uscc of wanted) {
      const party = known.get(uscc);
      if (party) parties.set(uscc, party);
    }
    return parties;
  };
}

/** The enterprises subgraph's batch lookup takes up to 500 codes. */
const LOOKUP_BATCH = 500;
const PARTIES_QUERY = 'query($usccs: [String!]!) { enterprises(usccs: $usccs) { uscc name legalRepresentative } }';

export interface Party {
  name: string;
  legalRepresentative: string | null;
}

/** Name and legal representative per USCC, from the enterprises subgraph (one request per page of records). */
export function partyLookup(options: { graphqlUrl: Url; token: () => Promise<string>; timeoutMs: number }) {
  const call = createHubClient({
    url: () => resolve(options.graphqlUrl),
    token: options.token,
    timeoutMs: options.timeoutMs,
    purpose: 'reading parties',
  });
  return async (usccs: Iterable<string>): Promise<Map<string, Party>> => {
    const unique = [...new Set(usccs)];
    const batches: string[][] = [];
    for (let index = 0; index < unique.length; index += LOOKUP_BATCH) batches.push(unique.slice(index, index + LOOKUP_BATCH));
    // The batches of one page go together: one round trip's wait per page, not one per 500 codes.
    const answers = await Promise.all(
      batches.map(
        (batch) =>
          call(PARTIES_QUERY, { usccs: batch }) as Promise<{
            data: { enterprises: ({ uscc: string; name: string; legalRepresentative: string | null } | null)[] };
          }>,
      ),
    );
    const parties = new Map<string, Party>();
    for (const body of answers) for (const enterprise of body.data.enterprises) if (enterprise) parties.set(enterprise.uscc, enterprise);
    return parties;
  };
}
