import { badUserInput, conflict, notFound, requireNumericId, TEXT } from '@credit-hub/subgraph-kit';
import { assertDateWithin, assertOwnsRecord, recordFacts, requireText } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { getCreditRepairById, insertCreditRepair, lockCreditRepair, saveCreditRepair } from '../data/credit-repair-store.ts';
import { appendHistory } from '../data/history-store.ts';
import {
  type ChangeMeta,
  changeAbnormalOperation,
  changePenalty,
  changeSeriousViolation,
  historyEntry,
  stateConflict,
} from '../data/transitions.ts';
import type { SanctionsExecutor } from '../db/client.ts';
import type { CreditRepairRow } from '../db/schema.ts';
import { type RepairEligibility, type RepairTargetKind, seriousListedOn } from '../rules/index.ts';
import { RecordKindEnum, RepairDecisionEnum } from './enums.ts';
import { changeMeta, writers } from './penalty-mutations.ts';
import { CreditRepairRef } from './refs.ts';
import { eligibilityOf, eligibilityWith, repairContextOf, requireTarget, type TargetRecord, targetFacts } from './repair-targets.ts';

const notEligible = (eligibility: RepairEligibility, field: string) =>
  badUserInput(
    `${field}: not eligible for credit repair today (${eligibility.reasons.join(', ')})${eligibility.eligibleFrom ? `; earliest ${eligibility.eligibleFrom}` : ''}`,
    { field, reason: 'NOT_ELIGIBLE', reasons: eligibility.reasons, eligibleFrom: eligibility.eligibleFrom },
  );

const FileCreditRepairInput = builder.inputType('FileCreditRepairInput', {
  description: "信用修复申请 An enterprise's application, recorded by the department that produced the record.",
  fields: (t) => ({
    targetKind: t.field({ type: RecordKindEnum, required: true, description: '修复对象类型 Kind of record.' }),
    targetId: t.id({ required: true, description: '修复对象 The record.' }),
    appliedOn: t.field({ type: 'Date', description: '申请日期 Defaults to today.' }),
    statement: t.string({ required: true, description: '申请说明 How the enterprise corrected the violation.', bounds: TEXT.longText }),
    obligationsFulfilled: t.boolean({
      required: true,
      description: '履行法定义务 Fines paid and orders complied with (checked by the department).',
    }),
  }),
});

function clearTarget(ctx: Context, target: TargetRecord) {
  const loaders = {
    PENALTY: ctx.loaders.penalties,
    ABNORMAL_OPERATION: ctx.loaders.abnormalOperations,
    SERIOUS_VIOLATION: ctx.loaders.seriousViolations,
  };
  loaders[target.kind].clear(target.row.uscc);
  ctx.loaders.creditRepairs.clear(target.row.uscc);
  ctx.loaders.history.clear(target.row.uscc);
}

builder.mutationField('fileCreditRepair', (t) =>
  t.field({
    type: CreditRepairRef,
    description:
      '受理信用修复申请 Records an application (producing department only). Refused with BAD_USER_INPUT reason NOT_ELIGIBLE, listing the unmet rules and the earliest day, when the rules rule it out today; CONFLICT while another is pending.',
    authScopes: writers,
    args: { input: t.arg({ type: FileCreditRepairInput, required: true, description: 'The application.' }) },
    resolve: async (_root, { input }, ctx) => {
      const target = await requireTarget(ctx, input.targetKind, requireNumericId(input.targetId, 'input.targetId'), 'input.targetId');
      assertOwnsRecord(ctx, targetFacts(target, ctx), `${input.targetKind.toLowerCase()} ${input.targetId}`, 'input.targetId');
      const appliedOn = input.appliedOn ?? ctx.today;
      assertDateWithin(appliedOn, 'input.appliedOn', { today: ctx.today });
      const eligibility = await eligibilityOf(target, ctx.today, input.obligationsFulfilled, ctx);
      if (!eligibility.eligible) throw notEligible(eligibility, 'input.targetId');
      const statement = requireText(input.statement, 'input.statement');
      const repair = await ctx.db.transaction(async (tx) => {
        const inserted = await insertCreditRepair(tx, {
          uscc: target.row.uscc,
          regionCode: target.row.regionCode,
          department: target.row.department,
          recordedBy: ctx.caller.sub,
          targetKind: input.targetKind,
          targetId: target.row.id,
          appliedOn,
          statement,
          obligationsFulfilled: input.obligationsFulfilled,
        });
        if (!inserted)
          throw conflict('another repair application for this record is pending (已有待决定的申请)', { field: 'input.targetId' });
        await appendHistory(
          tx,
          historyEntry(
            { uscc: inserted.uscc, kind: 'CREDIT_REPAIR', id: inserted.id },
            'FILED',
            { from: null, to: 'PENDING' },
            changeMeta(ctx, {}, appliedOn),
          ),
        );
        return inserted;
      });
      clearTarget(ctx, target);
      return repair;
    },
  }),
);

