import { randomBytes } from 'node:crypto';
import { badUserInput, forbidden, notFound, TEXT } from '@credit-hub/subgraph-kit';
import { and, desc, eq, lt } from 'drizzle-orm';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { type DeliveryRow, deliveries, type SubscriptionRow, subscriptions } from '../db/schema.ts';
import { decodeCursor } from '../feed/cursor.ts';
import { readChanges, readScope } from '../feed/merge.ts';
import { assertDeliverableUrl } from '../webhooks/address-guard.ts';

const assertAdmin = (ctx: Context) => {
  if (ctx.caller.role !== 'admin') throw forbidden('webhook subscriptions are managed by admins (仅管理员)', { reason: 'READ_ONLY_ROLE' });
};

const SubscriptionRef = builder.objectRef<SubscriptionRow>('WebhookSubscription').implement({
  description:
    '推送订阅 A department’s (or the platform’s) webhook: events of these kinds and region, signed by the Standard Webhooks scheme.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '订阅编号' }),
    department: t.exposeString('department', { description: '部门 The receiving department (e.g. a joint-punishment department).' }),
    url: t.exposeString('url', { description: '推送地址' }),
    kinds: t.exposeStringList('kinds', { description: '事件类型 Empty: every kind.' }),
    regionPrefix: t.exposeString('regionPrefix', { description: '区划前缀 Empty: every region.' }),
    audience: t.exposeString('audience', { description: '受众 public, or regulator for supervision events of the region.' }),
    active: t.exposeBoolean('active', { description: '启用 False once disabled (410 Gone or by an admin).' }),
    disabledReason: t.exposeString('disabledReason', { nullable: true, description: '停用原因' }),
    cursor: t.exposeString('cursor', { description: '消费游标 Events up to here have been queued for delivery.' }),
  }),
});

const DeliveryRef = builder.objectRef<DeliveryRow>('WebhookDelivery').implement({
  description: '推送记录 One event to one subscription; DEAD ones are the dead letters.',
  fields: (t) => ({
    id: t.exposeInt('id', { description: '记录编号' }),
    eventId: t.exposeString('eventId', { description: '事件标识 Also the `webhook-id` header.' }),
    kind: t.exposeString('kind', { description: '事件类型' }),
    status: t.exposeString('status', { description: '状态 PENDING, DELIVERED or DEAD.' }),
    attempts: t.exposeInt('attempts', { description: '尝试次数' }),
    nextAttemptAt: t.string({ description: '下次尝试', resolve: (row) => row.nextAttemptAt.toISOString() }),
    lastStatus: t.exposeInt('lastStatus', { nullable: true, description: '最近响应码' }),
    lastError: t.exposeString('lastError', { nullable: true, description: '最近错误' }),
  }),
});

const RegisteredRef = builder.objectRef<{ subscription: SubscriptionRow; secret: string }>('WebhookRegistration').implement({
  description: '订阅结果 The subscription and its signing secret, shown this once.',
  fields: (t) => ({
    subscription: t.field({ type: SubscriptionRef, description: '订阅', resolve: (r) => r.subscription }),
    secret: t.exposeString('secret', { description: '签名密钥 whsec_…: verify `webhook-signature` with it. Not shown again.' }),
  }),
});

const RegisterInput = builder.inputType('RegisterWebhookInput', {
  description: '登记推送订阅',
  fields: (t) => ({
    department: t.string({ required: true, description: '部门代码', bounds: TEXT.identifier }),
    url: t.string({ required: true, description: '推送地址 http(s); private addresses are refused in production.', bounds: TEXT.line }),
    kinds: t.stringList({
      description: '事件类型 e.g. listing.added, listing.removed for joint punishment (联合惩戒).',
      bounds: TEXT.code,
    }),
    regionPrefix: t.string({ description: '区划前缀 up to 6 digits.', bounds: TEXT.code }),
    audience: t.string({ description: '受众 public (default) or regulator.', bounds: TEXT.code }),
  }),
});

builder.queryField('webhookSubscriptions', (t) =>
  t.field({
    type: [SubscriptionRef],
    description: '推送订阅列表 (admins).',
    resolve: async (_root, _args, ctx) => {
      assertAdmin(ctx);
      return ctx.db.select().from(subscriptions).orderBy(subscriptions.id);
    },
  }),
);

