import { assertAllowed, badUserInput, canImport, canReadImport, forbidden, notFound } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { ImportJobRecord } from '../data/import-jobs.ts';
import { rejectsPath } from '../imports/upload-route.ts';

const ImportKindEnum = builder.enumType('ImportKind', {
  description: '导入数据类别 Which provincial table an import job reads (recognised from its header unless given).',
  values: {
    LICENSES: { value: 'licenses', description: '行政许可 / 特种设备获证单位 Licences (importLicenses).' },
    REGISTRATIONS: { value: 'registrations', description: '特种设备使用登记 Equipment use registrations (importEquipmentRegistrations).' },
    PENALTIES: { value: 'penalties', description: '行政处罚 Penalties (importPenalties).' },
    ABNORMAL: { value: 'abnormal', description: '经营异常名录 Abnormal-operation listings (importAbnormalOperations).' },
    SERIOUS: { value: 'serious', description: '严重违法失信名单 Serious-violation listings (importSeriousViolations).' },
  } as const,
});

const ImportJobStatusEnum = builder.enumType('ImportJobStatus', {
  description: '导入任务状态',
  values: {
    QUEUED: { description: '排队 Stored, not started yet.' },
    RUNNING: { description: '进行中 Writing batches through the gateway with the uploader’s token.' },
    INTERRUPTED: {
      description:
        '已中断 Stopped after its last committed batch (exchange restart, gateway unavailable, token expired); the uploader continues it with `resumeImport`.',
    },
    SUCCEEDED: { description: '完成 Every row decided; the rejects workbook is ready.' },
    FAILED: { description: '失败 The table could not be read; see `error`.' },
  } as const,
});

const ImportJobRef = builder.objectRef<ImportJobRecord>('ImportJob').implement({
  description:
    '导入任务 A provincial table uploaded to the exchange (POST /imports) and written row by row through the owning subgraphs’ batch mutations, with the uploader’s authority.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '任务编号' }),
    kind: t.field({ type: ImportKindEnum, description: '数据类别', resolve: (job) => job.kind }),
    filename: t.exposeString('filename', { description: '文件名 As uploaded.' }),
    status: t.field({ type: ImportJobStatusEnum, description: '状态', resolve: (job) => job.status }),
    uploadedBy: t.exposeString('uploadedBy', { description: '上传人 The uploader’s token subject.' }),
    department: t.exposeString('department', { nullable: true, description: '上传部门 The uploader’s department; null for admins.' }),
    total: t.exposeInt('total', { description: '总行数 Data rows in the table (header and title lines excluded).' }),
    done: t.exposeInt('done', { description: '已处理 Rows decided so far (committed batches).' }),
    created: t.exposeInt('created', { description: '新增 Rows stored now.' }),
    unchanged: t.exposeInt('unchanged', { description: '未变 Rows already stored as the same record (imported before).' }),
    rejected: t.exposeInt('rejected', {
      description: '退回 Rows refused by the table’s rules, the subgraph’s rules or the policy; see the rejects workbook.',
    }),
    failed: t.exposeInt('failed', {
      description:
        '未决 Rows of the batch not known to be stored when the job was interrupted; sent again on resume, never counted as done.',
    }),
    rejectsUrl: t.string({
      nullable: true,
      description: '退回数据下载 Path of the rejects workbook on the gateway (GET with your token); null until the job succeeds.',
      resolve: (job) => (job.status === 'SUCCEEDED' ? rejectsPath(job.id) : null),
    }),
    createdAt: t.exposeString('createdAt', { description: '上传时间 ISO 8601, UTC.' }),
    startedAt: t.exposeString('startedAt', { nullable: true, description: '开始时间 ISO 8601, UTC.' }),
    finishedAt: t.exposeString('finishedAt', { nullable: true, description: '完成时间 ISO 8601, UTC.' }),
    error: t.exposeString('error', { nullable: true, description: '错误 Why the job is interrupted or failed.' }),
  }),
});

/** The job if the caller may see it; otherwise absent, so job ids cannot be probed. */
async function readableJob(ctx: Context, id: string): Promise<ImportJobRecord | null> {
  assertAllowed(canImport(ctx.caller), 'importJob');
  const job = await ctx.imports.store.get(id);
  return job && canReadImport(ctx.caller, job).allowed ? job : null;
}

builder.queryField('importJob', (t) =>
  t.field({
    type: ImportJobRef,
    nullable: true,
    description:
      '导入任务 One import job, for its uploader, the uploader’s department and admins; null when unknown or another department’s.',
    args: { id: t.arg.id({ required: true, description: '任务编号' }) },
    resolve: (_root, args, ctx) => readableJob(ctx, String(args.id)),
  }),
);

builder.queryField('importJobs', (t) =>
  t.field({
    type: [ImportJobRef],
    description: '导入任务列表 Import jobs of the caller and its department (every job for admins), newest first.',
    args: { first: t.arg.int({ defaultValue: 20, description: '条数 1–100.' }) },
    resolve: async (_root, args, ctx) => {
      assertAllowed(canImport(ctx.caller), 'importJobs');
      const first = Math.min(Math.max(args.first ?? 20, 1), 100);
      const jobs = await ctx.imports.store.list();
      return jobs.filter((job) => canReadImport(ctx.caller, job).allowed).slice(0, first);
    },
  }),
);

builder.mutationField('resumeImport', (t) =>
  t.field({
    type: ImportJobRef,
    description:
      '继续导入 Continues an interrupted import after its last committed batch, with the token of this request. Only the uploader (the same user) may: the rows are written with the uploader’s authority, and the token a job ran with is never stored, so after a restart or an expired token it waits for this call.',
    args: { id: t.arg.id({ required: true, description: '任务编号' }) },
    resolve: async (_root, args, ctx) => {
      const job = await readableJob(ctx, String(args.id));
      if (!job) throw notFound('resumeImport: no such import job (导入任务不存在)');
      if (job.uploadedBy !== ctx.caller.sub)
        throw forbidden('resumeImport: only the uploader resumes an import, with their own authority (仅上传人可继续)', {
          reason: 'OTHER_UPLOADER',
        });
      if (ctx.imports.isRunning(job.id)) return job;
      if (job.status !== 'INTERRUPTED')
        throw badUserInput(`resumeImport: the job is ${job.status}, not INTERRUPTED (任务未中断)`, {
          field: 'id',
          reason: 'NOT_INTERRUPTED',
        });
      if (!ctx.token) throw forbidden('resumeImport: the request carries no token to write with', { reason: 'SIGN_IN' });
      return ctx.imports.start(job, ctx.token);
    },
  }),
);
