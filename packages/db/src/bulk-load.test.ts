import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInChunks, textArrayLiteral } from './bulk-insert.ts';
import { bulkLoad, DEFERRED_INDEX_LOAD, vacuumOwnTables, writeBehind } from './bulk-load.ts';
import type { TestDatabase } from './database.ts';
import { openTestDatabase, testDatabaseKinds } from './test-databases.ts';

const things = pgTable('things', { id: integer('id').primaryKey(), label: text('label').notNull(), tags: text('tags').array() });
const rowsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows);
const migrationsFolder = fileURLToPath(new URL('../test-fixtures/migrations', import.meta.url));

describe.each(testDatabaseKinds())('bulk loads (%s)', (kind) => {
  let database: TestDatabase<{ things: typeof things }>;
  beforeAll(async () => {
    database = await openTestDatabase(kind, { schemaName: 'bulk_fixture', schema: { things }, migrationsFolder });
    await database.db.execute(sql`create index things_label_idx on things (label)`);
  });
  afterAll(() => database?.close());

  const indexes = async (db = database.db) => {
    const result = await db.execute(
      sql`select indexname from pg_indexes where schemaname = current_schema() and tablename = 'things' order by 1`,
    );
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows).map((row) => (row as { indexname: string }).indexname);
  };
  const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i, label: `第${from + i}号` }));

  it('drops the secondary indexes of a large first load and builds them after the rows, keeping unique ones', async () => {
    const seen: { deferred: boolean; indexes: string[] }[] = [];
    const deferred = await bulkLoad(database.db, [things], DEFERRED_INDEX_LOAD, async (tx, isDeferred) => {
      seen.push({ deferred: isDeferred, indexes: await indexes(tx) });
      await insertInChunks(tx, things, rows(0, 100), { copy: true });
    });
    expect(deferred).toBe(true);
    expect(seen).toEqual([{ deferred: true, indexes: ['things_pkey'] }]);
    expect(await indexes()).toEqual(['things_label_idx', 'things_pkey']);
    await vacuumOwnTables(database.db);
    // Vacuumed: the pages are marked all-visible, which index-only scans need.
    const [visible] = rowsOf(await database.db.execute(sql`select relallvisible from pg_class where oid = 'things'::regclass`));
    expect(Number((visible as { relallvisible: number }).relallvisible)).toBeGreaterThan(0);
  });

  it('keeps every index live for small loads and for tables that already hold rows', async () => {
    for (const expected of [10, DEFERRED_INDEX_LOAD]) {
      const deferred = await bulkLoad(database.db, [things], expected, async (db, isDeferred) => {
        expect(isDeferred).toBe(false);
        expect(await indexes(db)).toEqual(['things_label_idx', 'things_pkey']);
      });
      expect(deferred).toBe(false);
    }
    await database.db.delete(things);
  });

  it('leaves the tables empty and every index in place when the load fails', async () => {
    const failing = bulkLoad(database.db, [things], DEFERRED_INDEX_LOAD, async (tx) => {
      await insertInChunks(tx, things, rows(0, 10));
      throw new Error('load interrupted');
    });
    await expect(failing).rejects.toThrow('load interrupted');
    expect(await indexes()).toEqual(['things_label_idx', 'things_pkey']);
    expect(await database.db.select().from(things)).toEqual([]);
  });

  it('can defer the primary key and unique indexes too, and fails the whole load on a duplicate', async () => {
    await database.db.execute(sql`create unique index things_label_key on things (label)`);
    try {
      const seen: string[][] = [];
      await bulkLoad(
        database.db,
        [things],
        DEFERRED_INDEX_LOAD,
        async (tx) => {
          seen.push(await indexes(tx));
          await insertInChunks(tx, things, rows(0, 100), { copy: true });
        },
        { uniqueKeys: 'deferred' },
      );
      expect(seen).toEqual([[]]);
      expect(await indexes()).toEqual(['things_label_idx', 'things_label_key', 'things_pkey']);
      // The restored key is the primary key again (not merely a unique index).
      const key = await database.db.execute(
        sql`select contype from pg_constraint where conrelid = 'things'::regclass and conname = 'things_pkey'`,
      );
      expect((Array.isArray(key) ? key : (key as { rows: unknown[] }).rows).map((row) => (row as { contype: string }).contype)).toEqual([
        'p',
      ]);
      await expect(database.db.insert(things).values({ id: 5, label: 'again' })).rejects.toThrow();
      await database.db.delete(things);

      const duplicated = bulkLoad(
        database.db,
        [things],
        DEFERRED_INDEX_LOAD,
        async (tx) => {
          await insertInChunks(tx, things, [...rows(0, 10), ...rows(5, 1)], { copy: true });
        },
        { uniqueKeys: 'deferred' },
      );
      await expect(duplicated).rejects.toThrow();
      expect(await indexes()).toEqual(['things_label_idx', 'things_label_key', 'things_pkey']);
      expect(await database.db.select().from(things)).toEqual([]);
    } finally {
      await database.db.execute(sql`drop index things_label_key`);
    }
  });

  it('copies text arrays exactly, whatever their elements hold', async () => {
    const awkward: string[][] = [[], ['晋丰', '晋'], ['a,b', '{c}', 'say "hi"', 'back\\slash', 'tab\tand\nline', 'NULL', '', ' x ']];
    // The literal COPY is given is drizzle's own, element for element (a null element too, which
    // drizzle's reading of text[] then returns as the string NULL: not round-tripped below).
    for (const tags of [...awkward, ['x', null, 'y']]) expect(textArrayLiteral(tags)).toBe(things.tags.mapToDriverValue(tags));
    await database.db.delete(things);
    await insertInChunks(
      database.db,
      things,
      awkward.map((tags, id) => ({ id, label: `第${id}号`, tags })),
      { copy: true },
    );
    const stored = await database.db.select().from(things).orderBy(things.id);
    expect(stored.map((row) => row.tags)).toEqual(awkward);
    await database.db.delete(things);
  });

  it('stores batches in order while the next is prepared, and reports a failed write', async () => {
    const writer = writeBehind();
    const order: number[] = [];
    let release: () => void = () => {};
    const first = new Promise<void>((resolve) => {
      release = resolve;
    });
    await writer.write(async () => {
      await first;
      order.push(1);
    });
    // The first write is still running: write returned without waiting for it.
    order.push(0);
    const second = writer.write(async () => {
      order.push(2);
      throw new Error('disk full');
    });
    release();
    await second;
    await expect(writer.drain()).rejects.toThrow('disk full');
    expect(order).toEqual([0, 1, 2]);
  });
});
