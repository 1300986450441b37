import { bearerToken, type TokenVerifier } from './auth/tokens.ts';
import type { RouteHandler } from './http.ts';
import { sendJson } from './http.ts';

/** Largest page a bulk route serves: a page is held in memory once on each side. */
export const MAX_BULK_PAGE = 10_000;

/**
 * Rows in columns: the names once, then each row as its values in that order. A million-row
 * export would otherwise serialise and parse every field name a million times (about half the
 * bytes of a penalty page), and build an object per row on both sides.
 */
export interface BulkRows {
  columns: readonly string[];
  rows: unknown[][];
}

/** One page of a bulk route: rows in key order and the key to ask `after` next (null: the end). */
export interface BulkPage extends BulkRows {
  next: string | null;
}

/** What a bulk page reader is asked: rows with a key strictly greater than `after`, at most `limit`. */
export interface BulkPageRequest {
  after: string | null;
  limit: number;
}

/** Records as bulk rows: for readers whose records are objects (few rows, or nested values). */
export function bulkRowsOf<Record extends object>(columns: readonly (keyof Record & string)[], records: readonly Record[]): BulkRows {
  return { columns, rows: records.map((record) => columns.map((column) => record[column])) };
}

/** A page's rows as objects keyed by column name: for readers of the route with few rows. */
export function bulkRecords<Record>(page: BulkRows): Record[] {
  return page.rows.map((row) => Object.fromEntries(page.columns.map((column, index) => [column, row[index]])) as Record);
}

/**
 * A service-only bulk route (`GET /bulk/<name>?after=<key>&limit=<n>`): the records of one kind in
 * key order, as the platform audience sees them, for the exchange's snapshot export. Never in the
 * supergraph and answered only to tokens with role `service` (as `/outbox`): what a page holds is
 * decided by the subgraph's reader, never by a parameter of the caller. `key` names the column
 * whose last value is the next page's `after`.
 */
export function bulkRoute(verify: TokenVerifier, read: (request: BulkPageRequest) => Promise<BulkRows>, key: string): RouteHandler {
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
    let rows: BulkRows;
    try {
      rows = await read({ after, limit });
    } catch {
      // The driver's message may carry SQL: the caller learns only that the page failed.
      return sendJson(response, 500, { error: 'the bulk page could not be read (读取失败)' });
    }
    const last = rows.rows.at(-1);
    const keyAt = rows.columns.indexOf(key);
    if (keyAt < 0) throw new Error(`bulk rows lack their key column ${key}`);
    const page: BulkPage = {
      columns: rows.columns,
      rows: rows.rows,
      next: rows.rows.length === limit && last ? String(last[keyAt]) : null,
    };
    sendJson(response, 200, page);
  };
}
