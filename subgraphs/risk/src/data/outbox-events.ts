import { appendEvents, type OutboxEvent } from '@credit-hub/subgraph-kit';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { RiskExecutor } from '../db/client.ts';
import { currentRuns, type RunRow, results } from '../db/schema.ts';
import type { RiskClass } from '../rules/model.ts';

/**
 * Event kinds of the risk outbox, all for the `risk` audience (credit-risk readers: regulators of
 * the enterprise's region, analysts, admins; never the public or the platform): an enterprise's
 * first class (信用风险分类) and a change of class.
 */
export const RISK_EVENT_KINDS = ['risk.classified', 'risk.class_changed'] as const;

/** Events per insert: keeps one statement's array parameters to a few megabytes. */
const CHUNK = 2_000;

/**
 * The run that held each enterprise's class before `run` became current: the same month's
 * previous run of the same source, else the latest earlier month's current run of that source
 * (a monthly run emits only what changed since last month, not every enterprise again).
 */
async function previousRunOf(tx: RiskExecutor, run: RunRow, replaced: number | null): Promise<number | null> {
  if (replaced !== null && replaced !== run.id) return replaced;
  const [earlier] = await tx
    .select({ runId: currentRuns.runId })
    .from(currentRuns)
    .where(and(eq(currentRuns.source, run.source), lt(currentRuns.month, run.month)))
    .orderBy(desc(currentRuns.month))
    .limit(1);
  return earlier?.runId ?? null;
}

/**
 * Appends, inside the transaction that makes `run` current, one event per enterprise whose class
 * this run sets for the first time (`risk.classified`) or changes (`risk.class_changed`);
 * unchanged classes add nothing. Returns the number of events.
 */
export async function appendClassChanges(tx: RiskExecutor, run: RunRow, replaced: number | null): Promise<number> {
  const previousRunId = await previousRunOf(tx, run, replaced);
  const before = new Map<string, RiskClass>();
  if (previousRunId !== null) {
    for (const row of await tx
      .select({ uscc: results.uscc, riskClass: results.riskClass })
      .from(results)
      .where(eq(results.runId, previousRunId)))
      before.set(row.uscc, row.riskClass);
  }
  const rows = await tx
    .select({
      uscc: results.uscc,
      regionCode: results.regionCode,
      riskClass: results.riskClass,
      score: results.score,
      hardRule: results.hardRule,
    })
    .from(results)
    .where(eq(results.runId, run.id));
  const events: OutboxEvent[] = [];
  for (const row of rows) {
    const previousClass = before.get(row.uscc) ?? null;
    if (previousClass === row.riskClass) continue;
    events.push({
      kind: previousClass === null ? 'risk.classified' : 'risk.class_changed',
      uscc: row.uscc.trim(),
      region: row.regionCode,
      audience: 'risk',
      effectiveOn: `${run.month}-01`,
      payload: {
        uscc: row.uscc.trim(),
        regionCode: row.regionCode,
        month: run.month,
        source: run.source,
        runId: run.id,
        modelVersion: run.modelVersion,
        riskClass: row.riskClass,
        previousClass,
        score: row.score,
        hardRule: row.hardRule,
      },
    });
  }
  for (let start = 0; start < events.length; start += CHUNK) await appendEvents(tx, events.slice(start, start + CHUNK));
  return events.length;
}
