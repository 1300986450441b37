import { badUserInput, forbidden, TEXT } from '@credit-hub/subgraph-kit';
import { divisionPrefix } from '@credit-hub/uscc';
import { ownerOfNew } from '../access.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { insertInspector, listActiveInspectors } from '../data/inspector-store.ts';
import type { InspectorRow } from '../db/schema.ts';
import { InspectorRef } from './refs.ts';

InspectorRef.implement({
  description: '执法检查人员 An inspector of a department, drawn at random for drawn enterprises. Supervisors only.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '编号 Id.' }),
    name: t.exposeString('name', { description: '姓名 Name.' }),
    department: t.exposeString('department', { description: '所属部门 Department code.' }),
    regionCode: t.exposeString('regionCode', { description: '所在区划 6-digit division code (the county decides who may inspect whom).' }),
    certificate: t.exposeString('certificate', { description: '执法证号 Law-enforcement certificate number.' }),
    active: t.exposeBoolean('active', { description: '在岗 Available for draws.' }),
  }),
});

const CreateInspectorInput = builder.inputType('CreateInspectorInput', {
  description: '执法检查人员录入 An inspector of the caller’s department.',
  fields: (t) => ({
    name: t.string({ required: true, description: '姓名 Name.', bounds: TEXT.name }),
    certificate: t.string({ required: true, description: '执法证号 Certificate number.', bounds: TEXT.code }),
    regionCode: t.string({ required: true, description: '所在区划 6-digit division code inside the caller’s region.', bounds: TEXT.code }),
    department: t.string({ description: '部门 Admins only: the department.', bounds: TEXT.identifier }),
  }),
});

builder.mutationField('createInspector', (t) =>
  t.field({
    type: InspectorRef,
    description: '录入执法检查人员 Adds an inspector to the caller’s department, in a county of its region.',
    authScopes: { $any: { regulator: true, admin: true } },
    args: { input: t.arg({ type: CreateInspectorInput, required: true, description: 'The inspector.' }) },
    resolve: async (_root, { input }, ctx) => {
      if (!/^\d{6}$/.test(input.regionCode))
        throw badUserInput('input.regionCode: a 6-digit division code', { field: 'input.regionCode', reason: 'FORMAT' });
      const owner = ownerOfNew(ctx.caller, { department: input.department, regionCode: input.regionCode }, 'createInspector');
      return insertInspector(ctx.db, { name: input.name.trim(), certificate: input.certificate.trim(), ...owner });
    },
  }),
);

builder.queryField('inspectors', (t) =>
  t.field({
    type: [InspectorRef],
    description: '执法检查人员名录 Active inspectors of a department in the caller’s region (regulators: their own department).',
    authScopes: { $any: { regulator: true, admin: true, analyst: true } },
    args: { department: t.arg.string({ description: '部门 Department code (default the caller’s).' }) },
    resolve: (_root, args, ctx) => {
      const department = args.department ?? ctx.caller.dept;
      if (!department) throw badUserInput('department: name one', { field: 'department', reason: 'REQUIRED' });
      if (ctx.caller.role === 'regulator' && department !== ctx.caller.dept)
        throw forbidden('inspectors: your own department only', { reason: 'OTHER_DEPARTMENT' });
      const prefix = ctx.caller.role === 'regulator' && ctx.caller.region ? divisionPrefix(ctx.caller.region) : '';
      return listActiveInspectors(ctx.db, department, prefix);
    },
  }),
);

/** The inspectors of a draw entry or result, in id order (one batched statement per request). */
export async function loadInspectors(ctx: Context, ids: readonly number[]): Promise<InspectorRow[]> {
  const rows = await ctx.loaders.inspector.loadMany(ids);
  return rows.filter((row): row is InspectorRow => row !== null && !(row instanceof Error));
}
