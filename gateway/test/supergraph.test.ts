import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../../scripts/subgraphs.ts';
import { composeFromFiles } from '../scripts/compose.ts';
import { loadSupergraph, SUBGRAPH_DEFAULTS } from '../src/supergraph.ts';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const ROOTS = new Set(['Query', 'Mutation']);

describe('committed schema artifacts', () => {
  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph] as const))(
    'subgraphs/%s/schema.graphql matches the code (run `npm run generate`)',
    async (_name, subgraph) => {
      const printed = `${printSubgraphSchema(await subgraph.loadSchema()).trim()}\n`;
      expect(readFileSync(subgraph.schemaFile, 'utf8')).toBe(printed);
    },
  );

  it('gateway/supergraph.graphql is the composition of the committed subgraph SDLs', () => {
    expect(loadSupergraph()).toBe(composeFromFiles());
  });

  it('composes every registered subgraph', () => {
    expect(SUBGRAPH_DEFAULTS.map((s) => s.name).sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
  });

  it('describes every type and field, Chinese term first where the domain has one', async () => {
    const { GraphQLObjectType, GraphQLInputObjectType, GraphQLEnumType } = await import('graphql');
    const missing: string[] = [];
    for (const subgraph of SUBGRAPHS) {
      const schema = await subgraph.loadSchema();
      for (const type of Object.values(schema.getTypeMap())) {
        if (/^(_|link__|federation__)/.test(type.name) || BUILT_IN.has(type.name)) continue;
        if (!type.description && !ROOTS.has(type.name)) missing.push(`${subgraph.name}:${type.name}`);
        if (type instanceof GraphQLObjectType || type instanceof GraphQLInputObjectType) {
          for (const field of Object.values(type.getFields())) {
            if (field.name.startsWith('_')) continue;
            if (!field.description) missing.push(`${subgraph.name}:${type.name}.${field.name}`);
            if ('args' in field)
              for (const arg of field.args) if (!arg.description) missing.push(`${subgraph.name}:${type.name}.${field.name}(${arg.name})`);
          }
        }
        if (type instanceof GraphQLEnumType) {
          for (const value of type.getValues()) if (!value.description) missing.push(`${subgraph.name}:${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
