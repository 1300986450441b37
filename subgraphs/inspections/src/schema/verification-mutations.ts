import { assertCanWrite, badUserInput, forbidden, notFound, registeredRegionOf, requireValidUscc, TEXT } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { insertInspection } from '../data/inspection-store.ts';
import { getInspectorsById } from '../data/inspector-store.ts';
import { InspectionRef } from './refs.ts';

export const fail = (field: string, reason: string, message: string): never => {
  throw badUserInput(`${field}: ${message}`, { field, reason });
};

interface VerificationInput {
  uscc: string;
  inspectedOn: string;
  inspectorIds: number[];
  rectificationDeadline?: string | null;
}

/**
 * What every 核查 checks before writing anywhere: the date, the caller's department in the
 * enterprise's registered region (kit policy), two to ten inspectors of that department.
 */
export async function checkVerification(ctx: Context, input: VerificationInput, what: string) {
  const uscc = requireValidUscc(input.uscc, 'input.uscc');
  if (input.inspectedOn > ctx.today) fail('input.inspectedOn', 'IN_FUTURE', `after today (${ctx.today})`);
  const department = ctx.caller.dept ?? fail('input', 'NO_DEPARTMENT', 'your token names no department');
  const regionCode = await registeredRegionOf(ctx.enterpriseFacts, uscc, 'input.uscc');
  assertCanWrite(ctx.caller, { region: regionCode, owner: department, published: false }, what);
  const inspectorIds = [...new Set(input.inspectorIds)];
  if (inspectorIds.length < 2) fail('input.inspectorIds', 'TOO_FEW', 'at least two inspectors');
  if (inspectorIds.length > 10) fail('input.inspectorIds', 'TOO_MANY', 'at most ten inspectors');
  const inspectors = await getInspectorsById(ctx.db, inspectorIds);
  if (inspectors.length !== inspectorIds.length || inspectors.some((inspector) => inspector.department !== department))
    fail('input.inspectorIds', 'NOT_OF_DEPARTMENT', `every inspector is one of department ${department}`);
  if (input.rectificationDeadline && input.rectificationDeadline <= input.inspectedOn)
    fail('input.rectificationDeadline', 'BEFORE_INSPECTION', 'after the verification date');
  return { uscc, regionCode, department, inspectorIds };
}

export const CommitmentOutcomeEnum = builder.enumType('CommitmentOutcome', {
  description: '承诺核查结论 Outcome of verifying a commitment.',
  values: {
    CONFIRMED: { description: '核查属实 The commitment was kept.' },
    NOT_MET: { description: '承诺不实 The commitment was false: 责令限期整改, and it lands on the credit record once published.' },
  } as const,
});

const VerifyInput = builder.inputType('VerifyLicenceCommitmentInput', {
  description: '告知承诺核查 A verification (核查) of a licence granted by notification-commitment.',
  fields: (t) => ({
    uscc: t.string({ required: true, description: '统一社会信用代码 The holder.', bounds: TEXT.code }),
    licenseNumber: t.string({ required: true, description: '许可证编号 The licence (granted by 告知承诺).', bounds: TEXT.reference }),
    outcome: t.field({ type: CommitmentOutcomeEnum, required: true, description: '结论 CONFIRMED or NOT_MET.' }),
    inspectedOn: t.field({ type: 'Date', required: true, description: '核查日期 Not in the future.' }),
    inspectorIds: t.intList({ required: true, description: '检查人员 At least two inspectors of the department.' }),
    findings: t.string({ description: '核查情况 Findings (also noted on the licence).', bounds: TEXT.text }),
    rectificationDeadline: t.field({ type: 'Date', description: '责令改正期限 For NOT_MET.' }),
  }),
});

builder.mutationField('verifyLicenceCommitment', (t) =>
  t.field({
    type: InspectionRef,
    description:
      '告知承诺核查 Verifies a licence granted by notification-commitment: the outcome is written to the licence through the licences subgraph’s recordCommitmentVerification with the caller’s own token (its policy decides: the granting department in its region), then recorded here as an inspection of kind VERIFICATION (NOT_MET: 发现问题已责令改正, a failure on the credit record once published). 晋市监发〔2021〕181号 二（三）; 湘市监信〔2021〕108号 5.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { input: t.arg({ type: VerifyInput, required: true, description: 'The verification.' }) },
    resolve: async (_root, { input }, ctx) => {
      const { uscc, regionCode, department, inspectorIds } = await checkVerification(ctx, input, 'verifyLicenceCommitment');
      if (!ctx.token) throw forbidden('verifyLicenceCommitment: the write goes to the licence as you, and your request carries no token');
      const number = input.licenseNumber.trim();
      const licence = await ctx.licences.read(ctx.token, number);
      if (!licence) throw notFound('input.licenseNumber: no such licence (记录不存在)', { field: 'input.licenseNumber' });
      if (licence.holderUscc !== uscc) fail('input.licenseNumber', 'OTHER_HOLDER', 'the licence is held by another enterprise');
      if (!licence.grantedByCommitment)
        fail('input.licenseNumber', 'NOT_BY_COMMITMENT', 'the licence was not granted by notification-commitment');
      const findings = input.findings?.trim() || null;
      // The licence first: when its owner refuses, nothing is recorded here.
      await ctx.licences.record(ctx.token, { number, outcome: input.outcome, verifiedOn: input.inspectedOn, note: findings });
      return insertInspection(ctx.db, {
        taskId: null,
        uscc,
        regionCode,
        department,
        kind: 'VERIFICATION',
        result: input.outcome === 'NOT_MET' ? 'PROBLEM_CORRECTION_ORDERED' : 'NO_PROBLEM',
        licenseNumber: number,
        commitmentOutcome: input.outcome,
        inspectedOn: input.inspectedOn,
        inspectorIds,
        findings,
        rectificationDeadline: input.rectificationDeadline ?? null,
        recordedBy: ctx.caller.sub,
      });
    },
  }),
);
