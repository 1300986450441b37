import { bearerToken, type TokenVerifier } from './auth/tokens.ts';
import type { RouteHandler } from './http.ts';
import { sendJson } from './http.ts';

/** Largest page a bulk route serves: a page is held in memory once on each side. */
export const MAX_BULK_PAGE = 10_000;

/** One page of a bulk route: rows in key order and the key to ask `after` next (null: the end). */
export interface BulkPage<Row> {
  rows: Row[];
  next: string | null;
}

/** What a bulk page reader is asked: rows with a key strictly greater than `after`, at most `limit`. */
export interface BulkPageRequest {
  after: string | null;
  limit: number;
}

/**
 * A service-only bulk route (`GET /bulk/<name>?after=<key>&limit=<n>`): the records of one kind in
 * key order, as the platform audience sees them, for the exchange's snapshot export. Never in the
 * supergraph and answered only to tokens with role `service` (as `/outbox`): what a page holds is
 * decided by the subgraph's reader, never by a parameter of the caller.
 */
export function bulkRoute<Row>(
  verify: TokenVerifier,
  read: (request: BulkPageRequest) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): RouteHandler {
  return async (request, response) => {
    const token = bearerToken(request.headers.authorization);
    const caller = token ? await verify(token).catch(() => null) : null;
    if (!caller) return sendJson(response, 401, { error: 'a service token is required (需要服务令牌)' });
    if (caller.role !== 'service') return sendJson(response, 403, { error: 'bulk pages are read by hub services only (仅限服务)' });
    const url = new URL(request.url ?? '/', 'http://localhost');
    const after = url.searchParams.get('after') || null;
    const limitText = url.searchParams.get('limit') ?? '1000';
    const limit = /^\d{1,6}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= MAX_BULK_PAGE) || (after !== null && after.length > 200)) {
      return sendJson(response, 400, { error: `bad after or limit (1–${MAX_BULK_PAGE}) (参数错误)` });
    }
    let rows: Row[];
    try {
      rows = await read({ after, limit });
    } catch {
      // The driver's message may carry SQL: the caller learns only that the page failed.
      return sendJson(response, 500, { error: 'the bulk page could not be read (读取失败)' });
    }
    const last = rows.at(-1);
    const page: BulkPage<Row> = { rows, next: rows.length === limit && last ? keyOf(last) : null };
    sendJson(response, 200, page);
  };
}
