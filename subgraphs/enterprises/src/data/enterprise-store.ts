import { anyOfKeys, containsPattern, inRegionPrefix, preparedPerDatabase } from '@credit-hub/db';
import type { KeyDomain, RegistrationStatus } from '@credit-hub/seed';
import { and, arrayContains, arrayOverlaps, asc, count, eq, gt, gte, inArray, like, lte, type SQL, sql } from 'drizzle-orm';
import type { EnterprisesDb } from '../db/client.ts';
import { type EnterpriseRow, enterprises, type FormerNameRow, formerNames } from '../db/schema.ts';
import { fragmentGrams, nameGrams, normalizeForSearch } from './name-grams.ts';
import { appendEnterpriseEvent } from './outbox-events.ts';

export interface EnterpriseFilter {
  nameContains?: string | null | undefined;
  /** Division prefix: 2 (province), 4 (city) or 6 (county) digits. */
  regionPrefix?: string | null | undefined;
  statuses?: readonly RegistrationStatus[] | null | undefined;
  keyDomains?: readonly KeyDomain[] | null | undefined;
  industryCode?: string | null | undefined;
  establishedFrom?: string | null | undefined;
  establishedTo?: string | null | undefined;
  registrationNumber?: string | null | undefined;
}

const getEnterprisesByUsccStatement = preparedPerDatabase((db: EnterprisesDb) =>
  db.select().from(enterprises).where(anyOfKeys(enterprises.uscc)).prepare('get_enterprises_by_uscc'),
);

export function getEnterprisesByUscc(db: EnterprisesDb, usccs: readonly string[]): Promise<EnterpriseRow[]> {
  return getEnterprisesByUsccStatement(db).execute({ keys: [...usccs] });
}

/** What another subgraph's write checks of an enterprise (its code, status and registered region). */
export type EnterpriseFactsRow = Pick<EnterpriseRow, 'uscc' | 'status' | 'regionCode'>;

const getEnterpriseFactsByUsccStatement = preparedPerDatabase((db: EnterprisesDb) =>
  db
    .select({ uscc: enterprises.uscc, status: enterprises.status, regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(anyOfKeys(enterprises.uscc))
    .prepare('get_enterprise_facts_by_uscc'),
);

/**
 * Three columns of each enterprise, for the lookups every write elsewhere makes (a bulk import
 * asks about a few hundred enterprises per batch): the whole row carries the name-gram array,
 * which the driver parses element by element, and the name, address and scope texts.
 */
export function getEnterpriseFactsByUscc(db: EnterprisesDb, usccs: readonly string[]): Promise<EnterpriseFactsRow[]> {
  return getEnterpriseFactsByUsccStatement(db).execute({ keys: [...usccs] });
}

const getFormerNamesByUsccStatement = preparedPerDatabase((db: EnterprisesDb) =>
  db
    .select()
    .from(formerNames)
    .where(anyOfKeys(formerNames.uscc))
    .orderBy(asc(formerNames.uscc), asc(formerNames.usedUntil))
    .prepare('get_former_names_by_uscc'),
);

export function getFormerNamesByUscc(db: EnterprisesDb, usccs: readonly string[]): Promise<FormerNameRow[]> {
  return getFormerNamesByUsccStatement(db).execute({ keys: [...usccs] });
}

export async function getEnterpriseByRegistrationNumber(db: EnterprisesDb, number: string): Promise<EnterpriseRow | null> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.registrationNumber, number)).limit(1);
  return row ?? null;
}

