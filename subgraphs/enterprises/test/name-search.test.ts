import { testDatabaseKinds } from '@credit-hub/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countEnterprises,
  countEnterprisesQuery,
  estimateEnterprises,
  NAME_SEARCH_COUNT_LIMIT,
  NAME_SEARCH_SORT_LIMIT,
  nameSearchPlan,
  searchEnterprises,
  searchEnterprisesQuery,
  WALK_INDEX_MAX_BYTES,
  walkSearchNames,
} from '../src/data/enterprise-store.ts';
import { fragmentGrams, nameGrams } from '../src/data/name-grams.ts';
import { type EnterprisesTestDatabase, openEnterprisesTestDatabase } from '../src/db/client.ts';
import { seedEnterprises } from '../src/seed.ts';

describe('name grams', () => {
  it('indexes every character and adjacent pair, normalising width and case', () => {
    expect(nameGrams('晋丰Ａb')).toEqual(['晋', '晋丰', '丰', '丰A', 'A', 'AB', 'B']);
    expect(fragmentGrams('食品有限')).toEqual(['食品', '品有', '有限']);
    expect(fragmentGrams('食')).toEqual(['食']);
  });
});

describe.each(testDatabaseKinds())('Chinese name search (%s)', (kind) => {
  let database: EnterprisesTestDatabase;

  beforeAll(async () => {
    database = await openEnterprisesTestDatabase(kind);
    await seedEnterprises(database.db, 15_000, { referenceDate: '2026-11-21' });
    // Vacuumed as the seed leaves it: the visibility map lets the walk read the index alone.
    await database.db.execute(sql`vacuum (analyze) enterprises`);
  });
  afterAll(() => database?.close());

  async function explain(query: { sql: string; params: unknown[] }): Promise<string> {
    const plan = await database.db.execute(
      sql.raw(`explain ${query.sql.replace(/\$(\d+)/g, (_, n) => literal(query.params[Number(n) - 1]))}`),
    );
    return (Array.isArray(plan) ? plan : (plan as { rows: unknown[] }).rows).map((row) => Object.values(row as object)[0]).join('\n');
  }

  it('uses the gram GIN index for a Chinese fragment (EXPLAIN)', async () => {
    // PGlite runs with the C locale, where pg_trgm ignores CJK characters: the proof must hold there.
    const text = await explain(searchEnterprisesQuery(database.db, { nameContains: '压力容器' }));
    expect(text).toContain('enterprises_name_grams_idx');
    expect(text).not.toMatch(/Seq Scan on enterprises/);
  });

  it("keeps the README's search and its bounded count on indexes (EXPLAIN)", async () => {
    const readmeSearch = { nameContains: '食品', regionPrefix: '1408', statuses: ['ACTIVE' as const] };
    // (A character in nearly every name, like 有, is counted by a sequential scan that stops at the
    // limit: cheaper than any index, and bounded.)
    for (const filter of [readmeSearch, { nameContains: '食品' }]) {
      expect(await explain(searchEnterprisesQuery(database.db, filter))).not.toMatch(/Seq Scan on enterprises/);
      expect(await explain(countEnterprisesQuery(database.db, filter))).not.toMatch(/Seq Scan on enterprises/);
    }
  });

  it('stops counting a name search past the limit; one or two characters need no LIKE recheck', async () => {
    // 有 is in nearly every name (有限公司): counting stops at the limit + 1.
    expect(await countEnterprises(database.db, { nameContains: '有' })).toBe(NAME_SEARCH_COUNT_LIMIT + 1);
    expect(await explain(searchEnterprisesQuery(database.db, { nameContains: '食品' }))).not.toContain('~~');
    // The planner's estimate decides how a page is found; it is in the right order of magnitude.
    const food = await countEnterprises(database.db, { nameContains: '食品' });
    const estimate = await estimateEnterprises(database.db, { nameContains: '食品' });
    expect(estimate).toBeGreaterThan(food / 5);
    expect(estimate).toBeLessThan(food * 5);
    const fewFirst = await searchEnterprises(database.db, { nameContains: '食品' }, { limit: 50, fewMatches: true });
    const walked = await searchEnterprises(database.db, { nameContains: '食品' }, { limit: 50 });
    expect(fewFirst.map((row) => row.uscc)).toEqual(walked.map((row) => row.uscc));
    // Without a name, the count is exact (the risk classifier counts every enterprise this way).
    expect(await countEnterprises(database.db, {})).toBe(15_000);
  });

  it('sorts every match up to the sort limit, counting only up to the count limit', async () => {
    expect(NAME_SEARCH_SORT_LIMIT).toBeGreaterThan(NAME_SEARCH_COUNT_LIMIT);
    expect(nameSearchPlan(NAME_SEARCH_COUNT_LIMIT)).toEqual({ sortMatches: true, countMatches: true });
    expect(nameSearchPlan(NAME_SEARCH_COUNT_LIMIT + 1)).toEqual({ sortMatches: true, countMatches: false });
    expect(nameSearchPlan(NAME_SEARCH_SORT_LIMIT)).toEqual({ sortMatches: true, countMatches: false });
    expect(nameSearchPlan(NAME_SEARCH_SORT_LIMIT + 1)).toEqual({ sortMatches: false, countMatches: false });
    // A fragment with more matches than the count limit: the sorted plan pages exactly as the walk.
    const frequent = { nameContains: '有限' };
    expect(await countEnterprises(database.db, frequent)).toBe(NAME_SEARCH_COUNT_LIMIT + 1);
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      const sorted = await searchEnterprises(database.db, frequent, { limit: 21, afterUscc: after, fewMatches: true });
      const walked = await searchEnterprises(database.db, frequent, { limit: 21, afterUscc: after });
      expect(sorted.length).toBe(21);
      expect(sorted.map((row) => row.uscc)).toEqual(walked.map((row) => row.uscc));
      after = sorted[20]?.uscc;
    }
  });

  it('walks a name-only search on the index carrying the search names, and finds names too long for it', async () => {
    const frequent = { nameContains: '有限' };
    const plan = await explain(walkSearchNames(database.db, frequent.nameContains, { limit: 21 }).toSQL());
    expect(plan).toMatch(/Index Only Scan using enterprises_uscc_search_names_idx/);
    expect(plan).not.toMatch(/Seq Scan on enterprises/);
    const [first] = await searchEnterprises(database.db, frequent, { limit: 1, fewMatches: true });
    if (!first) throw new Error('no enterprise matches 有限');
    // Many long former names: more bytes than an index entry may hold, so outside that index. The
    // write must still succeed and the walk must still find it, in its place.
    const long = `${first.searchNames}\u0001${'冀'.repeat(3000)}`;
    expect(Buffer.byteLength(long)).toBeGreaterThan(WALK_INDEX_MAX_BYTES);
    await database.db.execute(sql`update enterprises set search_names = ${long} where uscc = ${first.uscc}`);
    try {
      let after: string | undefined;
      for (let page = 0; page < 3; page++) {
        const sorted = await searchEnterprises(database.db, frequent, { limit: 21, afterUscc: after, fewMatches: true });
        const walked = await searchEnterprises(database.db, frequent, { limit: 21, afterUscc: after });
        expect(walked.map((row) => row.uscc)).toEqual(sorted.map((row) => row.uscc));
        if (page === 0) expect(walked[0]?.uscc).toBe(first.uscc);
        after = sorted[20]?.uscc;
      }
      // Found through the long names themselves, which no gram of the name holds.
      const [byFormer] = await walkSearchNames(database.db, '冀冀冀', { limit: 2 });
      expect(byFormer?.uscc).toBe(first.uscc);
    } finally {
      await database.db.execute(sql`update enterprises set search_names = ${first.searchNames} where uscc = ${first.uscc}`);
    }
  });

  it('sorts instead when the walk reads its budget of index entries without filling a page', async () => {
    const frequent = { nameContains: '有限' };
    const sorted = await searchEnterprises(database.db, frequent, { limit: 21, fewMatches: true });
    // A budget of 5 entries: a page of 21 cannot be found within it, the walk says so by coming back short.
    expect((await walkSearchNames(database.db, frequent.nameContains, { limit: 21, walkScanLimit: 5 })).length).toBeLessThan(21);
    const fallen = await searchEnterprises(database.db, frequent, { limit: 21, walkScanLimit: 5 });
    expect(fallen.map((row) => row.uscc)).toEqual(sorted.map((row) => row.uscc));
  });

  it('finds exactly the names containing the fragment, current or former', async () => {
    const rows = await searchEnterprises(database.db, { nameContains: '食品' }, { limit: 10_000 });
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.searchNames).toContain('食品');
    expect(await countEnterprises(database.db, { nameContains: '食品' })).toBe(rows.length);
    // A fragment whose bigrams all occur but not adjacently must not match.
    const scattered = await searchEnterprises(database.db, { nameContains: '食品有限公司食品' }, { limit: 10 });
    expect(scattered).toEqual([]);
  });

  it('treats LIKE wildcards in the fragment literally', async () => {
    expect(await searchEnterprises(database.db, { nameContains: '%' }, { limit: 5 })).toEqual([]);
    expect(await searchEnterprises(database.db, { nameContains: '_' }, { limit: 5 })).toEqual([]);
  });

  it('pages by keyset without gaps or repeats and combines filters', async () => {
    const filter = { regionPrefix: '1408', statuses: ['ACTIVE' as const] };
    const all = await searchEnterprises(database.db, filter, { limit: 10_000 });
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await searchEnterprises(database.db, filter, { limit: 7, afterUscc: after });
      paged.push(...page.map((row) => row.uscc));
      if (page.length < 7) break;
      after = page[page.length - 1]?.uscc;
    }
    expect(paged).toEqual(all.map((row) => row.uscc));
    for (const row of all) {
      expect(row.regionCode.startsWith('1408')).toBe(true);
      expect(row.status).toBe('ACTIVE');
    }
    const food = await searchEnterprises(
      database.db,
      { keyDomains: ['FOOD_PRODUCTION'], establishedFrom: '2020-01-01' },
      { limit: 10_000 },
    );
    expect(food.length).toBeGreaterThan(0);
    for (const row of food) {
      expect(row.keyDomains).toContain('FOOD_PRODUCTION');
      expect(row.establishedOn >= '2020-01-01').toBe(true);
    }
  });
});

function literal(value: unknown): string {
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(',')}]::text[]`;
  if (typeof value === 'number') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}
