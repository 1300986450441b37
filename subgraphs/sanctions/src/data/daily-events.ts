import { appendEvents, type OutboxEvent } from '@credit-hub/subgraph-kit';
import { latestStartElapsedBy } from '@credit-hub/workdays';
import { and, asc, between, gt, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import type { SanctionsDb } from '../db/client.ts';
import { penalties, seriousViolations } from '../db/schema.ts';
import { abnormalEscalationDueOn, penaltyPublication, type RuleBook, seriousPublication, seriousPublicUntil } from '../rules/index.ts';
import { getAbnormalOperationsDueForEscalation, type ListingCursor } from './abnormal-operation-store.ts';
import { publicPenalty, publicSeriousListing, seriousListingDedupeKey } from './outbox-events.ts';

/** Days back the job looks, so a hub that was down for a while still emits what fell due meanwhile. */
const CATCH_UP_DAYS = 30;
const PAGE = 1000;

const minusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Date-driven events of the sanctions outbox for `today`, each exactly once per record and date
 * (dedupe key `<kind>:<id>:<date>`; a re-run, a restart or a second replica adds nothing):
 * a publication that starts on a day after it was recorded (`penalty.published`), a publication
 * period that ended (`penalty.withdrawn`, reason PERIOD_ENDED), a serious listing that starts on
 * a later day (`listing.added`) or whose 3-year publication ended (`listing.removed`, reason
 * PERIOD_ENDED: 市场监督管理严重违法失信名单管理办法 第十六条, rule SERIOUS_LISTING_PERIOD), and an
 * abnormal listing that has become due for escalation to the serious list
 * (`abnormal.escalation_due`, regulators only).
 */
export async function appendDailyEvents(db: SanctionsDb, today: string, rules: RuleBook): Promise<number> {
  const since = minusDays(today, CATCH_UP_DAYS);
  const events: OutboxEvent[] = [];
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(penalties)
      .where(
        and(
          gt(penalties.id, afterId),
          ne(penalties.state, 'REVOKED'),
          isNotNull(penalties.publishedOn),
          or(between(penalties.publishedOn, since, today), between(penalties.publicUntil, since, today)),
        ),
      )
      .orderBy(asc(penalties.id))
      .limit(PAGE);
    if (rows.length === 0) break;
    afterId = rows.at(-1)?.id ?? afterId;
    for (const row of rows) {
      const base = { uscc: row.uscc, region: row.regionCode, audience: 'public' as const };
      if (
        row.publishedOn &&
        row.publishedOn > since &&
        row.publishedOn <= today &&
        penaltyPublication(row, row.publicUntil, today).visibleToPublic
      ) {
        events.push({
          ...base,
          kind: 'penalty.published',
          effectiveOn: row.publishedOn,
          payload: publicPenalty(row),
          dedupeKey: `penalty.published:${row.id}:${row.publishedOn}`,
        });
      }
      if (
        row.publicUntil &&
        row.publicUntil >= since &&
        row.publicUntil < today &&
        penaltyPublication(row, row.publicUntil, row.publicUntil).visibleToPublic
      ) {
        events.push({
          ...base,
          kind: 'penalty.withdrawn',
          effectiveOn: minusDays(row.publicUntil, -1),
          payload: { id: row.id, reference: row.decisionNumber, reason: 'PERIOD_ENDED' },
          dedupeKey: `penalty.publication_ended:${row.id}:${row.publicUntil}`,
        });
      }
    }
    if (rows.length < PAGE) break;
  }
  events.push(...(await seriousListingEvents(db, since, today, rules)));
  const listedOnOrBefore = latestStartElapsedBy(today, rules.value('ABNORMAL_ESCALATION', today));
  let after: ListingCursor | undefined;
  for (;;) {
    const rows = await getAbnormalOperationsDueForEscalation(db, { listedOnOrBefore, limit: PAGE, after });
    for (const row of rows) {
      const dueOn = abnormalEscalationDueOn(row.listedOn, rules);
      events.push({
        uscc: row.uscc,
        region: row.regionCode,
        audience: 'regulator',
        kind: 'abnormal.escalation_due',
        effectiveOn: dueOn,
        payload: row,
        dedupeKey: `abnormal.escalation_due:${row.id}:${dueOn}`,
      });
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = { listedOn: last.listedOn, id: last.id };
  }
  let added = 0;
  for (let start = 0; start < events.length; start += PAGE) {
    added += (await db.transaction((tx) => appendEvents(tx, events.slice(start, start + PAGE)))).length;
  }
  return added;
}

/**
 * Serious listings (严重违法失信名单) whose publication starts or ends in the catch-up window. The
 * period is computed from `listedOn` by the rule book (no stored end date), so every listing not
 * revoked is examined; the list is small (thousands), and this runs once a day. A listing removed,
 * repaired or revoked earlier already sent `listing.removed` when that was recorded, so only one
 * still public on its last day ends here; the record itself stops being public by the same rule
 * (`seriousPublication`), which every read applies.
 */
async function seriousListingEvents(db: SanctionsDb, since: string, today: string, rules: RuleBook): Promise<OutboxEvent[]> {
  const events: OutboxEvent[] = [];
  let afterId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(seriousViolations)
      .where(and(gt(seriousViolations.id, afterId), isNull(seriousViolations.revokedOn), lte(seriousViolations.listedOn, today)))
      .orderBy(asc(seriousViolations.id))
      .limit(PAGE);
    for (const row of rows) {
      const base = { uscc: row.uscc, region: row.regionCode, audience: 'public' as const };
      if (row.listedOn > since && seriousPublication(row, today, rules).visibleToPublic) {
        events.push({
          ...base,
          kind: 'listing.added',
          effectiveOn: row.listedOn,
          payload: publicSeriousListing(row),
          dedupeKey: seriousListingDedupeKey(row),
        });
      }
      const publicUntil = seriousPublicUntil(row.listedOn, rules);
      if (publicUntil >= since && publicUntil < today && seriousPublication(row, publicUntil, rules).visibleToPublic) {
        events.push({
          ...base,
          kind: 'listing.removed',
          effectiveOn: minusDays(publicUntil, -1),
          payload: { id: row.id, reference: row.removalReference ?? row.decisionReference, reason: 'PERIOD_ENDED' },
          dedupeKey: `listing.publication_ended:${row.id}:${publicUntil}`,
        });
      }
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    afterId = last.id;
  }
  return events;
}
