import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from '../src/limits.ts';

describe('query limits', () => {
  it('measures depth, fields and aliases through fragments', () => {
    const document = parse(`
      query Q { a: enterprise(uscc: "x") { ...F annualReports { year } } b: enterprise(uscc: "y") { name } }
      fragment F on Enterprise { name region { fullName } }
    `);
    expect(measureOperation(document, 'Q')).toEqual({ depth: 3, fields: 8, aliases: 2 });
  });

  it('ignores introspection fields and survives fragment cycles', () => {
    const document = parse(
      `query { __typename enterprise(uscc: "x") { ...A } } fragment A on Enterprise { name ...B } fragment B on Enterprise { ...A }`,
    );
    expect(measureOperation(document)).toEqual({ depth: 2, fields: 2, aliases: 0 });
  });
});
