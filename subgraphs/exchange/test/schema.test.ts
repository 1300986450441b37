import { readFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';

describe('printed subgraph schema', () => {
  it('matches the committed schema.graphql (run `npx tsx scripts/print-subgraph-schema.ts exchange`)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(`${printSubgraphSchema(schema).trim()}\n`).toBe(committed);
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || type.name.startsWith('_') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith('_')) continue;
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if ('getValues' in type) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('feed cursor', () => {
  it('round-trips and refuses anything it did not issue with BAD_USER_INPUT', async () => {
    const { decodeCursor, encodeCursor } = await import('../src/feed/cursor.ts');
    expect(decodeCursor(encodeCursor({ sanctions: 12, enterprises: 0 }))).toEqual({ sanctions: 12, enterprises: 0 });
    expect(decodeCursor('')).toEqual({});
    for (const bad of [
      '!!',
      'bm90LWpzb24',
      Buffer.from('{"v":2,"p":{}}').toString('base64url'),
      Buffer.from('{"v":1,"p":{"s":-1}}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' }) }),
      );
    }
  });
});
