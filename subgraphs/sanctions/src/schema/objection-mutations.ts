import { badUserInput, conflict, notFound, requireNumericId, TEXT } from '@credit-hub/subgraph-kit';
import { assertDateWithin, assertOwnsRecord, recordFacts, requireText } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { appendHistory } from '../data/history-store.ts';
import { getObjectionById, insertObjection, lockObjection, saveObjection } from '../data/objection-store.ts';
import { changeAbnormalOperation, changePenalty, changeSeriousViolation, historyEntry, stateConflict } from '../data/transitions.ts';
import { ObjectionOutcomeEnum, RecordKindEnum } from './enums.ts';
import {
  changedPenaltyPatch,
  changeMeta,
  PenaltyChangesInput,
  type PenaltyContent,
  revokedPenaltyPatch,
  writers,
} from './penalty-mutations.ts';
import { ObjectionRef } from './refs.ts';
import { requireTarget, targetFacts } from './repair-targets.ts';

const RecordObjectionInput = builder.inputType('RecordObjectionInput', {
  description: '异议登记 An objection the enterprise raised, recorded by the department that produced the record.',
  fields: (t) => ({
    targetKind: t.field({ type: RecordKindEnum, required: true, description: '异议对象类型 Kind of record.' }),
    targetId: t.id({ required: true, description: '异议对象 The record.' }),
    filedOn: t.field({ type: 'Date', description: '提出日期 Defaults to today.' }),
    grounds: t.string({ required: true, description: '异议理由 What the enterprise says is wrong.', bounds: TEXT.longText }),
  }),
});

function clearEnterprise(ctx: Context, uscc: string) {
  for (const loader of [
    ctx.loaders.objections,
    ctx.loaders.history,
    ctx.loaders.penalties,
    ctx.loaders.abnormalOperations,
    ctx.loaders.seriousViolations,
  ]) {
    loader.clear(uscc);
  }
}

builder.mutationField('recordObjection', (t) =>
  t.field({
    type: ObjectionRef,
    description:
      '登记异议 Records an objection to a record (producing department only); the record shows as disputed until resolved. CONFLICT while one is pending.',
    authScopes: writers,
    args: { input: t.arg({ type: RecordObjectionInput, required: true, description: 'The objection.' }) },
    resolve: async (_root, { input }, ctx) => {
      const target = await requireTarget(ctx, input.targetKind, requireNumericId(input.targetId, 'input.targetId'), 'input.targetId');
      assertOwnsRecord(ctx, targetFacts(target, ctx), `${input.targetKind.toLowerCase()} ${input.targetId}`, 'input.targetId');
      const filedOn = input.filedOn ?? ctx.today;
      assertDateWithin(filedOn, 'input.filedOn', { today: ctx.today });
      const grounds = requireText(input.grounds, 'input.grounds');
      const objection = await ctx.db.transaction(async (tx) => {
        const inserted = await insertObjection(tx, {
          uscc: target.row.uscc,
          regionCode: target.row.regionCode,
          department: target.row.department,
          recordedBy: ctx.caller.sub,
          targetKind: input.targetKind,
          targetId: target.row.id,
          filedOn,
          grounds,
        });
        if (!inserted) throw conflict('an objection to this record is already pending (已有待处理的异议)', { field: 'input.targetId' });
        await appendHistory(
          tx,
          historyEntry(
            { uscc: inserted.uscc, kind: 'OBJECTION', id: inserted.id },
            'FILED',
            { from: null, to: 'PENDING' },
            changeMeta(ctx, { reason: grounds }, filedOn),
          ),
        );
        return inserted;
      });
      clearEnterprise(ctx, objection.uscc);
      return objection;
    },
  }),
);

builder.mutationField('resolveObjection', (t) =>
  t.field({
    type: ObjectionRef,
    description:
      '异议处理 Resolves a pending objection (producing department only): upheld → the record is corrected (penalties: `correction`) or revoked, in the same transaction; dismissed → it stands.',
    authScopes: writers,
    args: {
      id: t.arg.id({ required: true, description: 'The objection.' }),
      outcome: t.arg({ type: ObjectionOutcomeEnum, required: true, description: 'How it is resolved.' }),
      reason: t.arg.string({ required: true, description: '理由 Reasons of the resolution.', bounds: TEXT.text }),
      decisionReference: t.arg.string({ required: true, description: '决定书文号 Reference of the resolution.', bounds: TEXT.reference }),
      correction: t.arg({
        type: PenaltyChangesInput,
        description: '更正内容 Corrected content of a penalty (UPHELD_CORRECTED on a penalty only).',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const objection = await getObjectionById(ctx.db, requireNumericId(args.id, 'id'));
      if (!objection) throw notFound(`no objection with id ${args.id}`, { field: 'id' });
      assertOwnsRecord(ctx, recordFacts(objection, false), `objection ${args.id}`, 'id');
      const correcting = args.outcome === 'UPHELD_CORRECTED';
      if (args.correction && !(correcting && objection.targetKind === 'PENALTY')) {
        throw badUserInput('correction: only for UPHELD_CORRECTED on a penalty', { field: 'correction', reason: 'UNEXPECTED' });
      }
      if (correcting && objection.targetKind === 'PENALTY' && !args.correction) {
        throw badUserInput('correction: an upheld objection to a penalty needs the corrected content', {
          field: 'correction',
          reason: 'MISSING',
        });
      }
      const meta = changeMeta(ctx, { reason: args.reason, decisionReference: args.decisionReference }, ctx.today);
      const resolved = await ctx.db.transaction(async (tx) => {
        const current = await lockObjection(tx, objection.id);
        if (current?.status !== 'PENDING') throw stateConflict(`objection ${args.id} is already resolved`);
        if (args.outcome !== 'DISMISSED') {
          const revoke = args.outcome === 'UPHELD_REVOKED';
          if (current.targetKind === 'PENALTY') {
            await changePenalty(tx, current.targetId, meta, (row) =>
              revoke
                ? revokedPenaltyPatch(row, ctx.today)
                : changedPenaltyPatch(ctx, row, args.correction as Partial<PenaltyContent>, ctx.today, 'correction'),
            );
          } else {
            const change = current.targetKind === 'ABNORMAL_OPERATION' ? changeAbnormalOperation : changeSeriousViolation;
            await change(tx, current.targetId, meta, (row) => {
              if (row.revokedOn) throw stateConflict('the listing is already revoked');
              return revoke ? { action: 'REVOKED', patch: { revokedOn: ctx.today } } : { action: 'CORRECTED', patch: {} };
            });
          }
        }
        const saved = await saveObjection(tx, current.id, {
          status: args.outcome,
          resolvedOn: ctx.today,
          resolutionReason: meta.reason,
          decisionReference: meta.decisionReference,
          resolvedBy: ctx.caller.sub,
        });
        await appendHistory(
          tx,
          historyEntry({ uscc: saved.uscc, kind: 'OBJECTION', id: saved.id }, 'RESOLVED', { from: 'PENDING', to: saved.status }, meta),
        );
        return saved;
      });
      clearEnterprise(ctx, resolved.uscc);
      ctx.loaders.penalty.clear(resolved.targetId);
      ctx.loaders.abnormalOperation.clear(resolved.targetId);
      ctx.loaders.seriousViolation.clear(resolved.targetId);
      return resolved;
    },
  }),
);
