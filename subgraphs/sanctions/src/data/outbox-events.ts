import { appendEvents, type OutboxEvent } from '@credit-hub/subgraph-kit';
import type { SanctionsExecutor } from '../db/client.ts';
import type { AbnormalOperationRow, PenaltyRow, SeriousViolationRow } from '../db/schema.ts';
import { abnormalPublication, maskIdNumber, penaltyPublication, type RuleBook, seriousPublication } from '../rules/index.ts';

/** What the event needs to judge publication: the request's today and the rule book. */
export interface EventClock {
  today: string;
  rules: RuleBook;
}

/**
 * Event kinds of the sanctions outbox. Public events carry the record as the public sees it
 * (published fields only, ID numbers masked); regulator events the full record, for supervisors
 * of the region.
 */
export const SANCTION_EVENT_KINDS = [
  'penalty.published',
  'penalty.updated',
  'penalty.withdrawn',
  'penalty.recorded',
  'penalty.changed',
  'listing.added',
  'listing.removed',
  'abnormal.added',
  'abnormal.removed',
  'abnormal.escalation_due',
  'commitment.broken',
] as const;

/** A penalty as the public sees it (行政处罚信息公示规定): no department, no withholding notes. */
/** The columns a published penalty's public shape is made of (what a bulk page selects). */
export const PUBLIC_PENALTY_COLUMNS = [
  'id',
  'decisionNumber',
  'uscc',
  'regionCode',
  'violationType',
  'factsSummary',
  'legalBasis',
  'penaltyTypes',
  'fineAmount',
  'confiscationAmount',
  'procedure',
  'partyType',
  'partyIdNumber',
  'restrictionMonths',
  'heavyDiscretion',
  'decidedOn',
  'authority',
  'caseDomain',
  'publishedOn',
  'publicUntil',
] as const satisfies readonly (keyof PenaltyRow)[];

/** The public shape's field names in PUBLIC_PENALTY_COLUMNS order: `publicPenalty` names the amounts in yuan. */
export const PUBLIC_PENALTY_FIELDS = PUBLIC_PENALTY_COLUMNS.map((column) =>
  column === 'fineAmount' ? 'fineAmountYuan' : column === 'confiscationAmount' ? 'confiscationAmountYuan' : column,
);

export const publicPenalty = (row: Pick<PenaltyRow, (typeof PUBLIC_PENALTY_COLUMNS)[number]>) => ({
  id: row.id,
  decisionNumber: row.decisionNumber,
  uscc: row.uscc,
  regionCode: row.regionCode,
  violationType: row.violationType,
  factsSummary: row.factsSummary,
  legalBasis: row.legalBasis,
  penaltyTypes: row.penaltyTypes,
  fineAmountYuan: row.fineAmount,
  confiscationAmountYuan: row.confiscationAmount,
  procedure: row.procedure,
  partyType: row.partyType,
  partyIdNumber: row.partyIdNumber === null ? null : maskIdNumber(row.partyIdNumber),
  restrictionMonths: row.restrictionMonths,
  heavyDiscretion: row.heavyDiscretion,
  decidedOn: row.decidedOn,
  authority: row.authority,
  caseDomain: row.caseDomain,
  publishedOn: row.publishedOn,
  publicUntil: row.publicUntil,
});

const publicListing = (row: AbnormalOperationRow | SeriousViolationRow, list: 'ABNORMAL_OPERATION' | 'SERIOUS_VIOLATION') => ({
  id: row.id,
  list,
  uscc: row.uscc,
  regionCode: row.regionCode,
  reason: 'reasonDetail' in row ? row.reason : row.reason,
  domain: 'domain' in row ? row.domain : null,
  listedOn: row.listedOn,
  authority: row.authority,
  decisionReference: row.decisionReference,
  removedOn: row.removedOn,
  removalReference: row.removalReference,
});

/** A serious listing as the public sees it (the listing.added payload). */
export const publicSeriousListing = (row: SeriousViolationRow) => publicListing(row, 'SERIOUS_VIOLATION');

/**
 * One `listing.added` per listing and listing day, whether the write sent it (listed today) or the
 * daily job did (listed for a later day): the same dedupe key, so never both.
 */
export const seriousListingDedupeKey = (row: SeriousViolationRow) => `listing.added:${row.id}:${row.listedOn}`;

const withdrawal = (id: number, reference: string | null, reason: string | null) => ({ id, reference, reason });

type Visibility = { visibleToPublic: boolean; reasonHidden: string | null };

