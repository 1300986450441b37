import type { RecordFacts } from '@credit-hub/subgraph-kit';
import { recordFacts, seesFull } from './access.ts';
import type { Context } from './context.ts';
import type { AbnormalOperationRow, ObjectionRow, PenaltyRow, SeriousViolationRow } from './db/schema.ts';
import {
  abnormalListedOn,
  abnormalPublication,
  abnormalPublicOn,
  type Publication,
  penaltyInForceOn,
  penaltyPublication,
  penaltyPublicOn,
  seriousListedOn,
  seriousPublication,
  seriousPublicOn,
} from './rules/index.ts';

/**
 * The one place that turns rows into what a caller may see. Regulators of the region, analysts and
 * admins see every record; everyone else sees a record only while the rules publish it.
 */
export const penaltyPublicationOf = (row: PenaltyRow, ctx: Context): Publication => penaltyPublication(row, row.publicUntil, ctx.today);
export const abnormalPublicationOf = (row: AbnormalOperationRow, ctx: Context) => abnormalPublication(row, ctx.today);
export const seriousPublicationOf = (row: SeriousViolationRow, ctx: Context) => seriousPublication(row, ctx.today, ctx.rules);

export const canSeePenalty = (row: PenaltyRow, ctx: Context) => seesFull(ctx, row) || penaltyPublicationOf(row, ctx).visibleToPublic;
export const canSeeAbnormal = (row: AbnormalOperationRow, ctx: Context) =>
  seesFull(ctx, row) || abnormalPublicationOf(row, ctx).visibleToPublic;
export const canSeeSerious = (row: SeriousViolationRow, ctx: Context) =>
  seesFull(ctx, row) || seriousPublicationOf(row, ctx).visibleToPublic;

/** What the access policy judges each kind of record by (published = the public sees it today). */
export const penaltyFacts = (row: PenaltyRow, ctx: Context): RecordFacts =>
  recordFacts(row, penaltyPublicationOf(row, ctx).visibleToPublic);
export const abnormalFacts = (row: AbnormalOperationRow, ctx: Context): RecordFacts =>
  recordFacts(row, abnormalPublicationOf(row, ctx).visibleToPublic);
export const seriousFacts = (row: SeriousViolationRow, ctx: Context): RecordFacts =>
  recordFacts(row, seriousPublicationOf(row, ctx).visibleToPublic);

/** Penalties in force on `asOf` (or all, without it) that the caller may see. */
export function visiblePenalties(rows: readonly PenaltyRow[], ctx: Context, asOf: string | null | undefined): PenaltyRow[] {
  return rows.filter((row) => {
    if (!asOf) return canSeePenalty(row, ctx);
    return seesFull(ctx, row) ? penaltyInForceOn(row, asOf) : penaltyPublicOn(row, row.publicUntil, asOf, ctx.today);
  });
}

export function visibleAbnormalOperations(rows: readonly AbnormalOperationRow[], ctx: Context, asOf: string | null | undefined) {
  return rows.filter((row) => {
    if (!asOf) return canSeeAbnormal(row, ctx);
    return seesFull(ctx, row) ? abnormalListedOn(row, asOf) : abnormalPublicOn(row, asOf, ctx.today);
  });
}

export function visibleSeriousViolations(rows: readonly SeriousViolationRow[], ctx: Context, asOf: string | null | undefined) {
  return rows.filter((row) => {
    if (!asOf) return canSeeSerious(row, ctx);
    return seesFull(ctx, row) ? seriousListedOn(row, asOf, ctx.rules) : seriousPublicOn(row, asOf, ctx.today, ctx.rules);
  });
}

/** Objections to one record, from the enterprise's objections already loaded for the request. */
export async function objectionsOf(ctx: Context, uscc: string, kind: ObjectionRow['targetKind'], id: number): Promise<ObjectionRow[]> {
  return (await ctx.loaders.objections.load(uscc)).filter((o) => o.targetKind === kind && o.targetId === id);
}

export async function historyOf(ctx: Context, uscc: string, kind: string, id: number) {
  return (await ctx.loaders.history.load(uscc)).filter((h) => h.recordKind === kind && h.recordId === id);
}

export async function repairsOf(ctx: Context, uscc: string, kind: string, id: number) {
  return (await ctx.loaders.creditRepairs.load(uscc)).filter((r) => r.targetKind === kind && r.targetId === id);
}
