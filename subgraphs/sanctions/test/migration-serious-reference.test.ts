import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDatabaseKinds } from '@credit-hub/db';
import { normalizeDecisionNumber } from '@credit-hub/decision-number';
import { usccFor } from '@credit-hub/seed';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openSanctionsTestDatabase, type SanctionsDatabase } from '../src/db/client.ts';
import { seriousViolations } from '../src/db/schema.ts';

/** 0006_serious_reference_spelling: the rows stored as typed, respelled as the subgraph now stores them. */
const respelling = readFileSync(join(MIGRATIONS_FOLDER, '0006_serious_reference_spelling.sql'), 'utf8');

/** What people type around a decision number: every character normalizeDecisionNumber rewrites, and some it keeps. */
const ALPHABET = [
  ...'运市监严罚号第食药',
  ...'0123456789',
  ...'〔〕[]［］【】〖〗()（）{}<>',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\ufeff',
  '\u200b', // zero-width space: not whitespace to JavaScript's \s, so both keep it
];

/** A small seeded generator (mulberry32), so a failure names texts that come back on the next run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let serial = 0;
const freshUscc = () => usccFor('91', '140802', `MA0PR${String(++serial).padStart(3, '0')}`);

describe.each(testDatabaseKinds())('migration 0006_serious_reference_spelling (%s)', (kind) => {
  let database: SanctionsDatabase;
  beforeAll(async () => {
    database = await openSanctionsTestDatabase(kind);
  });
  afterAll(() => database?.close());

  const insert = (rows: { uscc: string; decisionReference: string | null }[]) =>
    database.db
      .insert(seriousViolations)
      .values(
        rows.map(({ uscc, decisionReference }) => ({
          uscc,
          regionCode: uscc.slice(2, 8),
          department: 'XYJ',
          recordedBy: 'test',
          domain: 'FOOD' as const,
          reason: '从重处罚',
          listedOn: '2025-03-01',
          authority: '运城市市场监督管理局',
          decisionReference,
        })),
      )
      .returning({ id: seriousViolations.id });
  const referencesOf = async (ids: number[]) => {
    const rows = await database.db
      .select({ id: seriousViolations.id, reference: seriousViolations.decisionReference })
      .from(seriousViolations)
      .where(inArray(seriousViolations.id, ids));
    const byId = new Map(rows.map((row) => [row.id, row.reference]));
    return ids.map((id) => byId.get(id));
  };

  it('spells every stored reference exactly as normalizeDecisionNumber does', async () => {
    const random = generator(20261201);
    const typed = [
      '运市监严〔2024〕1号',
      '运市监严[2024]1号',
      ' 运市监严 【2024】 第1号 ',
      '(食药)运市监严（2024）1号',
      '【食药】运市监严〖2024〗1号',
      '运市监严［24］1号',
      '运市监严\u3000〔2024〕\u00a01号',
      '运市监严{2024}1号',
      '\u3000\t',
      ...Array.from({ length: 400 }, () =>
        Array.from({ length: 1 + Math.floor(random() * 16) }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join(''),
      ),
    ];
    // One enterprise each: no two rows can meet under one spelling.
    const ids = (await insert(typed.map((decisionReference) => ({ uscc: freshUscc(), decisionReference })))).map((row) => row.id);
    const [unreferenced] = await insert([{ uscc: freshUscc(), decisionReference: null }]);
    await database.db.execute(sql.raw(respelling));
    expect(await referencesOf(ids)).toEqual(typed.map(normalizeDecisionNumber));
    expect(await referencesOf([unreferenced?.id ?? 0])).toEqual([null]);
  });

  it('leaves two listings of one enterprise that would share a spelling as they were, and respells its others', async () => {
    const uscc = freshUscc();
    const typed = ['晋市监严〔2024〕7号', '晋市监严[2024]7号', '晋市监严(2024)8号', '晋市监严【2024】8号 ', '晋市监严[2024]9号'];
    const ids = (await insert(typed.map((decisionReference) => ({ uscc, decisionReference })))).map((row) => row.id);
    await database.db.execute(sql.raw(respelling));
    expect(await referencesOf(ids)).toEqual([...typed.slice(0, 4), '晋市监严〔2024〕9号']);
    // Run again (a database restored from a dump taken before): nothing more changes.
    await database.db.execute(sql.raw(respelling));
    expect(await referencesOf(ids)).toEqual([...typed.slice(0, 4), '晋市监严〔2024〕9号']);
  });
});
