import type { builder } from '../builder.ts';
import type { RepairTargetKind } from '../rules/index.ts';
import { objectionsOf, repairsOf } from '../views.ts';
import { CreditRepairRef, ObjectionRef } from './refs.ts';

/**
 * Field options for what only supervisors of the record's region (and analysts, admins) see:
 * history, objections, repairs, eligibility. Others get null rather than an error, so one
 * profile query serves every audience.
 */
export const supervisorOnly = (description: string) => ({
  nullable: true as const,
  description: `${description} Supervisors of the record's region, analysts and admins only; null for others.`,
  authScopes: (record: { regionCode: string }) => ({ seesRegion: record.regionCode }),
  unauthorizedResolver: () => null,
});

type SchemaTypes = typeof builder.$inferSchemaTypes;

/**
 * The fields every sanction record shares — whether it is disputed, its objections, its repair
 * applications — declared once for penalties and both kinds of listing.
 */
export function disputeAndRepairFields<TRecord extends { id: number; uscc: string; regionCode: string }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, TRecord>,
  kind: RepairTargetKind,
  noun: string,
) {
  return {
    disputed: t.boolean({
      description: `存在异议 An objection to this ${noun} is under review.`,
      resolve: async (record, _args, ctx) => (await objectionsOf(ctx, record.uscc, kind, record.id)).some((o) => o.status === 'PENDING'),
    }),
    objections: t.field({
      type: [ObjectionRef],
      ...supervisorOnly(`异议 Objections to this ${noun}.`),
      resolve: (record, _args, ctx) => objectionsOf(ctx, record.uscc, kind, record.id),
    }),
    creditRepairs: t.field({
      type: [CreditRepairRef],
      ...supervisorOnly(`信用修复申请 Repair applications for this ${noun}.`),
      resolve: (record, _args, ctx) => repairsOf(ctx, record.uscc, kind, record.id),
    }),
  };
}
