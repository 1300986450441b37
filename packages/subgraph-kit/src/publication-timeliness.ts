import { inRegionPrefix } from '@credit-hub/db';
import { divisionPrefix } from '@credit-hub/uscc';
import { addDays, isWorkingDay } from '@credit-hub/workdays';
import type { ObjectRef } from '@pothos/core';
import { and, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Caller } from './auth/caller.ts';
import type { SubgraphBuilder } from './builder.ts';
import type { SubgraphContext } from './context.ts';
import { badUserInput } from './errors.ts';
import { assertCanReadDepartmentScores } from './policy.ts';
import { parseRegionArgument } from './region.ts';
import { type ComputedDate, defineRuleTypes, type RuleVersion } from './rules.ts';

/**
 * 双公示 timeliness per department (licences, penalties): how many decisions of a period reached
 * the credit platform within the deadline (7 working days, 国市监信发〔2022〕6号), how many late, how
 * many are still unpublished. One SQL statement over the records' own columns (decision day,
 * publication day, department, region); the deadline of each decision day comes from
 * `@credit-hub/workdays` and the rule version in force that day, passed to the statement as two
 * arrays indexed by day, so the SQL never counts working days itself.
 */

/** Longest period one query counts (the calendar sent along grows with it). */
export const TIMELINESS_MAX_DAYS = 1830;

export interface TimelinessScope {
  from: string;
  to: string;
  today: string;
  /** Division prefix (14, 1408, 140802) or null for all regions. */
  regionPrefix: string | null;
}

export interface DepartmentTimeliness {
  department: string;
  total: number;
  onTime: number;
  late: number;
  pendingOverdue: number;
  pendingInTime: number;
  /** Working days from the decision (day 0) to publication, median over the published ones. */
  medianDelayWorkingDays: number | null;
}

export interface PublicationTimeliness {
  from: string;
  to: string;
  asOf: string;
  regionPrefix: string | null;
  /** Rule versions that produced the deadlines of the period's decision days. */
  rules: RuleVersion[];
  provisional: boolean;
  departments: DepartmentTimeliness[];
}

/**
 * The period and region a caller may score: dates checked, regulators held to their own region
 * (default: all of it) by the kit's policy; departments' scores are supervision data.
 */
export function timelinessScope(
  caller: Caller,
  args: { from?: string | null; to?: string | null; regionPrefix?: string | null },
  today: string,
): TimelinessScope {
  const to = args.to ?? today;
  const from = args.from ?? `${addDays(to, -365).slice(0, 7)}-01`;
  if (from > to) throw badUserInput('from: must not be after to', { field: 'from', reason: 'RANGE' });
  if (to > today) throw badUserInput('to: decisions cannot be in the future', { field: 'to', reason: 'FUTURE_DATE' });
  if (Date.parse(to) - Date.parse(from) > TIMELINESS_MAX_DAYS * 86_400_000) {
    throw badUserInput(`from/to: at most ${TIMELINESS_MAX_DAYS} days per query`, { field: 'from', reason: 'RANGE' });
  }
  const requested = parseRegionArgument(args.regionPrefix, 'regionPrefix') ?? (caller.role === 'regulator' ? caller.region : undefined);
  assertCanReadDepartmentScores(caller, requested ?? null, '双公示 timeliness per department');
  return { from, to, today, regionPrefix: requested ? divisionPrefix(requested) : null };
}

/**
 * Every day from the period's start to today, as two arrays indexed by days since the start: the
 * working-day ordinal (working days counted up to and including the day, so a delay is a
 * subtraction) and the 双公示 deadline of a decision taken that day. Array literals, so the one
 * statement reads them by subscript instead of joining a function's rows (which the planner
 * cannot estimate and may rescan per record).
 */
