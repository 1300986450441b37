import { badUserInput, TEXT } from '@credit-hub/subgraph-kit';
import { builder } from '../builder.ts';
import { decodeCursor } from '../feed/cursor.ts';
import { type ChangeEvent, type ChangePage, readChanges, readScope } from '../feed/merge.ts';

export const MAX_CHANGES_PAGE = 1000;

const ChangeEventRef = builder.objectRef<ChangeEvent>('ChangeEvent').implement({
  description: '变更事件 One change of the merged feed, as the caller’s audience sees it. Consumers de-duplicate by `id`.',
  fields: (t) => ({
    id: t.exposeID('id', { description: '事件标识 uuidv7, the idempotency key.' }),
    kind: t.exposeString('kind', { description: '事件类型 e.g. penalty.published, penalty.withdrawn, listing.added, listing.removed.' }),
    source: t.exposeString('source', { description: '来源子图 The subgraph whose outbox holds the event.' }),
    uscc: t.exposeString('uscc', { description: '统一社会信用代码 The enterprise the change is about.' }),
    region: t.exposeString('region', { description: '区划代码 The enterprise’s registered region.' }),
    audience: t.exposeString('audience', { description: '受众 public, regulator or risk.' }),
    occurredAt: t.exposeString('occurredAt', { description: '发生时间 When the change was committed (ISO 8601, UTC).' }),
    effectiveOn: t.exposeString('effectiveOn', { nullable: true, description: '生效日期 Day the change takes effect.' }),
    payload: t.string({
      description: '记录内容 The record as this audience sees it, as JSON text.',
      resolve: (event) => JSON.stringify(event.payload),
    }),
    cursor: t.exposeString('cursor', { description: '游标 Resume right after this event.' }),
  }),
});

const ChangePageRef = builder.objectRef<ChangePage>('ChangePage').implement({
  description: '变更页 A page of the merged change feed.',
  fields: (t) => ({
    events: t.field({ type: [ChangeEventRef], description: '事件 In feed order.', resolve: (page) => page.events }),
    endCursor: t.exposeString('endCursor', { description: '结束游标 Pass as `after` to read on; no event is skipped or repeated.' }),
    hasMore: t.exposeBoolean('hasMore', { description: '还有更多 More events are waiting now.' }),
  }),
});

builder.queryField('changes', (t) =>
  t.field({
    type: ChangePageRef,
    description:
      '变更订阅 The merged change feed of every subgraph’s outbox, filtered to what the caller may see (the public audience unless a regulator of the region, an analyst or an admin). A cursor older than the retention window is refused (CURSOR_EXPIRED): take a snapshot export first.',
    args: {
      after: t.arg.string({ description: '游标 An `endCursor` or event `cursor`; absent: from the beginning.', bounds: TEXT.longText }),
      first: t.arg.int({ defaultValue: 100, description: `条数 Page size, 1–${MAX_CHANGES_PAGE}.` }),
      kinds: t.arg.stringList({ description: '事件类型 Only these kinds.', bounds: TEXT.code }),
      regionPrefix: t.arg.string({
        description: '区划前缀 Only enterprises registered under this division code prefix.',
        bounds: TEXT.code,
      }),
    },
    resolve: async (_root, args, ctx) => {
      const first = Math.min(Math.max(args.first ?? 100, 1), MAX_CHANGES_PAGE);
      const regionPrefix = args.regionPrefix ?? null;
      if (regionPrefix !== null && !/^\d{0,6}$/.test(regionPrefix)) {
        throw badUserInput('regionPrefix: up to 6 digits (区划前缀)', { field: 'regionPrefix', reason: 'FORMAT' });
      }
      return readChanges(ctx.sources, decodeCursor(args.after), first, {
        ...readScope(ctx.caller),
        kinds: args.kinds ?? null,
        regionPrefix,
      });
    },
  }),
);
