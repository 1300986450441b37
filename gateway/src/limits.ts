import type { ApolloServerPlugin } from '@apollo/server';
import { codedError } from '@credit-hub/subgraph-kit';
import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxFields: number;
  maxAliases: number;
}

interface Measure {
  depth: number;
  fields: number;
  aliases: number;
}

/** Depth, field count (fragments expanded) and aliases of an operation, without executing it. */
export function measureOperation(document: DocumentNode, operationName?: string | null): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const total: Measure = { depth: 0, fields: 0, aliases: 0 };
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return total;

  const walk = (set: SelectionSetNode, depth: number, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        total.fields += 1;
        if (selection.alias) total.aliases += 1;
        total.depth = Math.max(total.depth, depth);
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment cycle is invalid GraphQL anyway; `seen` only keeps the walk finite.
        if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, depth, new Set(seen).add(fragment.name.value));
      }
    }
  };
  walk(operation.selectionSet, 1, new Set());
  return total;
}

/**
 * Refuses operations over the limits before any subgraph is called: one crafted query must not be
 * able to fan out into thousands of subgraph fetches.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName }) {
          const measure = measureOperation(document, operationName);
          const over =
            measure.depth > limits.maxDepth
              ? `depth ${measure.depth} exceeds ${limits.maxDepth}`
              : measure.fields > limits.maxFields
                ? `${measure.fields} fields exceed ${limits.maxFields}`
                : measure.aliases > limits.maxAliases
                  ? `${measure.aliases} aliases exceed ${limits.maxAliases}`
                  : null;
          if (over) {
            throw codedError('QUERY_TOO_COMPLEX', `query too complex: ${over} (查询过于复杂)`, { http: { status: 400 }, ...measure });
          }
        },
      };
    },
  };
}
