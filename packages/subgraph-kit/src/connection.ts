import type { ObjectRef } from '@pothos/core';
import type { SubgraphBuilder } from './builder.ts';
import type { SubgraphContext } from './context.ts';
import type { Page } from './pagination.ts';

interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

// biome-ignore lint/suspicious/noExplicitAny: keyed by builder instance of any context type
const pageInfoRefs = new WeakMap<object, ObjectRef<any, PageInfoShape>>();

function pageInfoRef<TContext extends SubgraphContext>(builder: SubgraphBuilder<TContext>) {
  const existing = pageInfoRefs.get(builder);
  if (existing) return existing as ObjectRef<SubgraphBuilder<TContext>['$inferSchemaTypes'], PageInfoShape>;
  const ref = builder.objectRef<PageInfoShape>('PageInfo').implement({
    description: '分页信息 Relay page information for keyset pagination.',
    shareable: true,
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether another page follows.' }),
      hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'Whether this page was requested with `after`.' }),
      startCursor: t.exposeString('startCursor', { nullable: true, description: 'Cursor of the first edge.' }),
      endCursor: t.exposeString('endCursor', {
        nullable: true,
        description: 'Cursor of the last edge; pass as `after` for the next page.',
      }),
    }),
  });
  pageInfoRefs.set(builder, ref);
  return ref;
}

/**
 * A Relay connection (`edges { cursor node }`, `pageInfo`, `totalCount`) over a keyset Page.
 * `totalCount` runs its count query only when a client asks for it.
 */
export function defineConnection<TContext extends SubgraphContext, TNode>(
  builder: SubgraphBuilder<TContext>,
  // biome-ignore lint/suspicious/noExplicitAny: any object ref of this builder
  nodeRef: ObjectRef<any, TNode>,
  options: { name: string; description: string },
) {
  const pageInfo = pageInfoRef(builder);
  const edge = builder.objectRef<{ node: TNode; cursor: string }>(`${options.name}Edge`).implement({
    description: `${options.description} — one edge.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: 'Opaque cursor of this edge.' }),
      node: t.field({ type: nodeRef, description: 'The record.', resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<Page<TNode>>(options.name).implement({
    description: options.description,
    fields: (t) => ({
      edges: t.field({
        type: [edge],
        description: 'Records of this page, in order.',
        resolve: (page) => page.nodes.map((node) => ({ node, cursor: page.cursorOf(node) })),
      }),
      pageInfo: t.field({
        type: pageInfo,
        description: 'Where this page stands.',
        resolve: (page) => {
          const first = page.nodes[0];
          const last = page.nodes[page.nodes.length - 1];
          return {
            hasNextPage: page.hasNextPage,
            hasPreviousPage: page.hasPreviousPage,
            startCursor: first === undefined ? null : page.cursorOf(first),
            endCursor: last === undefined ? null : page.cursorOf(last),
          };
        },
      }),
      totalCount: t.int({ description: 'Number of records matching the filter, across all pages.', resolve: (page) => page.totalCount() }),
    }),
  });
}
