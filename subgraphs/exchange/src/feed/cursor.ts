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

/**
 * Cursors for a run of events, one per event, cheaply: while consecutive events come from the same
 * outbox only that outbox's position changes, so the other positions are encoded once as a
 * base64url prefix (its JSON padded with spaces to a multiple of 3 bytes, so base64 of the whole
 * is base64 of the prefix followed by base64 of the rest) and each event encodes a dozen bytes.
 * `decodeCursor` reads the result like any other cursor.
 */
export class CursorWriter {
  readonly positions: Positions;
  private source: string | null = null;
  private prefix = '';
  private key = '';

  constructor(start: Positions) {
    this.positions = { ...start };
  }

  /** Moves `source` to `position` and returns the cursor that resumes right after it. */
  move(source: string, position: number): string {
    this.positions[source] = position;
    if (source !== this.source) {
      let json = '{"v":1,"p":{';
      for (const [name, at] of Object.entries(this.positions)) if (name !== source) json += `${JSON.stringify(name)}:${at},`;
      json += ' '.repeat((3 - (Buffer.byteLength(json) % 3)) % 3);
      this.prefix = Buffer.from(json).toString('base64url');
      this.key = JSON.stringify(source);
      this.source = source;
    }
    return this.prefix + Buffer.from(`${this.key}:${position}}}`).toString('base64url');
  }
}