function filterConditions(filter: EnterpriseFilter): SQL[] {
  const conditions: SQL[] = [];
  const fragment = filter.nameContains ? normalizeForSearch(filter.nameContains) : '';
  if (fragment) {
    conditions.push(arrayContains(enterprises.nameGrams, fragmentGrams(fragment)));
    // One or two characters are one gram, which holds exactly when a name contains them (grams and
    // search names come from the same normalised names). Leaving out the redundant LIKE matters at
    // 1 M rows: the planner estimates it as very selective, so for a frequent pair it would fetch
    // every match and sort them instead of walking the primary key to the first page.
    if ([...fragment].length > 2) conditions.push(like(enterprises.searchNames, containsPattern(fragment)));
  }
  if (filter.regionPrefix) {
    conditions.push(inRegionPrefix(enterprises.regionCode, filter.regionPrefix));
  }
  if (filter.statuses?.length) conditions.push(inArray(enterprises.status, [...filter.statuses]));
  if (filter.keyDomains?.length) conditions.push(arrayOverlaps(enterprises.keyDomains, [...filter.keyDomains]));
  if (filter.industryCode) conditions.push(eq(enterprises.industryCode, filter.industryCode));
  if (filter.establishedFrom) conditions.push(gte(enterprises.establishedOn, filter.establishedFrom));
  if (filter.establishedTo) conditions.push(lte(enterprises.establishedOn, filter.establishedTo));
  if (filter.registrationNumber) conditions.push(eq(enterprises.registrationNumber, filter.registrationNumber));
  return conditions;
}

/**
 * One keyset page ordered by USCC: `limit` rows after `afterUscc` (callers ask for one extra).
 *
 * A name fragment with many matches (the planner's estimate above NAME_SEARCH_SORT_LIMIT) walks
 * the codes in order and stops at the page: a few ms when matches are spread over the codes. The
 * planner cannot know that codes cluster (individual businesses all start with 92, a county's
 * enterprises share six digits: 赵记 or 益阳 walked 900 000 rows, 4–6 s, at 1 M), so the walk is
 * bounded and, past its bound, the page is taken like that of a rarer fragment: every match through
 * the gram index, sorted (ordering by the code as text, which no index provides, is what makes the
 * planner do that). A name-only search walks the search-names index, bounded by WALK_SCAN_LIMIT
 * entries; a name with other filters walks the primary key, bounded by WALK_BUDGET_MS
 * (statement_timeout, local to its transaction).
 */
