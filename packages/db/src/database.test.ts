import { fileURLToPath } from 'node:url';
import { eq, like, sql } from 'drizzle-orm';
import { date, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInChunks, insertRows } from './bulk-insert.ts';
import type { TestDatabase } from './database.ts';
import { anyOfKeys, preparedPerDatabase } from './prepared.ts';
import { selectValues } from './select-values.ts';
import { openTestDatabase, testDatabaseKinds } from './test-databases.ts';

const things = pgTable('things', { id: integer('id').primaryKey(), label: text('label').notNull(), tags: text('tags').array() });
const notes = pgTable(
  'notes',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    kind: text('kind').notNull().default('note'),
    payload: jsonb('payload'),
    amount: numeric('amount', { precision: 16, scale: 2, mode: 'string' }),
    on: date('on', { mode: 'string' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    tags: text('tags').array(),
  },
  (table) => [uniqueIndex('notes_key_idx').on(table.key)],
);
const migrationsFolder = fileURLToPath(new URL('../test-fixtures/migrations', import.meta.url));

describe.each(testDatabaseKinds())('database factory (%s)', (kind) => {
  let database: TestDatabase<{ things: typeof things; notes: typeof notes }>;
  beforeAll(async () => {
    database = await openTestDatabase(kind, { schemaName: 'fixture', schema: { things, notes }, migrationsFolder });
  });
  afterAll(() => database?.close());

  it('applies migrations inside the subgraph schema', async () => {
    const result = await database.db.execute(sql`select current_schema() as schema`);
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    expect((rows[0] as { schema: string }).schema).toBe(database.schemaName);
  });

  it('looks keys up with one prepared statement whatever the number of keys', async () => {
    const byId = preparedPerDatabase((db: typeof database.db) =>
      db.select().from(things).where(anyOfKeys(things.id)).orderBy(things.id).prepare('things_by_id'),
    );
    await insertInChunks(database.db, things, [
      { id: 900_001, label: '甲' },
      { id: 900_002, label: '乙' },
    ]);
    const { result, statements } = await database.statements.measure(async () => [
      await byId(database.db).execute({ keys: [900_002] }),
      await byId(database.db).execute({ keys: [900_001, 900_002, 42_424_242] }),
    ]);
    expect(result.map((rows) => rows.map((row) => row.label))).toEqual([['乙'], ['甲', '乙']]);
    expect(new Set(statements).size).toBe(1);
    expect(byId(database.db)).toBe(byId(database.db));
    await database.db.delete(things).where(sql`${things.id} > 900000`);
  });

  it('bulk-inserts in few statements and counts them', async () => {
    const rows = Array.from({ length: 25_000 }, (_, id) => ({ id, label: `第${id}号`, tags: id % 2 ? ['甲', 'b'] : [] }));
    const { statements } = await database.statements.measure(() => insertInChunks(database.db, things, rows, { copy: true }));
    // PostgreSQL: one COPY stream; PGlite: one insertRows statement per 10 000 rows.
    expect(statements.length).toBe(kind === 'postgres' ? 1 : 3);
    const [row] = await database.db.select().from(things).where(sql`${things.id} = 7`);
    expect(row).toEqual({ id: 7, label: '第7号', tags: ['甲', 'b'] });
    await insertInChunks(database.db, things, rows.slice(0, 10), { onConflictDoNothing: true });
    const [{ total }] = (await database.db.select({ total: sql<number>`count(*)::int` }).from(things)) as [{ total: number }];
    expect(total).toBe(25_000);
    await database.db.delete(things);
  });

  it('bulk-inserts any text, arrays and nulls unchanged, skipping conflicts inside a transaction too', async () => {
    const awkward = [
      { id: 1, label: 'tab\there, line\nbreak, cr\r, back\\slash \\N', tags: ['with "quotes"', 'back\\slash', 'a,b', '{x}', 'NULL', ''] },
      { id: 2, label: '\\N', tags: null },
      { id: 3, label: '企业', tags: [] },
    ];
    await insertInChunks(database.db, things, awkward, { copy: true });
    await database.db.transaction(async (tx) => {
      const { statements } = await database.statements.measure(() =>
        insertInChunks(tx, things, [{ id: 6, label: 'in a transaction' }], { copy: true }),
      );
      if (kind === 'postgres') expect(statements[0]).toMatch(/^copy /);
      await tx.delete(things).where(sql`${things.id} = 6`);
      await insertInChunks(
        tx,
        things,
        [
          { id: 3, label: 'duplicate' },
          { id: 4, label: 'new' },
        ],
        { onConflictDoNothing: true },
      );
      await insertInChunks(
        tx,
        things,
        [
          { id: 4, label: 'again' },
          { id: 5, label: 'newer' },
        ],
        { onConflictDoNothing: true },
      );
    });
    // A row the server refuses fails the whole insert, and the error reaches the caller (without
    // `copy`: see insertInChunks for why COPY is kept to loads of rows known to fit).
    await expect(
      insertInChunks(database.db, things, [
        { id: 7, label: 'fine' },
        { id: 1, label: 'taken' },
      ]),
    ).rejects.toThrow();
    const stored = await database.db.select().from(things).orderBy(things.id);
    expect(stored).toEqual([...awkward, { id: 4, label: 'new', tags: null }, { id: 5, label: 'newer', tags: null }]);
    await database.db.delete(things);
  });

  it('inserts a batch as one array parameter per column and answers the rows as drizzle reads them', async () => {
    const rows = [
      { key: 'a', payload: { 名称: '甲', list: [1, 2], nested: { ok: true } }, amount: '12.50', on: '2026-10-01', tags: ['x', '乙'] },
      { key: 'b', kind: 'warning', payload: '"plain"', amount: null, on: null },
      { key: 'c', payload: null, at: new Date('2026-01-02T03:04:05Z') },
    ];
    // A string in a jsonb column is stored as drizzle's own insert stores it (its JSON text):
    // what drizzle then reads back differs by driver, so the reference is drizzle's own round trip.
    const [reference] = await database.db.insert(notes).values({ key: 'reference', payload: '"plain"' }).returning();
    await database.db.delete(notes).where(eq(notes.key, 'reference'));
    const { result: inserted, statements } = await database.statements.measure(() => insertRows(database.db, notes, rows));
    // Rows that leave out a defaulted column (kind, at) and rows that give it go in separate statements.
    expect(statements.length).toBe(3);
    const read = await database.db.select().from(notes).orderBy(notes.key);
    expect([...inserted].sort((x, y) => x.key.localeCompare(y.key))).toEqual(read);
    expect(read.map(({ key, kind, payload, amount, on, tags }) => ({ key, kind, payload, amount, on, tags }))).toEqual([
      {
        key: 'a',
        kind: 'note',
        payload: { 名称: '甲', list: [1, 2], nested: { ok: true } },
        amount: '12.50',
        on: '2026-10-01',
        tags: ['x', '乙'],
      },
      { key: 'b', kind: 'warning', payload: reference?.payload, amount: null, on: null, tags: null },
      { key: 'c', kind: 'note', payload: null, amount: null, on: null, tags: null },
    ]);
    expect(read[2]?.at).toEqual(new Date('2026-01-02T03:04:05Z'));
    expect(read[0]?.at).toBeInstanceOf(Date);

    // A conflict on the target skips the row; the answer holds only the rows inserted.
    const again = await insertRows(database.db, notes, [{ key: 'a' }, { key: 'd' }], { onConflictDoNothing: [notes.key] });
    expect(again.map((row) => row.key)).toEqual(['d']);
    await expect(insertRows(database.db, notes, [{ key: 'a' }])).rejects.toThrow();
    expect(await database.db.$count(notes)).toBe(4);

    // Only the columns asked for come back (an event's id, not its payload).
    const named = await insertRows(database.db, notes, [{ key: 'e', payload: { big: 'x'.repeat(1000) } }], { returning: [notes.key] });
    expect(named).toEqual([{ key: 'e' }]);
    expect((await database.db.select().from(notes).where(eq(notes.key, 'e')))[0]?.payload).toEqual({ big: 'x'.repeat(1000) });
  });
  it('inserts any text, arrays, JSON and nulls unchanged through the array parameters', async () => {
    const awkward = [
      {
        id: 11,
        label: 'quote " back\\slash \\N, comma {brace} tab\t line\n NULL',
        tags: ['with "quotes"', 'back\\slash', 'a,b', '{x}', 'NULL', 'null', '', ' spaced '],
      },
      { id: 12, label: 'NULL', tags: ['乙'] },
      { id: 13, label: '', tags: [] },
      { id: 14, label: '企业', tags: null },
    ];
    await insertRows(database.db, things, awkward);
    const read = await database.db.select().from(things).where(sql`${things.id} between 11 and 14`).orderBy(things.id);
    expect(read).toEqual(awkward);
    const json = [
      { key: 'json-1', payload: { text: '引号" \\ {a,b} NULL', list: [null, 1.5, 'x'] } },
      { key: 'json-3', payload: [1, { n: null }] },
      { key: 'json-4', payload: 0 },
    ];
    await insertRows(database.db, notes, json);
    const notesRead = await database.db
      .select({ key: notes.key, payload: notes.payload })
      .from(notes)
      .where(like(notes.key, 'json-%'))
      .orderBy(notes.key);
    expect(notesRead).toEqual(json);
    await database.db.delete(things).where(sql`${things.id} between 11 and 14`);
    await database.db.delete(notes).where(like(notes.key, 'json-%'));
  });

  it('selects rows as arrays of values, each parsed as the object rows parse it', async () => {
    await database.db
      .insert(notes)
      .values([{ key: 'values-1', amount: '45012.50', on: '2026-03-05', tags: ['FINE', '含,逗号'] }, { key: 'values-2' }]);
    const query = database.db
      .select({ key: notes.key, amount: notes.amount, on: notes.on, tags: notes.tags, kind: notes.kind })
      .from(notes)
      .where(like(notes.key, 'values-%'))
      .orderBy(notes.key);
    const objects = await query;
    const values = await selectValues(database.db, query, 'values-of-notes');
    expect(values).toEqual([
      ['values-1', '45012.50', '2026-03-05', ['FINE', '含,逗号'], 'note'],
      ['values-2', null, null, null, 'note'],
    ]);
    expect(values).toEqual(objects.map((row) => Object.values(row)));
    // Prepared: the same statement again reads the same rows.
    expect(await selectValues(database.db, query, 'values-of-notes')).toEqual(values);
  });
});