export function timelinessCalendar(scope: TimelinessScope, deadlineOf: (decidedOn: string) => ComputedDate) {
  const ordinals: number[] = [];
  const deadlines: string[] = [];
  const rules = new Map<string, RuleVersion>();
  let provisional = false;
  let ord = 0;
  for (let day = scope.from; day <= scope.today; day = addDays(day, 1)) {
    if (isWorkingDay(day)) ord += 1;
    ordinals.push(ord);
    if (day <= scope.to) {
      const computed = deadlineOf(day);
      deadlines.push(computed.date ?? day);
      provisional ||= computed.provisional;
      rules.set(`${computed.rule.code}|${computed.rule.effectiveFrom}|${computed.rule.province}`, computed.rule);
    }
  }
  return { ordinals: `{${ordinals.join(',')}}`, deadlines: `{${deadlines.join(',')}}`, rules: [...rules.values()], provisional };
}

export interface TimelinessColumns {
  table: PgTable;
  decidedOn: PgColumn;
  publishedOn: PgColumn;
  department: PgColumn;
  regionCode: PgColumn;
  /** Records not subject to 双公示 (e.g. simple-procedure penalties) are left out here. */
  subject?: SQL;
}

/** The one statement: decisions of the period with their day's deadline by subscript, counted per department. */
export function timelinessStatement(
  columns: TimelinessColumns,
  scope: TimelinessScope,
  calendar: { ordinals: string; deadlines: string },
): SQL {
  const where = and(
    gte(columns.decidedOn, scope.from),
    lte(columns.decidedOn, scope.to),
    scope.regionPrefix ? inRegionPrefix(columns.regionCode, scope.regionPrefix) : undefined,
    columns.subject,
  );
  // Day index into the calendar arrays (1-based): days since the period's first day.
  const index = (column: PgColumn) => sql`(${column} - ${scope.from}::date + 1)`;
  return sql`
    with cal as (select ${calendar.deadlines}::date[] as deadlines, ${calendar.ordinals}::int[] as ordinals),
    rec as (
      select ${columns.department} as department, ${columns.publishedOn} as published_on,
        cal.deadlines[${index(columns.decidedOn)}] as deadline,
        cal.ordinals[${index(columns.publishedOn)}] - cal.ordinals[${index(columns.decidedOn)}] as delay
      from ${columns.table} cross join cal
      where ${where}
    )
    select department,
      count(*)::int as total,
      (count(*) filter (where published_on <= deadline))::int as on_time,
      (count(*) filter (where published_on > deadline))::int as late,
      (count(*) filter (where published_on is null and deadline < ${scope.today}::date))::int as pending_overdue,
      (count(*) filter (where published_on is null and deadline >= ${scope.today}::date))::int as pending_in_time,
      (percentile_cont(0.5) within group (order by delay) filter (where published_on is not null))::float8 as median_delay
    from rec group by department order by department`;
}

// biome-ignore lint/suspicious/noExplicitAny: drizzle databases of any driver and schema
type AnyDb = { execute: (query: SQL) => Promise<any> };

/** Runs the statement on any of the hub's drivers (postgres.js returns rows, PGlite `{ rows }`). */
export async function publicationTimeliness(
  db: AnyDb,
  columns: TimelinessColumns,
  scope: TimelinessScope,
  deadlineOf: (decidedOn: string) => ComputedDate,
): Promise<PublicationTimeliness> {
  const calendar = timelinessCalendar(scope, deadlineOf);
  const result = await db.execute(timelinessStatement(columns, scope, calendar));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return {
    from: scope.from,
    to: scope.to,
    asOf: scope.today,
    regionPrefix: scope.regionPrefix,
    rules: calendar.rules,
    provisional: calendar.provisional,
    departments: rows.map((row) => ({
      department: String(row.department),
      total: Number(row.total),
      onTime: Number(row.on_time),
      late: Number(row.late),
      pendingOverdue: Number(row.pending_overdue),
      pendingInTime: Number(row.pending_in_time),
      medianDelayWorkingDays: row.median_delay === null || row.median_delay === undefined ? null : Number(row.median_delay),
    })),
  };
}

