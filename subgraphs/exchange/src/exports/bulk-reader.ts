import { type BulkPage, createHubClient, subgraphUnavailable } from '@credit-hub/subgraph-kit';

export type Url = string | (() => string);
const resolve = (url: Url) => (typeof url === 'function' ? url() : url);

/**
 * Reads a subgraph's service-only bulk route (`/bulk/<name>`) page by page in key order, yielding
 * each page as it comes: memory holds one page, whatever the size of the export.
 */
export async function* readBulkPages<Row>(options: {
  subgraph: string;
  graphqlUrl: Url;
  route: string;
  token: () => Promise<string>;
  pageSize: number;
  timeoutMs: number;
}): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const base = resolve(options.graphqlUrl).replace(/\/graphql$/, '');
    const params = new URLSearchParams({ limit: String(options.pageSize) });
    if (after !== null) params.set('after', after);
    let page: BulkPage<Row>;
    try {
      const response = await fetch(`${base}/bulk/${options.route}?${params}`, {
        headers: { authorization: `Bearer ${await options.token()}` },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (!response.ok) throw new Error(`bulk page answered ${response.status}`);
      page = (await response.json()) as BulkPage<Row>;
    } catch {
      throw subgraphUnavailable(options.subgraph);
    }
    if (page.rows.length > 0) yield page.rows;
    if (page.next === null) return;
    after = page.next;
  }
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
    const parties = new Map<string, Party>();
    for (let index = 0; index < unique.length; index += LOOKUP_BATCH) {
      const body = (await call(PARTIES_QUERY, { usccs: unique.slice(index, index + LOOKUP_BATCH) })) as {
        data: { enterprises: ({ uscc: string; name: string; legalRepresentative: string | null } | null)[] };
      };
      for (const enterprise of body.data.enterprises) if (enterprise) parties.set(enterprise.uscc, enterprise);
    }
    return parties;
  };
}
