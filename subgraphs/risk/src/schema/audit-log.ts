import { badUserInput, requireValidUscc } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { listAuditEntries } from '../data/audit-store.ts';
import type { AuditRow } from '../db/schema.ts';

const RiskAuditEntryRef = builder.objectRef<AuditRow>('RiskAuditEntry').implement({
  description: '查阅记录 One request that read credit risk classes: who, as what, what, when.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '编号 Entry id (newest is highest).' }),
    at: t.field({ type: 'DateTime', description: '时间 When.', resolve: (e) => e.at }),
    sub: t.exposeString('sub', { description: '查阅人 Subject of the caller’s token.' }),
    role: t.exposeString('role', { description: '角色 Role.' }),
    department: t.exposeString('department', { nullable: true, description: '部门 Department code.' }),
    region: t.exposeString('region', { nullable: true, description: '辖区 Region of the token.' }),
    requestId: t.exposeString('requestId', { nullable: true, description: '请求编号 x-request-id, to find the request in the logs.' }),
    action: t.exposeString('action', {
      description: '查阅内容 PROFILE (classes of the enterprises listed), DISTRIBUTION, ENTERPRISES, CHANGES, RUNS, IMPORT.',
    }),
    usccs: t.exposeStringList('usccs', { description: '企业 Enterprises whose class was read.' }),
    detail: t.string({ description: '参数 The aggregate’s arguments, JSON.', resolve: (e) => JSON.stringify(e.detail) }),
  }),
});

builder.queryField('riskAuditLog', (t) =>
  t.field({
    type: [RiskAuditEntryRef],
    description: '风险分类查阅日志 Who read which classes, newest first. Admins only.',
    authScopes: { admin: true },
    args: {
      uscc: t.arg.string({ description: '企业 Only reads of this enterprise.' }),
      sub: t.arg.string({ description: '查阅人 Only this caller.' }),
      from: t.arg({ type: 'DateTime', description: '起 From this instant.' }),
      to: t.arg({ type: 'DateTime', description: '止 Up to this instant.' }),
      first: t.arg.int({ description: 'How many, 1–500 (default 100).' }),
      before: t.arg.int({ description: 'Only entries with a smaller id (next page).' }),
    },
    resolve: (_root, args, ctx) => {
      const limit = args.first ?? 100;
      if (limit < 1 || limit > 500) throw badUserInput('first: 1–500', { field: 'first', reason: 'OUT_OF_RANGE' });
      return listAuditEntries(ctx.db, {
        uscc: args.uscc ? requireValidUscc(args.uscc, 'uscc') : undefined,
        sub: args.sub ?? undefined,
        from: args.from ?? undefined,
        to: args.to ?? undefined,
        before: args.before ?? undefined,
        limit,
      });
    },
  }),
);
