import { badUserInput } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Cursors are opaque to clients: base64url of the sort key(s) of the last row of a page. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => ['string', 'number'].includes(typeof v))) {
      return values;
    }
  } catch {
    // falls through to the error below
  }
  throw badUserInput('after: not a cursor this API issued', { field: 'after', reason: 'INVALID_CURSOR' });
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first', reason: 'OUT_OF_RANGE' });
  }
  return first;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
  cursorOf: (node: T) => string;
  hasPreviousPage: boolean;
}

/**
 * Shapes a keyset page: the data function fetches `size + 1` rows so that the extra row tells
 * whether another page exists without a second query.
 */
export function toPage<T>(
  rows: T[],
  size: number,
  options: { after: boolean; cursorOf: (node: T) => string; totalCount: () => Promise<number> },
): Page<T> {
  return {
    nodes: rows.slice(0, size),
    hasNextPage: rows.length > size,
    hasPreviousPage: options.after,
    cursorOf: options.cursorOf,
    totalCount: options.totalCount,
  };
}
