import { appendEvents, conflict, notFound, type OutboxEvent } from '@credit-hub/subgraph-kit';
import type { SanctionsExecutor } from '../db/client.ts';
import type { AbnormalOperationRow, PenaltyRow, RecordKind, SeriousViolationRow } from '../db/schema.ts';
import { lockAbnormalOperation, type NewAbnormalOperation, saveAbnormalOperation } from './abnormal-operation-store.ts';
import { appendHistories, appendHistory, type NewHistoryEntry } from './history-store.ts';
import { appendAbnormalEvents, appendPenaltyEvents, appendSeriousEvents, type EventClock } from './outbox-events.ts';
import { lockPenalty, type NewPenalty, savePenalty } from './penalty-store.ts';
import {
  lockSeriousViolation,
  lockSeriousViolationsTriggeredBy,
  type NewSeriousViolation,
  saveSeriousViolation,
} from './serious-violation-store.ts';

/** Who made a change and on what authority: every history entry carries it. */
export interface ChangeMeta {
  actor: string;
  department: string | null;
  reason: string | null;
  decisionReference: string | null;
  effectiveOn: string;
  /** The request's today and rule book: the outbox event says what the public sees after the change. */
  clock: EventClock;
}

export const historyEntry = (
  record: { uscc: string; kind: RecordKind; id: number },
  action: string,
  states: { from: string | null; to: string },
  meta: ChangeMeta,
  before?: unknown,
): NewHistoryEntry => ({
  uscc: record.uscc,
  recordKind: record.kind,
  recordId: record.id,
  action,
  fromState: states.from,
  toState: states.to,
  reason: meta.reason,
  decisionReference: meta.decisionReference,
  effectiveOn: meta.effectiveOn,
  actor: meta.actor,
  department: meta.department,
  before: before ?? null,
});

/** What a record's creation writes beside it: its history entry and its feed events. */
export interface Creation<TRow> {
  kind: RecordKind;
  action: string;
  state: (row: TRow) => string;
  events: (row: TRow) => OutboxEvent[];
  meta: (row: TRow) => ChangeMeta;
}

/**
 * The feed events and history entries of records just inserted (a form's one, an import's batch),
 * in the caller's transaction: one statement for the events, one for the history.
 */
export async function recordCreations<TRow extends { id: number; uscc: string }>(
  tx: SanctionsExecutor,
  inserted: readonly TRow[],
  creation: Creation<TRow>,
): Promise<void> {
  if (inserted.length === 0) return;
  await appendEvents(tx, inserted.flatMap(creation.events));
  await appendHistories(
    tx,
    inserted.map((row) =>
      historyEntry(
        { uscc: row.uscc, kind: creation.kind, id: row.id },
        creation.action,
        { from: null, to: creation.state(row) },
        creation.meta(row),
      ),
    ),
  );
}

/** State name of a listing for history entries. */
export const listingStateName = (row: { removedOn: string | null; revokedOn: string | null; repairedOn: string | null }) =>
  row.revokedOn ? 'REVOKED' : row.repairedOn ? 'REPAIRED' : row.removedOn ? 'REMOVED' : 'LISTED';

type Decide<TRow, TPatch> = (current: TRow) => { patch: Partial<TPatch>; action: string; before?: unknown };

/**
 * Locks the record, lets `decide` check its current state (throwing rolls everything back) and
 * name the change, saves it and appends history, all inside the caller's transaction.
 */
export async function changePenalty(tx: SanctionsExecutor, id: number, meta: ChangeMeta, decide: Decide<PenaltyRow, NewPenalty>) {
  const current = await lockPenalty(tx, id);
  if (!current) throw notFound(`no penalty with id ${id}`, { field: 'id' });
  const { patch, action, before } = decide(current);
  const updated = await savePenalty(tx, id, patch);
  await appendHistory(
    tx,
    historyEntry({ uscc: current.uscc, kind: 'PENALTY', id }, action, { from: current.state, to: updated.state }, meta, before),
  );
  await appendPenaltyEvents(tx, current, updated, meta.clock);
  if (updated.state === 'REVOKED' && current.state !== 'REVOKED') await revokeTriggeredListings(tx, updated, meta);
  return updated;
}

/** A serious listing stands on its penalty: revoking the penalty voids the listing in the same transaction. */
async function revokeTriggeredListings(tx: SanctionsExecutor, penalty: PenaltyRow, meta: ChangeMeta) {
  for (const listing of await lockSeriousViolationsTriggeredBy(tx, penalty.id)) {
    const updated = await saveSeriousViolation(tx, listing.id, { revokedOn: meta.effectiveOn });
    await appendSeriousEvents(tx, listing, updated, meta.clock);
    await appendHistory(
      tx,
      historyEntry(
        { uscc: listing.uscc, kind: 'SERIOUS_VIOLATION', id: listing.id },
        'REVOKED_WITH_PENALTY',
        { from: listingStateName(listing), to: listingStateName(updated) },
        { ...meta, reason: `据以列入的行政处罚 ${penalty.decisionNumber} 已撤销${meta.reason ? `：${meta.reason}` : ''}` },
      ),
    );
  }
}

export async function changeAbnormalOperation(
  tx: SanctionsExecutor,
  id: number,
  meta: ChangeMeta,
  decide: Decide<AbnormalOperationRow, NewAbnormalOperation>,
) {
  const current = await lockAbnormalOperation(tx, id);
  if (!current) throw notFound(`no abnormal operation listing with id ${id}`, { field: 'id' });
  const { patch, action, before } = decide(current);
  const updated = await saveAbnormalOperation(tx, id, patch);
  await appendAbnormalEvents(tx, current, updated, meta.clock);
  await appendHistory(
    tx,
    historyEntry(
      { uscc: current.uscc, kind: 'ABNORMAL_OPERATION', id },
      action,
      { from: listingStateName(current), to: listingStateName(updated) },
      meta,
      before,
    ),
  );
  return updated;
}

export async function changeSeriousViolation(
  tx: SanctionsExecutor,
  id: number,
  meta: ChangeMeta,
  decide: Decide<SeriousViolationRow, NewSeriousViolation>,
) {
  const current = await lockSeriousViolation(tx, id);
  if (!current) throw notFound(`no serious violation listing with id ${id}`, { field: 'id' });
  const { patch, action, before } = decide(current);
  const updated = await saveSeriousViolation(tx, id, patch);
  await appendSeriousEvents(tx, current, updated, meta.clock);
  await appendHistory(
    tx,
    historyEntry(
      { uscc: current.uscc, kind: 'SERIOUS_VIOLATION', id },
      action,
      { from: listingStateName(current), to: listingStateName(updated) },
      meta,
      before,
    ),
  );
  return updated;
}

export const stateConflict = (message: string) => conflict(message, { reason: 'STATE' });