/** The public events between two views of a record: published, updated (still public) or withdrawn. */
function publicTransition<T>(
  before: Visibility | null,
  after: Visibility,
  kinds: { added: string; updated?: string; removed: string },
  base: Pick<OutboxEvent, 'uscc' | 'region' | 'effectiveOn'>,
  payload: () => T,
  removed: () => unknown,
): OutboxEvent[] {
  const was = before?.visibleToPublic ?? false;
  // Written out, not spread from base: a bulk import builds two events per row.
  const event = (kind: string, body: unknown): OutboxEvent => ({
    uscc: base.uscc,
    region: base.region,
    effectiveOn: base.effectiveOn,
    audience: 'public',
    kind,
    payload: body,
  });
  if (!was && after.visibleToPublic) return [event(kinds.added, payload())];
  if (was && !after.visibleToPublic) return [event(kinds.removed, removed())];
  if (was && after.visibleToPublic && kinds.updated) return [event(kinds.updated, payload())];
  return [];
}

export function penaltyEvents(before: PenaltyRow | null, after: PenaltyRow, clock: EventClock): OutboxEvent[] {
  const effectiveOn = after.stateChangedOn ?? after.decidedOn;
  const base = { uscc: after.uscc, region: after.regionCode, effectiveOn };
  const publication = penaltyPublication(after, after.publicUntil, clock.today);
  const events = publicTransition(
    before ? penaltyPublication(before, before.publicUntil, clock.today) : null,
    publication,
    { added: 'penalty.published', updated: 'penalty.updated', removed: 'penalty.withdrawn' },
    base,
    () => publicPenalty(after),
    () => withdrawal(after.id, after.decisionNumber, publication.reasonHidden),
  );
  for (const event of events) {
    if (event.kind === 'penalty.published') event.dedupeKey = `penalty.published:${after.id}:${after.publishedOn}`;
  }
  events.push({
    uscc: after.uscc,
    region: after.regionCode,
    effectiveOn,
    audience: 'regulator',
    kind: before ? 'penalty.changed' : 'penalty.recorded',
    payload: after,
  });
  return events;
}

export function abnormalEvents(before: AbnormalOperationRow | null, after: AbnormalOperationRow, clock: EventClock): OutboxEvent[] {
  const base = { uscc: after.uscc, region: after.regionCode, effectiveOn: after.removedOn ?? after.revokedOn ?? after.listedOn };
  const publication = abnormalPublication(after, clock.today);
  return publicTransition(
    before ? abnormalPublication(before, clock.today) : null,
    publication,
    { added: 'abnormal.added', removed: 'abnormal.removed' },
    base,
    () => publicListing(after, 'ABNORMAL_OPERATION'),
    () => withdrawal(after.id, after.removalReference ?? after.decisionReference, publication.reasonHidden ?? 'REMOVED'),
  );
}

/** Serious-list entries and removals: what departments subscribe to for joint punishment (联合惩戒). */
export function seriousEvents(before: SeriousViolationRow | null, after: SeriousViolationRow, clock: EventClock): OutboxEvent[] {
  const base = { uscc: after.uscc, region: after.regionCode, effectiveOn: after.removedOn ?? after.revokedOn ?? after.listedOn };
  const publication = seriousPublication(after, clock.today, clock.rules);
  return publicTransition(
    before ? seriousPublication(before, clock.today, clock.rules) : null,
    publication,
    { added: 'listing.added', removed: 'listing.removed' },
    base,
    () => publicSeriousListing(after),
    () => withdrawal(after.id, after.removalReference ?? after.decisionReference, publication.reasonHidden ?? 'REMOVED'),
  ).map((event) => (event.kind === 'listing.added' ? { ...event, dedupeKey: seriousListingDedupeKey(after) } : event));
}

export const appendPenaltyEvents = (tx: SanctionsExecutor, before: PenaltyRow | null, after: PenaltyRow, clock: EventClock) =>
  appendEvents(tx, penaltyEvents(before, after, clock));
export const appendAbnormalEvents = (
  tx: SanctionsExecutor,
  before: AbnormalOperationRow | null,
  after: AbnormalOperationRow,
  clock: EventClock,
) => appendEvents(tx, abnormalEvents(before, after, clock));
export const appendSeriousEvents = (
  tx: SanctionsExecutor,
  before: SeriousViolationRow | null,
  after: SeriousViolationRow,
  clock: EventClock,
) => appendEvents(tx, seriousEvents(before, after, clock));
