import { conflict, forbidden, notFound, requireNumericId, TEXT } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { insertInspection } from '../data/inspection-store.ts';
import { InspectionRef } from './refs.ts';
import { CommitmentOutcomeEnum, checkVerification, fail } from './verification-mutations.ts';

const VerifyInput = builder.inputType('VerifyCreditCommitmentInput', {
  description: '信用承诺核查 A verification (核查) of a credit commitment recorded in the sanctions subgraph.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码 The committing enterprise.', bounds: TEXT.code }),
    commitmentId: t.id({ required: true, description: '承诺编号 The commitment (VerifiableCommitment.id).' }),
    outcome: t.field({ type: CommitmentOutcomeEnum, required: true, description: '结论 CONFIRMED (kept) or NOT_MET (broken).' }),
    inspectedOn: t.field({ type: 'Date', required: true, description: '核查日期 Not in the future.' }),
    inspectorIds: t.intList({ required: true, description: '检查人员 At least two inspectors of the department.' }),
    findings: t.string({ required: true, description: '核查情况 Findings (also written to the commitment).', bounds: TEXT.text }),
    rectificationDeadline: t.field({ type: 'Date', description: '责令改正期限 For NOT_MET.' }),
  }),
});

builder.mutationField('verifyCreditCommitment', (t) =>
  t.field({
    type: InspectionRef,
    description:
      '信用承诺核查 Verifies a credit commitment: recorded here as an inspection of kind VERIFICATION and, in the same transaction, written to the commitment through the sanctions subgraph’s recordCreditCommitmentVerification with the caller’s own token (its policy decides: the recording department in the enterprise’s region). When sanctions refuses, nothing is recorded here. NOT_MET: 承诺不实, on the credit record and published (闽市监综〔2021〕154号（四）; 湘市监信〔2021〕108号 5).',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { input: t.arg({ type: VerifyInput, required: true, description: 'The verification.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { uscc, regionCode, department, inspectorIds } = await checkVerification(ctx, input, 'verifyCreditCommitment');
      const commitmentId = String(requireNumericId(input.commitmentId, 'input.commitmentId'));
      const findings = input.findings.trim() || fail('input.findings', 'EMPTY', 'cannot be empty');
      if (!ctx.token) throw forbidden('verifyCreditCommitment: the write goes to the commitment as you, and your request carries no token');
      const token = ctx.token;
      const commitment = (await ctx.creditCommitments.read(token, uscc)).find((row) => row.id === commitmentId);
      if (!commitment)
        throw notFound('input.commitmentId: no such commitment of this enterprise (记录不存在)', { field: 'input.commitmentId' });
      if (commitment.status !== 'PENDING')
        throw conflict(`input.commitmentId: already verified (${commitment.status})`, { field: 'input.commitmentId', reason: 'STATE' });
      return insertInspection(
        ctx.db,
        {
          taskId: null,
          uscc,
          regionCode,
          department,
          kind: 'VERIFICATION',
          result: input.outcome === 'NOT_MET' ? 'PROBLEM_CORRECTION_ORDERED' : 'NO_PROBLEM',
          creditCommitmentId: Number(commitmentId),
          commitmentOutcome: input.outcome,
          inspectedOn: input.inspectedOn,
          inspectorIds,
          findings,
          rectificationDeadline: input.rectificationDeadline ?? null,
          recordedBy: ctx.caller.sub,
        },
        // Inside the transaction: when the commitment's owner refuses, the inspection rolls back.
        (inserted) =>
          ctx.creditCommitments.record(token, {
            id: commitmentId,
            kept: input.outcome === 'CONFIRMED',
            inspectionId: inserted.id,
            findings,
            verifiedOn: input.inspectedOn,
          }),
      );
    },
  }),
);
