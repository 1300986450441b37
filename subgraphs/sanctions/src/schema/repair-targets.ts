import { notFound, type RecordFacts } from '@credit-hub/subgraph-kit';
import type { Context } from '../context.ts';
import type { AbnormalOperationRow, PenaltyRow, SeriousViolationRow } from '../db/schema.ts';
import { abnormalListedOn, type RepairEligibility, type RepairTargetKind, repairEligibility, seriousListedOn } from '../rules/index.ts';
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

/**
 * What besides the penalty decides its repair: a later penalty of the enterprise for the same kind
 * of violation, and whether it is on the abnormal or serious list that day (行政处罚信息公示规定
 * 第十四–十六条). Read from the enterprise's records already loaded for the request.
 */
async function penaltyRepairContext(ctx: Context, penalty: PenaltyRow, day: string) {
  const [penalties, abnormal, serious] = await Promise.all([
    ctx.loaders.penalties.load(penalty.uscc),
    ctx.loaders.abnormalOperations.load(penalty.uscc),
    ctx.loaders.seriousViolations.load(penalty.uscc),
  ]);
  const kind = penalty.violationType.trim();
  const later = penalties.find(
    (other) =>
      other.id !== penalty.id &&
      other.state !== 'REVOKED' &&
      other.decidedOn > penalty.decidedOn &&
      other.decidedOn <= day &&
      other.violationType.trim() === kind,
  );
  return {
    laterSameKindPenalty: later?.decisionNumber ?? null,
    listedAbnormal: abnormal.some((row) => abnormalListedOn(row, day)),
    listedSerious: serious.some((row) => seriousListedOn(row, day, ctx.rules)),
  };
}

type RepairExtras = Awaited<ReturnType<typeof penaltyRepairContext>>;

/** The facts outside the record a repair depends on (empty for listings). */
export const repairContextOf = async (ctx: Context, target: TargetRecord, day: string): Promise<Partial<RepairExtras>> =>
  target.kind === 'PENALTY' ? penaltyRepairContext(ctx, target.row, day) : {};

/** Eligibility of a (possibly just locked) record with the outside facts already gathered. */
export function eligibilityWith(
  target: TargetRecord,
  today: string,
  obligationsFulfilled: boolean,
  ctx: Context,
  extras: Partial<RepairExtras>,
) {
  return repairEligibility(
    { ...target.row, kind: target.kind } as Parameters<typeof repairEligibility>[0],
    { today, obligationsFulfilled, ...extras },
    ctx.rules,
  );
}

export async function penaltyRepairEligibility(ctx: Context, penalty: PenaltyRow, today: string, obligationsFulfilled: boolean) {
  return eligibilityOf({ kind: 'PENALTY', row: penalty }, today, obligationsFulfilled, ctx);
}

export async function eligibilityOf(
  target: TargetRecord,
  today: string,
  obligationsFulfilled: boolean,
  ctx: Context,
): Promise<RepairEligibility> {
  return eligibilityWith(target, today, obligationsFulfilled, ctx, await repairContextOf(ctx, target, today));
}

export async function eligibilityOfTarget(ctx: Context, kind: RepairTargetKind, id: number, obligationsFulfilled: boolean) {
  const target = await loadTarget(ctx, kind, id);
  return target ? eligibilityOf(target, ctx.today, obligationsFulfilled, ctx) : null;
}