/** What approval does to the record: stop publication; a serious listing also ends early. */
function repairTarget(
  tx: SanctionsExecutor,
  kind: RepairTargetKind,
  id: number,
  meta: ChangeMeta,
  ctx: Context,
  check: (target: TargetRecord) => void,
) {
  const today = meta.effectiveOn;
  if (kind === 'PENALTY') {
    return changePenalty(tx, id, meta, (row) => {
      check({ kind, row });
      return { action: 'REPAIRED', patch: { state: 'REPAIRED', repairedOn: today } };
    });
  }
  if (kind === 'ABNORMAL_OPERATION') {
    return changeAbnormalOperation(tx, id, meta, (row) => {
      check({ kind, row });
      return { action: 'REPAIRED', patch: { repairedOn: today } };
    });
  }
  return changeSeriousViolation(tx, id, meta, (row) => {
    check({ kind, row });
    const early = seriousListedOn(row, today, ctx.rules) && !row.removedOn;
    return {
      action: 'REPAIRED',
      patch: {
        repairedOn: today,
        ...(early
          ? {
              removedOn: today,
              removalReason: 'EARLY_REMOVAL_AFTER_REPAIR' as const,
              removalAuthority: row.authority,
              removalReference: meta.decisionReference,
            }
          : {}),
      },
    };
  });
}

async function loadRepairForWrite(ctx: Context, id: string | number): Promise<CreditRepairRow> {
  const repair = await getCreditRepairById(ctx.db, requireNumericId(id, 'id'));
  if (!repair) throw notFound(`no credit repair application with id ${id}`, { field: 'id' });
  assertOwnsRecord(ctx, recordFacts(repair, false), `credit repair application ${id}`, 'id');
  return repair;
}

builder.mutationField('decideCreditRepair', (t) =>
  t.field({
    type: CreditRepairRef,
    description:
      '信用修复决定 Approves or rejects a pending application (producing department only). Approval re-checks the rules on the decision day and, in one transaction, stops publication of the record (a serious listing is removed early).',
    authScopes: writers,
    args: {
      id: t.arg.id({ required: true, description: 'The application.' }),
      decision: t.arg({ type: RepairDecisionEnum, required: true, description: '准予 / 不予修复.' }),
      reason: t.arg.string({ required: true, description: '理由 Reasons of the decision.', bounds: TEXT.text }),
      decisionReference: t.arg.string({
        required: true,
        description: '决定书文号 Reference of the repair decision.',
        bounds: TEXT.reference,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const repair = await loadRepairForWrite(ctx, args.id);
      const meta = changeMeta(ctx, { reason: args.reason, decisionReference: args.decisionReference }, ctx.today);
      const extras = await repairContextOf(ctx, await requireTarget(ctx, repair.targetKind, repair.targetId, 'id'), ctx.today);
      const decided = await ctx.db.transaction(async (tx) => {
        const current = await lockCreditRepair(tx, repair.id);
        if (current?.status !== 'PENDING') throw stateConflict(`credit repair application ${args.id} is already decided`);
        if (args.decision === 'APPROVED') {
          await repairTarget(tx, current.targetKind, current.targetId, meta, ctx, (target) => {
            const eligibility = eligibilityWith(target, ctx.today, current.obligationsFulfilled, ctx, extras);
            if (!eligibility.eligible) throw notEligible(eligibility, 'id');
          });
        }
        const saved = await saveCreditRepair(tx, current.id, {
          status: args.decision,
          decidedOn: ctx.today,
          decisionReason: meta.reason,
          decisionReference: meta.decisionReference,
          decidedBy: ctx.caller.sub,
        });
        await appendHistory(
          tx,
          historyEntry(
            { uscc: saved.uscc, kind: 'CREDIT_REPAIR', id: saved.id },
            args.decision,
            { from: 'PENDING', to: saved.status },
            meta,
          ),
        );
        return saved;
      });
      const target = await requireTarget(ctx, decided.targetKind, decided.targetId, 'id');
      clearTarget(ctx, target);
      ctx.loaders.penalty.clear(decided.targetId);
      ctx.loaders.abnormalOperation.clear(decided.targetId);
      ctx.loaders.seriousViolation.clear(decided.targetId);
      return decided;
    },
  }),
);
