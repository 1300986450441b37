import type { GraphQLSchema } from 'graphql';
import { badUserInput } from './errors.ts';
import { checkText, DEFAULT_STRING_BOUNDS } from './input-bounds.ts';

/** Nesting a key may have (`uscc`, or a compound key of a few levels); deeper is not a key. */
const MAX_KEY_DEPTH = 4;

function checkKeyValue(value: unknown, path: string, depth: number): void {
  if (typeof value === 'string') {
    const problem = checkText(value, DEFAULT_STRING_BOUNDS);
    if (problem) throw badUserInput(`${path}: ${problem.message}`, { field: path, reason: problem.reason });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth >= MAX_KEY_DEPTH) throw badUserInput(`${path}: not an entity key`, { field: path, reason: 'INVALID_REPRESENTATION' });
  for (const [key, inner] of Object.entries(value)) checkKeyValue(inner, `${path}.${key}`, depth + 1);
}

/**
 * `_entities(representations: [_Any!]!)` is built by @apollo/subgraph, outside the Pothos input
 * bounds: its key values reach loaders and SQL as sent. The gateway only sends keys it read from
 * a subgraph, but a direct caller with a token can send anything, and a NUL byte in a `uscc`
 * would become a database error. This applies the same text rules to every string of every
 * representation, in place on the built schema.
 */
export function guardEntityRepresentations(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()._entities;
  const resolve = field?.resolve;
  if (!field || !resolve) return schema;
  field.resolve = (root, args: { representations?: unknown }, context, info) => {
    const representations = Array.isArray(args.representations) ? args.representations : [];
    for (const [index, representation] of representations.entries()) checkKeyValue(representation, `representations[${index}]`, 0);
    return resolve(root, args, context, info);
  };
  return schema;
}