export async function searchEnterprises(
  db: EnterprisesDb,
  filter: EnterpriseFilter,
  options: { limit: number; afterUscc?: string | undefined; fewMatches?: boolean; walkScanLimit?: number },
): Promise<EnterpriseRow[]> {
  const conditions = filterConditions(filter);
  if (options.afterUscc) conditions.push(gt(enterprises.uscc, options.afterUscc));
  const page = (from: EnterprisesDb, sorted: boolean) =>
    from
      .select()
      .from(enterprises)
      .where(and(...conditions))
      .orderBy(sorted ? sql`${enterprises.uscc}::text` : asc(enterprises.uscc))
      .limit(options.limit);
  if (options.fewMatches || !filter.nameContains) return page(db, Boolean(options.fewMatches));
  if (nameOnly(filter)) {
    const walked = await walkSearchNames(db, filter.nameContains, options);
    // Short of a page: the walk's budget ran out before the matches (clustered further on in code
    // order), or this is the last page. The sorted plan answers either exactly.
    return walked.length >= options.limit ? walked : page(db, true);
  }
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${WALK_BUDGET_MS}`));
      return page(tx as unknown as EnterprisesDb, false);
    });
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    return page(db, true);
  }
}

/** A filter with a name fragment and nothing else: the one the search-names index answers alone. */
function nameOnly(filter: EnterpriseFilter): boolean {
  return Object.entries(filter).every(([key, value]) =>
    key === 'nameContains' ? Boolean(value) : value == null || (Array.isArray(value) && value.length === 0),
  );
}

/**
 * Search names up to this many bytes are carried in `enterprises_uscc_search_names_idx`
 * (migration 0003, which states the same number: the planner uses a partial index only when the
 * query repeats its condition, so this is written into the SQL as a literal).
 */
export const WALK_INDEX_MAX_BYTES = 2000;

/**
 * Index entries a name-only walk reads at most before it gives up on a page (~20 ms at 1 M): a
 * fragment estimated at over NAME_SEARCH_SORT_LIMIT matches finds its page within ~2 000 entries
 * when its matches are spread over the codes, and 50 000 allow for 25 times that clustering.
 * Counting entries rather than setting a statement timeout keeps the walk one statement (no
 * transaction, no settings) and its outcome the same however busy the server is.
 */
export const WALK_SCAN_LIMIT = 50_000;

/**
 * The walk of a name-only search: the codes whose search names contain the fragment, in code
 * order, read from the index that carries the search names (no table row is read until the page
 * is known) over at most WALK_SCAN_LIMIT entries, then those rows. Enterprises whose search names
 * are too long for that index are walked through their own small index and merged in. Fewer rows
 * than `limit` mean the page is not known: the caller sorts instead.
 */
export function walkSearchNames(
  db: EnterprisesDb,
  nameContains: string,
  options: { limit: number; afterUscc?: string | undefined; walkScanLimit?: number },
) {
  const pattern = containsPattern(normalizeForSearch(nameContains));
  const bound = sql.raw(String(WALK_INDEX_MAX_BYTES));
  const after = options.afterUscc ? sql` and ${enterprises.uscc} > ${options.afterUscc}` : sql``;
  const { uscc, searchNames } = enterprises;
  // The limit inside bounds the entries read; the LIKE outside it is applied to those entries only.
  const indexed = sql`(select scanned.uscc from (select ${uscc}, ${searchNames} from ${enterprises} where octet_length(${searchNames}) <= ${bound}${after} order by ${uscc} limit ${sql.raw(String(options.walkScanLimit ?? WALK_SCAN_LIMIT))}) scanned where scanned.search_names like ${pattern} order by scanned.uscc limit ${options.limit})`;
  const long = sql`(select ${uscc} from ${enterprises} where octet_length(${searchNames}) > ${bound} and ${searchNames} like ${pattern}${after} order by ${uscc} limit ${options.limit})`;
  return db
    .select()
    .from(enterprises)
    .where(sql`${enterprises.uscc} in (${indexed} union all ${long})`)
    .orderBy(asc(enterprises.uscc))
    .limit(options.limit);
}

/** How long walking the primary key for a frequent name fragment may take before sorting instead. */
export const WALK_BUDGET_MS = 50;

function isStatementTimeout(error: unknown): boolean {
  for (let cause = error as { code?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (cause.code === '57014') return true;
  }
  return false;
}

/**
 * A name search whose planner estimate is at most this many matches fetches every match through
 * the gram index and sorts them (12–105 ms for 1.5k–12k matches at 1 M) rather than walking the
 * primary key: the walk is fast only when matches are spread over the codes, and a fragment of
 * individual businesses' names (codes starting 92, the end of key order) estimated at a few thousand
 * made it discard 900 000 rows and then fall back to the sort anyway after WALK_BUDGET_MS.
 */
export const NAME_SEARCH_SORT_LIMIT = 10_000;

/**
 * How a name search with this planner estimate finds its page and its totalCount: sort every match
 * (up to NAME_SEARCH_SORT_LIMIT) or walk the code index; count (up to NAME_SEARCH_COUNT_LIMIT) or
 * report the estimate.
 */
export function nameSearchPlan(estimate: number): { sortMatches: boolean; countMatches: boolean } {
  return { sortMatches: estimate <= NAME_SEARCH_SORT_LIMIT, countMatches: estimate <= NAME_SEARCH_COUNT_LIMIT };
}

/**
 * Name searches count at most this many matches: a frequent pair of characters matches tens of
 * thousands of enterprises at 1 M, and counting them all costs more than the page itself.
 */
export const NAME_SEARCH_COUNT_LIMIT = 2_000;

/**
 * Matches of the filter; with a name fragment, counting stops past NAME_SEARCH_COUNT_LIMIT (the
 * result is then NAME_SEARCH_COUNT_LIMIT + 1, meaning "more than the limit").
 */
export async function countEnterprises(db: EnterprisesDb, filter: EnterpriseFilter): Promise<number> {
  const conditions = and(...filterConditions(filter));
  if (!filter.nameContains) {
    const [row] = await db.select({ total: count() }).from(enterprises).where(conditions);
    return row?.total ?? 0;
  }
  const matches = db
    .select({ one: sql`1` })
    .from(enterprises)
    .where(conditions)
    .limit(NAME_SEARCH_COUNT_LIMIT + 1)
    .as('matches');
  const [row] = await db.select({ total: count() }).from(matches);
  return row?.total ?? 0;
}

/** The SQL a name search runs (first page), for EXPLAIN in tests and benchmarks. */
export function searchEnterprisesQuery(db: EnterprisesDb, filter: EnterpriseFilter, options: { fewMatches?: boolean } = {}) {
  return db
    .select({ uscc: enterprises.uscc })
    .from(enterprises)
    .where(and(...filterConditions(filter)))
    .orderBy(options.fewMatches ? sql`${enterprises.uscc}::text` : asc(enterprises.uscc))
    .limit(21)
    .toSQL();
}

/**
 * The planner's estimate of how many enterprises match (EXPLAIN, no execution: its statistics
 * include the most common name grams, so a frequent pair is estimated within a few per cent).
 */
export async function estimateEnterprises(db: EnterprisesDb, filter: EnterpriseFilter): Promise<number> {
  const query = db
    .select({ one: sql`1` })
    .from(enterprises)
    .where(and(...filterConditions(filter)));
  const result = await db.execute(sql`explain (format json) ${query}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const plan = Object.values(rows[0] ?? {})[0];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: { 'Plan Rows': number } }];
  return parsed[0].Plan['Plan Rows'];
}

