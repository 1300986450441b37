import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger, serializeError } from './logger.ts';

/** What drizzle throws: the statement and its parameters in the message, the driver error as cause. */
class FakeDrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    cause: Error,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`, { cause });
  }
}

describe('serializeError', () => {
  const driver = Object.assign(new Error('relation "annual_reports" does not exist'), { code: '42P01' });
  const drizzle = new FakeDrizzleQueryError('select "uscc" from "annual_reports" where "uscc" = $1', ['91350100M000100Y43'], driver);

  it('logs a database error by SQLSTATE, without the statement, its parameters or the message quoting them', () => {
    const wrapped = new GraphQLError(drizzle.message, { originalError: drizzle });
    const text = JSON.stringify(serializeError(wrapped));
    expect(text).not.toMatch(/select|annual_reports|91350100M000100Y43|Failed query/);
    expect(serializeError(wrapped)).toMatchObject({
      type: 'GraphQLError',
      message: 'database query failed',
      cause: { message: 'database query failed', cause: { code: '42P01' } },
    });
  });

  it('keeps message and stack of an ordinary bug', () => {
    const bug = new TypeError('cannot read properties of undefined');
    expect(serializeError(bug)).toMatchObject({ type: 'TypeError', message: bug.message, stack: bug.stack });
  });

  it('writes the serialized error under err in a JSON line', () => {
    const lines: string[] = [];
    const logger = createLogger({ service: 'unit', destination: { write: (line: string) => void lines.push(line) } });
    logger.error({ err: drizzle, errorId: 'e1' }, 'boom');
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ level: 50, service: 'unit', errorId: 'e1', msg: 'boom', err: { message: 'database query failed' } });
    expect(lines[0]).not.toContain('select');
  });
});
