import { assertAllowed, canExport, canReadExport, TEXT } from '@credit-hub/subgraph-kit';
import type { TableFormat, WrittenFile } from '@credit-hub/tables';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { ExportJobRecord } from '../data/export-jobs.ts';
import { downloadPath } from '../exports/download-route.ts';
import { decodeCursor } from '../feed/cursor.ts';

const ExportKindEnum = builder.enumType('ExportKind', {
  description: '双公示数据类别 Which national column set an export writes.',
  values: {
    PENALTIES: { value: 'penalties', description: '行政处罚 Penalties: 30 columns (CF), withdrawal list CF_CXXF.' },
    LICENSES: { value: 'licenses', description: '行政许可 Licences: 28 columns (XK), withdrawal list XK_CXXF.' },
  } as const,
});

const ExportFormatEnum = builder.enumType('ExportFormat', {
  description: '文件格式 File format of an export.',
  values: {
    CSV: { value: 'csv', description: 'CSV 逗号分隔 with a header line of column codes; dates YYYY/MM/DD.' },
    XLSX: { value: 'xlsx', description: 'Excel 工作簿 One sheet per million rows.' },
    NDJSON: { value: 'ndjson', description: 'NDJSON 每行一条 JSON; dates yyyy-MM-dd.' },
  } as const,
});

const ExportEncodingEnum = builder.enumType('ExportEncoding', {
  description: '字符编码 Encoding of a CSV export (other formats are always UTF-8).',
  values: {
    UTF8: { value: 'UTF-8', description: 'UTF-8 带 BOM, which Excel opens correctly.' },
    GBK: { value: 'GBK', description: 'GBK, what older provincial tools expect.' },
  } as const,
});

const ExportJobStatusEnum = builder.enumType('ExportJobStatus', {
  description: '导出任务状态',
  values: {
    QUEUED: { description: '排队 Waiting for the export before it, or to run again after a restart of the exchange.' },
    RUNNING: { description: '进行中 Writing rows.' },
    SUCCEEDED: { description: '完成 Files and manifest are ready to download.' },
    FAILED: { description: '失败 See `error`; nothing is offered for download.' },
  } as const,
});

const ExportFileRef = builder.objectRef<WrittenFile & { jobId: string }>('ExportFile').implement({
  description: '导出文件 One file of an export, as listed in its manifest.',
  fields: (t) => ({
    name: t.exposeString('name', { description: '文件名 e.g. CF.csv, CF_CXXF.csv (the withdrawal list).' }),
    rows: t.exposeInt('rows', { description: '行数 Data rows, header excluded.' }),
    bytes: t.exposeInt('bytes', { description: '字节数' }),
    sha256: t.exposeString('sha256', { description: '校验值 SHA-256 of the file’s bytes, hex.' }),
    url: t.string({
      description: '下载地址 Path on the gateway (and the exchange); GET with the requester’s token.',
      resolve: (file) => downloadPath(file.jobId, file.name),
    }),
  }),
});

const ExportJobRef = builder.objectRef<ExportJobRecord>('ExportJob').implement({
  description: '导出任务 A 双公示 export: a snapshot, or the delta since a feed cursor, written in the background.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '任务编号' }),
    kind: t.field({ type: ExportKindEnum, description: '数据类别', resolve: (job) => job.kind }),
    mode: t.exposeString('mode', { description: '方式 snapshot (全量) or delta (增量).' }),
    since: t.exposeString('since', { nullable: true, description: '起始游标 The cursor the delta starts after; null for a snapshot.' }),
    format: t.field({
      type: ExportFormatEnum,
      description: '文件格式',
      resolve: (job) => (job.format === 'csv-gbk' ? 'csv' : job.format) as 'csv' | 'xlsx' | 'ndjson',
    }),
    encoding: t.field({
      type: ExportEncodingEnum,
      description: '字符编码',
      resolve: (job) => (job.format === 'csv-gbk' ? 'GBK' : 'UTF-8'),
    }),
    status: t.field({ type: ExportJobStatusEnum, description: '状态', resolve: (job) => job.status }),
    rowsWritten: t.exposeInt('rowsWritten', {
      description: '已写行数 Rows written so far (data rows while running; every file’s rows when done).',
    }),
    files: t.field({
      type: [ExportFileRef],
      description: '文件 Empty until the job succeeds.',
      resolve: (job) => (job.status === 'SUCCEEDED' ? job.files.map((file) => ({ ...file, jobId: job.id })) : []),
    }),
    manifestUrl: t.string({
      nullable: true,
      description: '清单地址 manifest.json: counts, SHA-256 per file and the cursor to continue from.',
      resolve: (job) => (job.status === 'SUCCEEDED' ? downloadPath(job.id, 'manifest.json') : null),
    }),
    cursor: t.exposeString('cursor', {
      nullable: true,
      description: '续传游标 Pass as `since` for the next delta (also the feed’s `after`).',
    }),
    error: t.exposeString('error', { nullable: true, description: '错误 Why the job failed.' }),
    restarts: t.int({
      description:
        '重启次数 Times a restart of the exchange interrupted the job and ran it again from its parameters (a snapshot re-run is as of its new start).',
      resolve: (job) => job.restarts ?? 0,
    }),
    createdAt: t.exposeString('createdAt', { description: '创建时间 ISO 8601, UTC.' }),
    finishedAt: t.exposeString('finishedAt', { nullable: true, description: '完成时间 ISO 8601, UTC.' }),
  }),
});