interface TimelinessTypes {
  // biome-ignore lint/suspicious/noExplicitAny: keyed by builder instance of any context type
  timeliness: ObjectRef<any, PublicationTimeliness>;
}
const timelinessTypes = new WeakMap<object, TimelinessTypes>();

/**
 * The shareable `PublicationTimeliness` and `DepartmentPublicationTimeliness` types (licences and
 * sanctions both answer with them; composition requires identical declarations).
 */
export function definePublicationTimelinessTypes<TContext extends SubgraphContext>(builder: SubgraphBuilder<TContext>) {
  type Types = SubgraphBuilder<TContext>['$inferSchemaTypes'];
  const existing = timelinessTypes.get(builder);
  if (existing) return existing.timeliness as ObjectRef<Types, PublicationTimeliness>;
  const { rule } = defineRuleTypes(builder);
  const department = builder.objectRef<DepartmentTimeliness>('DepartmentPublicationTimeliness').implement({
    description: '部门双公示及时性 One department’s decisions of the period against the 双公示 deadline.',
    shareable: true,
    fields: (t) => ({
      department: t.exposeString('department', {
        description: '部门 Code of the department that produced the decisions (谁产生、谁负责).',
      }),
      total: t.exposeInt('total', { description: '决定数 Decisions of the period subject to 双公示.' }),
      onTime: t.exposeInt('onTime', { description: '按时公示 Published on or before the deadline.' }),
      late: t.exposeInt('late', { description: '逾期公示 Published after the deadline.' }),
      pendingOverdue: t.exposeInt('pendingOverdue', { description: '逾期未公示 Not published, and the deadline has passed.' }),
      pendingInTime: t.exposeInt('pendingInTime', { description: '期限内未公示 Not published yet, still within the deadline.' }),
      onTimeShare: t.float({
        nullable: true,
        description:
          '及时率 onTime / (onTime + late + pendingOverdue): decisions still within the deadline are not judged yet; null when none is.',
        resolve: (d) => {
          const judged = d.onTime + d.late + d.pendingOverdue;
          return judged === 0 ? null : d.onTime / judged;
        },
      }),
      medianDelayWorkingDays: t.exposeFloat('medianDelayWorkingDays', {
        nullable: true,
        description:
          '公示用时中位数 Median working days from the decision (day 0) to publication, over the published decisions; null when none is.',
      }),
    }),
  });
  const timeliness = builder.objectRef<PublicationTimeliness>('PublicationTimeliness').implement({
    description:
      '双公示及时性 Decisions of a period per department against the 双公示 deadline (7 working days of the official calendar, 国市监信发〔2022〕6号). Supervision data: regulators (their region) and analysts.',
    shareable: true,
    fields: (t) => ({
      from: t.expose('from', { type: 'Date', description: '起始日 First decision day counted.' }),
      to: t.expose('to', { type: 'Date', description: '截止日 Last decision day counted.' }),
      asOf: t.expose('asOf', { type: 'Date', description: '统计日 Day the pending decisions are judged on (today).' }),
      regionPrefix: t.exposeString('regionPrefix', {
        nullable: true,
        description: '区划前缀 Division prefix counted (14, 1408…); null: all regions.',
      }),
      provisional: t.exposeBoolean('provisional', {
        description: '暂定 Some deadline was counted through a year whose holiday notice is not loaded yet.',
      }),
      rules: t.field({
        type: [rule],
        description: '依据规则 The 双公示 deadline rule versions that produced the deadlines.',
        resolve: (p) => p.rules,
      }),
      departments: t.field({
        type: [department],
        description: '各部门 One row per department, by department code.',
        resolve: (p) => p.departments,
      }),
    }),
  });
  timelinessTypes.set(builder, { timeliness });
  return timeliness as ObjectRef<Types, PublicationTimeliness>;
}
