import { assertCanWrite, badUserInput } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { importProvinceClasses, type Rejection } from '../classify/import-province.ts';
import { RiskRunRef } from './refs.ts';

// A request body is at most 1 MB (the kit's HTTP limit), so a longer CSV could never arrive anyway.
const MAX_CSV_CHARACTERS = 1_000_000;

const RejectionRef = builder.objectRef<Rejection>('RiskImportRejection').implement({
  description: '拒收行 A row that was not imported, with its line and reason.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: '行号 Line of the file (the header is line 1).' }),
    reason: t.exposeString('reason', {
      description: '原因 MALFORMED_ROW, INVALID_USCC, INVALID_CLASS, INVALID_MONTH, FUTURE_MONTH, DUPLICATE, UNKNOWN_ENTERPRISE.',
    }),
    message: t.exposeString('message', { description: '说明 What is wrong.' }),
  }),
});

const ImportResultRef = builder
  .objectRef<{ importId: number; rows: number; accepted: number; rejected: Rejection[]; runs: import('../data/run-store.ts').RunView[] }>(
    'RiskImportResult',
  )
  .implement({
    description: '导入结果 What a province file import kept and refused.',
    fields: (t) => ({
      importId: t.exposeInt('importId', { description: '导入编号 Import id.' }),
      rows: t.exposeInt('rows', { description: '行数 Data rows in the file.' }),
      accepted: t.exposeInt('accepted', { description: '导入数 Rows stored.' }),
      rejected: t.field({ type: [RejectionRef], description: '拒收 Rows refused, by line.', resolve: (r) => r.rejected }),
      runs: t.field({
        type: [RiskRunRef],
        description: '运行 One PROVINCE run per month in the file, now current.',
        resolve: (r) => r.runs,
      }),
    }),
  });

builder.mutationField('importRiskClasses', (t) =>
  t.field({
    type: ImportResultRef,
    description:
      '导入省局分类结果 Imports the province’s classes (CSV text: USCC, class, month; header optional). Rows are validated one by one; good rows become a PROVINCE run per month that replaces the province’s previous one and, per enterprise, wins over the LOCAL class. Admins only.',
    args: {
      csv: t.arg.string({
        required: true,
        description: 'CSV text (UTF-8), e.g. "统一社会信用代码,风险类别,月份\\n9114…,C,2026-11".',
        bounds: { maxLength: MAX_CSV_CHARACTERS, multiline: true },
      }),
      fileName: t.arg.string({ description: '文件名 Name of the province’s file, kept with the import.' }),
    },
    resolve: async (_root, args, ctx) => {
      assertCanWrite(ctx.caller, { region: null, owner: null, published: false, supervisionOnly: true }, 'importRiskClasses');
      if (args.csv.length > MAX_CSV_CHARACTERS) {
        throw badUserInput(`csv: at most ${MAX_CSV_CHARACTERS} characters`, { field: 'csv', reason: 'TOO_LONG' });
      }
      const outcome = await importProvinceClasses({
        db: ctx.db,
        csv: args.csv,
        fileName: args.fileName ?? null,
        importedBy: ctx.caller.sub,
        today: ctx.today,
        enterprises: ctx.enterprises,
        allowList: ctx.allowList,
      });
      await ctx.audit({ action: 'IMPORT', detail: { importId: outcome.record.id, accepted: outcome.record.accepted } });
      return {
        importId: outcome.record.id,
        rows: outcome.record.rows,
        accepted: outcome.record.accepted,
        rejected: outcome.rejections,
        runs: outcome.runs.map((run) => ({ ...run, current: true })),
      };
    },
  }),
);