/** The SQL a name search's bounded totalCount runs, for EXPLAIN. */
export function countEnterprisesQuery(db: EnterprisesDb, filter: EnterpriseFilter) {
  const matches = db
    .select({ one: sql`1` })
    .from(enterprises)
    .where(and(...filterConditions(filter)))
    .limit(NAME_SEARCH_COUNT_LIMIT + 1)
    .as('matches');
  return db.select({ total: count() }).from(matches).toSQL();
}

export type NewEnterprise = Omit<typeof enterprises.$inferInsert, 'nameGrams' | 'searchNames'>;

/** Search columns derive from the names; computing them here keeps every write path consistent. */
export function withSearchColumns(row: NewEnterprise, former: readonly string[]): typeof enterprises.$inferInsert {
  return {
    ...row,
    nameGrams: nameGrams(row.name, ...former),
    searchNames: [row.name, ...former].map(normalizeForSearch).join('\u0001'),
  };
}

export async function insertEnterprise(db: EnterprisesDb, row: NewEnterprise): Promise<EnterpriseRow> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(enterprises).values(withSearchColumns(row, [])).onConflictDoNothing().returning();
    if (!inserted) throw new EnterpriseExistsError(row.uscc);
    await appendEnterpriseEvent(tx, 'enterprise.registered', inserted);
    return inserted;
  });
}

export class EnterpriseExistsError extends Error {
  constructor(readonly uscc: string) {
    super(`enterprise ${uscc} is already registered`);
  }
}

/**
 * Applies a change in one transaction. A rename keeps the old name as a former name (and in the
 * search columns), as the publicity system shows 曾用名.
 */
export async function updateEnterprise(
  db: EnterprisesDb,
  uscc: string,
  patch: Partial<NewEnterprise>,
  actor: string,
  today: string,
): Promise<EnterpriseRow | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(enterprises).where(eq(enterprises.uscc, uscc)).for('update');
    if (!current) return null;
    const renamed = patch.name !== undefined && patch.name !== current.name;
    if (renamed) await tx.insert(formerNames).values({ uscc, name: current.name, usedUntil: today });
    const former = (await tx.select({ name: formerNames.name }).from(formerNames).where(eq(formerNames.uscc, uscc))).map((f) => f.name);
    const next = { ...current, ...patch };
    const { nameGrams: grams, searchNames } = withSearchColumns(next, former);
    const [updated] = await tx
      .update(enterprises)
      .set({ ...patch, nameGrams: grams, searchNames, updatedAt: new Date(), updatedBy: actor })
      .where(eq(enterprises.uscc, uscc))
      .returning();
    if (updated) await appendEnterpriseEvent(tx, 'enterprise.updated', updated);
    return updated ?? null;
  });
}

/** Codes only, keyset by code: the lean list a service reads a whole region's pool with (the 双随机 draw). */
export async function listEnterpriseCodes(
  db: EnterprisesDb,
  filter: EnterpriseFilter,
  options: { limit: number; afterUscc?: string | undefined },
): Promise<{ uscc: string; regionCode: string }[]> {
  const conditions = filterConditions(filter);
  if (options.afterUscc) conditions.push(gt(enterprises.uscc, options.afterUscc));
  return db
    .select({ uscc: enterprises.uscc, regionCode: enterprises.regionCode })
    .from(enterprises)
    .where(and(...conditions))
    .orderBy(asc(enterprises.uscc))
    .limit(options.limit);
}