builder.queryField('webhookDeliveries', (t) =>
  t.field({
    type: [DeliveryRef],
    description: '推送记录 A subscription’s delivery log, newest first (admins); status DEAD lists its dead letters.',
    args: {
      subscriptionId: t.arg.int({ required: true, description: '订阅编号' }),
      status: t.arg.string({ description: '状态 PENDING, DELIVERED or DEAD.', bounds: TEXT.code }),
      before: t.arg.int({ description: '只列编号更小的 (next page).' }),
      first: t.arg.int({ description: '条数 1–500 (default 100).' }),
    },
    resolve: async (_root, args, ctx) => {
      assertAdmin(ctx);
      const first = Math.min(Math.max(args.first ?? 100, 1), 500);
      const conditions = [eq(deliveries.subscriptionId, args.subscriptionId)];
      if (args.status) conditions.push(eq(deliveries.status, args.status as DeliveryRow['status']));
      if (args.before) conditions.push(lt(deliveries.id, args.before));
      return ctx.db
        .select()
        .from(deliveries)
        .where(and(...conditions))
        .orderBy(desc(deliveries.id))
        .limit(first);
    },
  }),
);

builder.mutationField('registerWebhook', (t) =>
  t.field({
    type: RegisteredRef,
    description: '登记推送订阅 (admins). Deliveries start from now; use `replayWebhook` for earlier events.',
    args: { input: t.arg({ type: RegisterInput, required: true, description: '订阅' }) },
    resolve: async (_root, { input }, ctx) => {
      assertAdmin(ctx);
      await assertDeliverableUrl(input.url, ctx.webhooks.allowPrivateAddresses);
      const audience = input.audience ?? 'public';
      if (audience !== 'public' && audience !== 'regulator')
        throw badUserInput('input.audience: public or regulator', { field: 'input.audience', reason: 'UNKNOWN_AUDIENCE' });
      const regionPrefix = input.regionPrefix ?? '';
      if (!/^\d{0,6}$/.test(regionPrefix))
        throw badUserInput('input.regionPrefix: up to 6 digits', { field: 'input.regionPrefix', reason: 'FORMAT' });
      if (audience === 'regulator' && regionPrefix.length < 2) {
        throw badUserInput('input.regionPrefix: supervision events go to a department of a region (at least a province)', {
          field: 'input.regionPrefix',
          reason: 'REGION_REQUIRED',
        });
      }
      const secret = `whsec_${randomBytes(32).toString('base64')}`;
      // Starts at the feed's head: a new subscription is not flooded with history.
      let cursor = '';
      for (;;) {
        const page = await readChanges(ctx.sources, decodeCursor(cursor), 1000, {
          ...readScope({ ...ctx.caller, role: 'service' }),
          kinds: ['-'],
          regionPrefix: null,
        });
        cursor = page.endCursor;
        if (!page.hasMore) break;
      }
      const [subscription] = await ctx.db
        .insert(subscriptions)
        .values({
          department: input.department,
          url: input.url,
          secret,
          kinds: input.kinds ?? [],
          regionPrefix,
          audience,
          cursor,
          createdBy: ctx.caller.sub,
        })
        .returning();
      if (!subscription) throw new Error('insert returned no row');
      return { subscription, secret };
    },
  }),
);

builder.mutationField('setWebhookActive', (t) =>
  t.field({
    type: SubscriptionRef,
    description: '启用/停用推送订阅 (admins).',
    args: { id: t.arg.int({ required: true, description: '订阅编号' }), active: t.arg.boolean({ required: true, description: '启用' }) },
    resolve: async (_root, args, ctx) => {
      assertAdmin(ctx);
      const [row] = await ctx.db
        .update(subscriptions)
        .set({ active: args.active, disabledReason: args.active ? null : `disabled by ${ctx.caller.sub}` })
        .where(eq(subscriptions.id, args.id))
        .returning();
      if (!row) throw notFound('no such subscription', { field: 'id' });
      return row;
    },
  }),
);

builder.mutationField('replayWebhook', (t) =>
  t.field({
    type: SubscriptionRef,
    description:
      '重放 Re-deliver every event after `from` (a feed cursor; empty: the whole retained feed). Receivers de-duplicate by `webhook-id`.',
    args: {
      id: t.arg.int({ required: true, description: '订阅编号' }),
      from: t.arg.string({ required: true, description: '游标', bounds: TEXT.longText }),
    },
    resolve: async (_root, args, ctx) => {
      assertAdmin(ctx);
      decodeCursor(args.from, 'from');
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx.update(subscriptions).set({ cursor: args.from }).where(eq(subscriptions.id, args.id)).returning();
        if (!row) throw notFound('no such subscription', { field: 'id' });
        // Already-queued events are queued again rather than skipped by the unique key.
        await tx.delete(deliveries).where(and(eq(deliveries.subscriptionId, args.id), eq(deliveries.status, 'DELIVERED')));
        return row;
      });
    },
  }),
);
