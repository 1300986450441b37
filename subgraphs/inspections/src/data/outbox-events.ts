import { appendEvents, type OutboxEvent } from '@credit-hub/subgraph-kit';
import type { InspectionRow } from '../db/schema.ts';

/** Event kinds of the inspections outbox. */
export const INSPECTION_EVENT_KINDS = ['inspection.recorded', 'inspection.published'] as const;

/**
 * An inspection as the public sees it (抽查检查结果公示): the standard result and sampling outcome,
 * never the findings, the inspectors, the follow-up or who recorded it — the same fields the
 * `Inspection` type shows to callers who are not supervisors of the region.
 */
export const publicInspection = (row: InspectionRow) => ({
  id: row.id,
  uscc: row.uscc.trim(),
  regionCode: row.regionCode,
  taskId: row.taskId,
  department: row.department,
  kind: row.kind,
  trigger: row.trigger,
  result: row.result,
  samplingItem: row.samplingItem,
  samplingStandard: row.samplingStandard,
  samplingOutcome: row.samplingOutcome,
  licenseNumber: row.licenseNumber,
  commitmentOutcome: row.commitmentOutcome,
  inspectedOn: row.inspectedOn,
  rectificationDeadline: row.rectificationDeadline,
  publishedOn: row.publishedOn,
});

/**
 * A recorded result goes to the region's supervisors only (the full record: it is not public until
 * published); publication sends the public view to everyone.
 */
export function inspectionEvent(kind: (typeof INSPECTION_EVENT_KINDS)[number], row: InspectionRow): OutboxEvent {
  const base = { kind, uscc: row.uscc.trim(), region: row.regionCode };
  return kind === 'inspection.published'
    ? { ...base, audience: 'public', effectiveOn: row.publishedOn ?? row.inspectedOn, payload: publicInspection(row) }
    : { ...base, audience: 'regulator', effectiveOn: row.inspectedOn, payload: row };
}

// biome-ignore lint/suspicious/noExplicitAny: the inspections database or one of its transactions
export const appendInspectionEvents = (tx: any, events: OutboxEvent[]) => appendEvents(tx, events);
