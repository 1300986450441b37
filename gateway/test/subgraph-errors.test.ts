import { describe, expect, it } from 'vitest';
import { clientErrorFromSubgraph } from '../src/subgraph-errors.ts';

describe("a subgraph's HTTP 400", () => {
  it('keeps BAD_USER_INPUT with its field and reason', () => {
    const error = clientErrorFromSubgraph(400, {
      errors: [{ message: 'not a calendar date', extensions: { code: 'BAD_USER_INPUT', reason: 'DATE_FORMAT', field: 'asOf' } }],
    });
    expect(error?.message).toBe('not a calendar date');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'DATE_FORMAT', field: 'asOf' });
  });

  it('reports a literal the subgraph refused in validation as BAD_USER_INPUT, bounded', () => {
    const error = clientErrorFromSubgraph(400, {
      errors: [
        { message: `Expected value of type "Date", found "${'9'.repeat(10_000)}"`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        { message: 'another', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      ],
    });
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
    expect(error?.message.length).toBeLessThan(400);
  });

  it.each([
    [500, { errors: [{ message: 'boom', extensions: { code: 'BAD_USER_INPUT' } }] }],
    [400, { errors: [{ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }],
    [400, 'not json'],
    [400, null],
  ])('leaves status %i with %j to the generic error', (status, body) => {
    expect(clientErrorFromSubgraph(status, body)).toBeNull();
  });
});
