import { graphql, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSubgraphBuilder } from './builder.ts';
import type { SubgraphContext } from './context.ts';
import { checkText, MAX_FLOAT_INPUT, TEXT } from './input-bounds.ts';

describe('checkText', () => {
  it.each([
    ['a'.repeat(201), TEXT.name, 'TOO_LONG'],
    ['A\u0000B', TEXT.name, 'CONTROL_CHARACTER'],
    ['line\nbreak', TEXT.name, 'CONTROL_CHARACTER'],
    ['tab\there', TEXT.code, 'CONTROL_CHARACTER'],
    ['bell\u0007', TEXT.text, 'CONTROL_CHARACTER'],
    ['c1\u0085', TEXT.text, 'CONTROL_CHARACTER'],
    ['lone \ud800 high', TEXT.text, 'INVALID_UNICODE'],
    ['lone \udc00 low', TEXT.text, 'INVALID_UNICODE'],
    ['evil\u202Egpj.exe', TEXT.name, 'BIDI_CONTROL'],
    ['isolate\u2066x', TEXT.text, 'BIDI_CONTROL'],
  ])('refuses case %# with its reason', (text, bounds, reason) => {
    expect(checkText(text, bounds)?.reason).toBe(reason);
  });

  it.each([
    ['山西省运城市食品有限公司', TEXT.name],
    ['第一行\n第二行\r\n\t缩进', TEXT.text],
    ['😀 emoji, 👨‍👩‍👧 joined', TEXT.name],
    ['e\u0301 combining, \u200B zero-width, ９１ full-width', TEXT.name],
    ['a'.repeat(2000), TEXT.text],
    // 200 astral characters are 400 UTF-16 units but 200 characters.
    ['𠀀'.repeat(200), TEXT.name],
  ])('accepts case %#', (text, bounds) => {
    expect(checkText(text, bounds)).toBeNull();
  });

  it('never repeats the text in its message, and stays fast on a megabyte', () => {
    const huge = `SECRET${'x'.repeat(1_000_000)}`;
    const started = performance.now();
    const problem = checkText(huge, TEXT.text);
    expect(performance.now() - started).toBeLessThan(50);
    expect(problem?.message).not.toContain('SECRET');
    expect(problem?.message.length).toBeLessThan(100);
  });
});

describe('input bounds plugin', () => {
  const builder = createSubgraphBuilder<SubgraphContext>();
  const calls: unknown[] = [];
  const Filter = builder.inputType('Filter', {
    description: 'A filter.',
    fields: (t) => ({
      name: t.string({ description: 'A name.', bounds: TEXT.name }),
      notes: t.string({ description: 'Notes.', bounds: TEXT.text }),
      tags: t.stringList({ description: 'Tags.', bounds: { ...TEXT.code, maxItems: 3 } }),
      anything: t.string({ description: 'Undeclared.' }),
      amount: t.float({ description: 'Amount.' }),
    }),
  });
  builder.queryType({
    fields: (t) => ({
      search: t.boolean({
        description: 'Search.',
        args: {
          filter: t.arg({ type: Filter, description: 'The filter.' }),
          id: t.arg.id({ description: 'An id.' }),
          raw: t.arg.string({ description: 'Checked by the resolver.', bounds: 'unchecked' }),
        },
        resolve: (_root, args) => {
          calls.push(args);
          return true;
        },
      }),
    }),
  });
  const schema = builder.toSchema();
  const context: SubgraphContext = { caller: { role: 'admin', sub: 'test' } as SubgraphContext['caller'], requestId: 'r' };
  const run = (variables: Record<string, unknown>) =>
    graphql({
      schema,
      source: 'query($filter: Filter, $id: ID, $raw: String) { search(filter: $filter, id: $id, raw: $raw) }',
      variableValues: variables,
      contextValue: context,
    });

  it.each([
    [{ filter: { name: 'n'.repeat(201) } }, 'filter.name', 'TOO_LONG'],
    [{ filter: { notes: 'ok\n\u0000' } }, 'filter.notes', 'CONTROL_CHARACTER'],
    [{ filter: { tags: ['a', 'b', 'c', 'd'] } }, 'filter.tags', 'TOO_MANY'],
    [{ filter: { tags: ['a', 'b'.repeat(65)] } }, 'filter.tags[1]', 'TOO_LONG'],
    [{ filter: { anything: 'a'.repeat(2001) } }, 'filter.anything', 'TOO_LONG'],
    [{ filter: { amount: 1e308 } }, 'filter.amount', 'OUT_OF_RANGE'],
    [{ id: 'i'.repeat(101) }, 'id', 'TOO_LONG'],
  ])('refuses case %# naming its field before the resolver runs', async (variables, field, reason) => {
    calls.length = 0;
    const result = await run(variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    expect(result.errors?.[0]?.message.length).toBeLessThan(120);
    expect(calls).toEqual([]);
  });

  it('lets good input and unchecked arguments through', async () => {
    calls.length = 0;
    const result = await run({
      filter: { name: '食品公司', notes: '第一行\n第二行', tags: ['A'], amount: MAX_FLOAT_INPUT },
      raw: `\u0000${'x'.repeat(10_000)}`,
    });
    expect(result.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('writes each limit into the field description', () => {
    const sdl = printSchema(schema);
    expect(sdl).toContain('A name. At most 200 characters, one line.');
    expect(sdl).toContain('Notes. At most 2000 characters, line breaks allowed.');
    expect(sdl).toContain('Tags. At most 3 items of 64 characters, one line.');
    expect(sdl).toContain('Undeclared. At most 2000 characters, one line.');
    expect(sdl).toContain(`Amount. At most ${MAX_FLOAT_INPUT} in magnitude.`);
    expect(sdl).toContain('"""Checked by the resolver."""');
  });
});
