import { describe, expect, it } from 'vitest';
import { badUserInput, keyExists } from './errors.ts';
import { importRowOutcome, keyExistsOutcome } from './import-batch.ts';

describe('import row outcomes', () => {
  it('keyExistsOutcome answers exactly what importRowOutcome makes of the keyExists error', () => {
    for (const sameRecord of [true, false]) {
      const details = { field: 'input.decisionNumber', sameRecord };
      expect(keyExistsOutcome(3, 'number exists', details)).toEqual(importRowOutcome(3, keyExists('number exists', details)));
    }
    expect(keyExistsOutcome(0, 'again', { field: 'input.number', sameRecord: true })).toMatchObject({
      status: 'UNCHANGED',
      reason: 'ALREADY_RECORDED',
    });
    expect(keyExistsOutcome(0, 'taken', { field: 'input.number', sameRecord: false })).toMatchObject({
      status: 'REJECTED',
      reason: 'KEY_TAKEN',
    });
  });

  it('a refused row is REJECTED with its field and rule; an internal failure is FAILED without details, or thrown', () => {
    expect(importRowOutcome(1, badUserInput('input.uscc: bad', { field: 'input.uscc', reason: 'CHECK_CHARACTER' }))).toEqual({
      index: 1,
      status: 'REJECTED',
      id: null,
      field: 'input.uscc',
      reason: 'CHECK_CHARACTER',
      message: 'input.uscc: bad',
    });
    expect(() => importRowOutcome(2, new Error('connection lost'))).toThrow('connection lost');
    const logged: unknown[] = [];
    const logger = { error: (entry: unknown) => logged.push(entry) } as unknown as Parameters<typeof importRowOutcome>[2];
    const failed = importRowOutcome(2, new Error('connection lost'), logger);
    expect(failed).toMatchObject({ status: 'FAILED', reason: 'INTERNAL', field: null });
    expect(failed.message).not.toContain('connection lost');
    expect(logged).toHaveLength(1);
  });
});