const toTableFormat = (format: 'csv' | 'xlsx' | 'ndjson', encoding: 'UTF-8' | 'GBK'): TableFormat =>
  format === 'csv' && encoding === 'GBK' ? 'csv-gbk' : format;

/** The job if the caller may see it; otherwise absent, so job ids cannot be probed. */
async function readableJob(ctx: Context, id: string): Promise<ExportJobRecord | null> {
  assertAllowed(canExport(ctx.caller), 'exportJob');
  const job = await ctx.exports.store.get(id);
  return job && canReadExport(ctx.caller, job).allowed ? job : null;
}

builder.mutationField('startExport', (t) =>
  t.field({
    type: ExportJobRef,
    description:
      '发起双公示导出 Starts an export of published records in the national columns: a snapshot (no `since`), or the delta since a feed cursor. Platform and admins; poll `exportJob(id)`, then download `files` with the same token.',
    args: {
      kind: t.arg({ type: ExportKindEnum, required: true, description: '数据类别' }),
      since: t.arg.string({
        description: '起始游标 A previous export’s `cursor` (or a feed cursor); absent: a snapshot.',
        bounds: TEXT.longText,
      }),
      format: t.arg({ type: ExportFormatEnum, defaultValue: 'csv', description: '文件格式 (default CSV).' }),
      encoding: t.arg({ type: ExportEncodingEnum, defaultValue: 'UTF-8', description: '字符编码 CSV only (default UTF-8).' }),
    },
    resolve: async (_root, args, ctx) => {
      assertAllowed(canExport(ctx.caller), 'startExport');
      // A malformed cursor is refused now (BAD_USER_INPUT on `since`), not as a failed job later.
      if (args.since) decodeCursor(args.since, 'since');
      return ctx.exports.start({
        kind: args.kind,
        since: args.since ?? null,
        format: toTableFormat(args.format ?? 'csv', args.encoding ?? 'UTF-8'),
        requestedBy: ctx.caller.sub,
        requesterRole: ctx.caller.role,
      });
    },
  }),
);

builder.queryField('exportJob', (t) =>
  t.field({
    type: ExportJobRef,
    nullable: true,
    description: '导出任务 One export job, for its requester and admins; null when unknown or someone else’s.',
    args: { id: t.arg.id({ required: true, description: '任务编号' }) },
    resolve: (_root, args, ctx) => readableJob(ctx, String(args.id)),
  }),
);

builder.queryField('exportJobs', (t) =>
  t.field({
    type: [ExportJobRef],
    description: '导出任务列表 The caller’s export jobs (every job for admins), newest first.',
    args: { first: t.arg.int({ defaultValue: 20, description: '条数 1–100.' }) },
    resolve: async (_root, args, ctx) => {
      assertAllowed(canExport(ctx.caller), 'exportJobs');
      const first = Math.min(Math.max(args.first ?? 20, 1), 100);
      const jobs = await ctx.exports.store.list();
      return jobs.filter((job) => canReadExport(ctx.caller, job).allowed).slice(0, first);
    },
  }),
);
