import { badUserInput } from '@credit-hub/subgraph-kit';
import { z } from 'zod';

/** Each outbox's position: the feed's opaque cursor is this, as base64url JSON. */
export type Positions = Record<string, number>;

const shape = z.object({ v: z.literal(1), p: z.record(z.string().max(32), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)) });

export function encodeCursor(positions: Positions): string {
  return Buffer.from(JSON.stringify({ v: 1, p: positions })).toString('base64url');
}

/** A cursor from a client: empty or absent starts at the beginning; anything malformed is BAD_USER_INPUT. */
export function decodeCursor(cursor: string | null | undefined, field = 'after'): Positions {
  if (!cursor) return {};
  const invalid = () => badUserInput(`${field}: not a cursor this feed issued (游标无效)`, { field, reason: 'INVALID_CURSOR' });
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  try {
    const parsed = shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success) throw invalid();
    return parsed.data.p;
  } catch {
    throw invalid();
  }
}
