import { anyOfKeys, insertInChunks, preparedPerDatabase } from '@credit-hub/db';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { RiskDb, RiskExecutor } from '../db/client.ts';
import { currentRuns, results, runs } from '../db/schema.ts';
import type { IndicatorContribution, RiskClass, RunSource } from '../rules/model.ts';

export interface NewResult {
  uscc: string;
  regionCode: string;
  keyDomains: string[];
  riskClass: RiskClass;
  score: number | null;
  hardRule: string | null;
  indicators: IndicatorContribution[];
}

/** One statement per 10 000 results (see insertInChunks). */
export async function insertResults(db: RiskExecutor, runId: number, rows: readonly NewResult[]): Promise<void> {
  await insertInChunks(
    db,
    results,
    rows.map((row) => ({ runId, ...row })),
  );
}

/** A class as a reader sees it: the current run's result for one enterprise and month. */
export interface CurrentResult extends NewResult {
  runId: number;
  month: string;
  source: RunSource;
  modelVersion: string | null;
}

const currentResultsStatement = preparedPerDatabase((db: RiskDb) =>
  db
    .select({
      runId: results.runId,
      uscc: results.uscc,
      regionCode: results.regionCode,
      keyDomains: results.keyDomains,
      riskClass: results.riskClass,
      score: results.score,
      hardRule: results.hardRule,
      indicators: results.indicators,
      month: currentRuns.month,
      source: currentRuns.source,
      modelVersion: runs.modelVersion,
    })
    .from(results)
    .innerJoin(currentRuns, eq(currentRuns.runId, results.runId))
    .innerJoin(runs, eq(runs.id, results.runId))
    .where(anyOfKeys(results.uscc))
    .prepare('risk_current_results_by_uscc'),
);

/**
 * Every current result of these enterprises, all months and sources, in one statement: the
 * loader picks the month and the precedence (PROVINCE over LOCAL) in memory.
 */
export async function getCurrentResultsByUscc(db: RiskDb, usccs: readonly string[]): Promise<CurrentResult[]> {
  return (await currentResultsStatement(db).execute({ keys: [...usccs] })) as CurrentResult[];
}

/**
 * The month's effective class of each enterprise as SQL: a PROVINCE result for an enterprise and
 * month wins over a LOCAL one (a city reads the province's classes when the province sent them).
 */
const effective = (months: string[]) => sql`
  select distinct on (r.uscc, c.month) c.month, r.uscc, r.risk_class, r.region_code, r.key_domains
  from ${results} r join ${currentRuns} c on c.run_id = r.run_id
  where c.month in (${sql.join(
    months.map((month) => sql`${month}`),
    sql`, `,
  )})
  order by r.uscc, c.month, (c.source = 'PROVINCE') desc`;

const nextPrefix = (prefix: string) => String(Number(prefix) + 1).padStart(prefix.length, '0');
const regionCondition = (column: SQL, prefix: string | undefined) =>
  prefix ? sql`${column} >= ${prefix} and ${column} < ${nextPrefix(prefix)}` : sql`true`;

export interface DistributionFilter {
  month: string;
  regionPrefix?: string | undefined;
  keyDomain?: string | undefined;
}

export async function getDistribution(db: RiskDb, filter: DistributionFilter): Promise<Record<RiskClass, number>> {
  const rows = await db.execute<{ risk_class: RiskClass; count: string | number }>(sql`
    select e.risk_class, count(*) as count from (${effective([filter.month])}) e
    where ${regionCondition(sql`e.region_code`, filter.regionPrefix)}
      and ${filter.keyDomain ? sql`${filter.keyDomain} = any(e.key_domains)` : sql`true`}
    group by e.risk_class`);
  const counts: Record<RiskClass, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const row of rowsOf<{ risk_class: RiskClass; count: string | number }>(rows)) counts[row.risk_class] = Number(row.count);
  return counts;
}

export interface ClassifiedEnterprise {
  uscc: string;
  regionCode: string;
  riskClass: RiskClass;
}

