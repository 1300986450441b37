import { notFound, type RecordFacts } from '@credit-hub/subgraph-kit';
import type { Context } from '../context.ts';
import type { AbnormalOperationRow, PenaltyRow, SeriousViolationRow } from '../db/schema.ts';
import { type RepairEligibility, type RepairTargetKind, repairEligibility } from '../rules/index.ts';
import { abnormalFacts, penaltyFacts, seriousFacts } from '../views.ts';

export type TargetRecord =
  | { kind: 'PENALTY'; row: PenaltyRow }
  | { kind: 'ABNORMAL_OPERATION'; row: AbnormalOperationRow }
  | { kind: 'SERIOUS_VIOLATION'; row: SeriousViolationRow };

export async function loadTarget(ctx: Context, kind: RepairTargetKind, id: number): Promise<TargetRecord | null> {
  if (kind === 'PENALTY') {
    const row = await ctx.loaders.penalty.load(id);
    return row && { kind, row };
  }
  if (kind === 'ABNORMAL_OPERATION') {
    const row = await ctx.loaders.abnormalOperation.load(id);
    return row && { kind, row };
  }
  const row = await ctx.loaders.seriousViolation.load(id);
  return row && { kind, row };
}

export async function requireTarget(ctx: Context, kind: RepairTargetKind, id: number, field: string): Promise<TargetRecord> {
  const target = await loadTarget(ctx, kind, id);
  if (!target) throw notFound(`no ${kind.toLowerCase().replace('_', ' ')} with id ${id} (记录不存在)`, { field });
  return target;
}

/** What the access policy judges a repair or objection target by. */
export function targetFacts(target: TargetRecord, ctx: Context): RecordFacts {
  if (target.kind === 'PENALTY') return penaltyFacts(target.row, ctx);
  if (target.kind === 'ABNORMAL_OPERATION') return abnormalFacts(target.row, ctx);
  return seriousFacts(target.row, ctx);
}

export function eligibilityOf(target: TargetRecord, today: string, obligationsFulfilled: boolean, ctx: Context): RepairEligibility {
  return repairEligibility(
    { ...target.row, kind: target.kind } as Parameters<typeof repairEligibility>[0],
    { today, obligationsFulfilled },
    ctx.rules,
  );
}

export async function eligibilityOfTarget(ctx: Context, kind: RepairTargetKind, id: number, obligationsFulfilled: boolean) {
  const target = await loadTarget(ctx, kind, id);
  return target ? eligibilityOf(target, ctx.today, obligationsFulfilled, ctx) : null;
}
