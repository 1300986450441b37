import { badUserInput } from './errors.ts';
import { MAX_RECORD_ID } from './ids.ts';
import { checkText, TEXT } from './input-bounds.ts';
import { parseDate } from './scalars.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Cursors are opaque to clients: base64url of the sort key(s) of the last row of a page. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What each position of a cursor holds: free text (a code, a number), a calendar date, or a record id. */
export type CursorPart = 'text' | 'date' | 'id';
type CursorValues<TParts extends readonly CursorPart[]> = { [K in keyof TParts]: TParts[K] extends 'id' ? number : string };

/** Longest cursor this API issues is far below this; anything longer was not issued by it. */
const MAX_CURSOR_LENGTH = 512;

const isDate = (value: string): boolean => {
  try {
    return parseDate(value) === value;
  } catch {
    return false;
  }
};

const partIsValid = (part: CursorPart, value: unknown): boolean =>
  part === 'id'
    ? typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RECORD_ID
    : typeof value === 'string' && (part === 'date' ? isDate(value) : value !== '' && checkText(value, TEXT.code) === null);

/**
 * Decodes a cursor into the sort key `parts` describe, or throws BAD_USER_INPUT naming `field`:
 * a garbage, truncated, oversized or edited cursor never reaches SQL as a wrong-typed parameter.
 */
export function decodeCursor<const TParts extends readonly CursorPart[]>(
  cursor: string,
  parts: TParts,
  field = 'after',
): CursorValues<TParts> {
  if (cursor.length <= MAX_CURSOR_LENGTH) {
    try {
      const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(values) && values.length === parts.length && parts.every((part, index) => partIsValid(part, values[index]))) {
        return values as CursorValues<TParts>;
      }
    } catch {
      // falls through to the error below
    }
  }
  throw badUserInput(`${field}: not a cursor this API issued (无效的分页游标)`, { field, reason: 'INVALID_CURSOR' });
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