/** Enterprises of one class in a month, by code (keyset). */
export async function getEnterprisesOfClass(
  db: RiskDb,
  filter: DistributionFilter & { riskClass: RiskClass; after?: string | undefined; limit: number },
): Promise<ClassifiedEnterprise[]> {
  const rows = await db.execute<{ uscc: string; region_code: string; risk_class: RiskClass }>(sql`
    select e.uscc, e.region_code, e.risk_class from (${effective([filter.month])}) e
    where e.risk_class = ${filter.riskClass}
      and ${regionCondition(sql`e.region_code`, filter.regionPrefix)}
      and ${filter.keyDomain ? sql`${filter.keyDomain} = any(e.key_domains)` : sql`true`}
      and ${filter.after ? sql`e.uscc > ${filter.after}` : sql`true`}
    order by e.uscc
    limit ${filter.limit}`);
  return rowsOf<{ uscc: string; region_code: string; risk_class: RiskClass }>(rows).map((row) => ({
    uscc: row.uscc,
    regionCode: row.region_code,
    riskClass: row.risk_class,
  }));
}

export interface ClassChange {
  uscc: string;
  regionCode: string;
  previousClass: RiskClass;
  riskClass: RiskClass;
}

export async function getChanges(
  db: RiskDb,
  filter: {
    month: string;
    previous: string;
    direction: 'UP' | 'DOWN' | 'ANY';
    regionPrefix?: string | undefined;
    after?: string | undefined;
    limit: number;
  },
): Promise<ClassChange[]> {
  const direction =
    filter.direction === 'UP'
      ? sql`cur.risk_class > prev.risk_class`
      : filter.direction === 'DOWN'
        ? sql`cur.risk_class < prev.risk_class`
        : sql`cur.risk_class <> prev.risk_class`;
  const rows = await db.execute<{ uscc: string; region_code: string; previous_class: RiskClass; risk_class: RiskClass }>(sql`
    with e as (${effective([filter.month, filter.previous])})
    select cur.uscc, cur.region_code, prev.risk_class as previous_class, cur.risk_class
    from e cur join e prev on prev.uscc = cur.uscc and prev.month = ${filter.previous}
    where cur.month = ${filter.month} and ${direction}
      and ${regionCondition(sql`cur.region_code`, filter.regionPrefix)}
      and ${filter.after ? sql`cur.uscc > ${filter.after}` : sql`true`}
    order by cur.uscc
    limit ${filter.limit}`);
  return rowsOf<{ uscc: string; region_code: string; previous_class: RiskClass; risk_class: RiskClass }>(rows).map((row) => ({
    uscc: row.uscc,
    regionCode: row.region_code,
    previousClass: row.previous_class,
    riskClass: row.risk_class,
  }));
}

export interface ClassTransition {
  previousClass: RiskClass;
  riskClass: RiskClass;
  count: number;
}

/**
 * How many enterprises went from each class to each class between two months, in one statement:
 * the counts behind riskChanges' lists, for a chart of movements.
 */
export async function getTransitions(
  db: RiskDb,
  filter: { month: string; previous: string; regionPrefix?: string | undefined },
): Promise<ClassTransition[]> {
  const rows = await db.execute<{ previous_class: RiskClass; risk_class: RiskClass; count: string | number }>(sql`
    with e as (${effective([filter.month, filter.previous])})
    select prev.risk_class as previous_class, cur.risk_class, count(*) as count
    from e cur join e prev on prev.uscc = cur.uscc and prev.month = ${filter.previous}
    where cur.month = ${filter.month} and ${regionCondition(sql`cur.region_code`, filter.regionPrefix)}
    group by prev.risk_class, cur.risk_class
    order by prev.risk_class, cur.risk_class`);
  return rowsOf<{ previous_class: RiskClass; risk_class: RiskClass; count: string | number }>(rows).map((row) => ({
    previousClass: row.previous_class,
    riskClass: row.risk_class,
    count: Number(row.count),
  }));
}

/** postgres.js returns the rows; PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
