import { describe, expect, it } from 'vitest';
import { badUserInput, keyExists } from './errors.ts';
import { importRowOutcome, keyExistsOutcome, runSetBasedImportBatch } from './import-batch.ts';

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

  it('a refused row is REJECTED with its field and rule; an internal failure is thrown (the call fails, the batch is sent again)', () => {
    expect(importRowOutcome(1, badUserInput('input.uscc: bad', { field: 'input.uscc', reason: 'CHECK_CHARACTER' }))).toEqual({
      index: 1,
      status: 'REJECTED',
      id: null,
      field: 'input.uscc',
      reason: 'CHECK_CHARACTER',
      message: 'input.uscc: bad',
    });
    expect(() => importRowOutcome(2, new Error('connection lost'))).toThrow('connection lost');
  });

  it('a set-based batch stores the good rows once, answers duplicates as found, and a failed store as FAILED or thrown', async () => {
    const table = new Map<string, string>([['K0', 'already']]);
    const storedCalls: string[][] = [];
    const steps = {
      prepare: async (input: string) => {
        if (input === 'bad') throw badUserInput('input: bad', { field: 'input', reason: 'FORMAT' });
        return input;
      },
      async store(rows: string[]) {
        storedCalls.push(rows);
        const fresh = rows.filter((row) => !table.has(row));
        for (const row of fresh) table.set(row, 'new');
        return fresh.map((key) => ({ key }));
      },
      keyOfRow: (row: string) => row,
      keyOfStored: (stored: { key: string }) => stored.key,
      idOf: (stored: { key: string }) => stored.key,
      refusals: async () => (row: string, index: number) => keyExistsOutcome(index, `${row} exists`, { field: 'input', sameRecord: true }),
    };
    const results = await runSetBasedImportBatch(['K1', 'bad', 'K1', 'K0', 'K2'], steps);
    expect(results.map((result) => [result.index, result.status, result.id ?? result.reason])).toEqual([
      [0, 'CREATED', 'K1'],
      [1, 'REJECTED', 'FORMAT'],
      [2, 'UNCHANGED', 'ALREADY_RECORDED'],
      [3, 'UNCHANGED', 'ALREADY_RECORDED'],
      [4, 'CREATED', 'K2'],
    ]);
    // One store for the batch, each key once.
    expect(storedCalls).toEqual([['K1', 'K0', 'K2']]);
    const failing = { ...steps, store: async () => Promise.reject(new Error('connection lost')) };
    await expect(runSetBasedImportBatch(['K3'], failing)).rejects.toThrow('connection lost');
    expect(table.has('K3')).toBe(false);
    // More rows than a batch may hold are refused whole, whoever calls.
    await expect(
      runSetBasedImportBatch(
        Array.from({ length: 501 }, (_, index) => `M${index}`),
        steps,
      ),
    ).rejects.toThrow('at most 500');
    expect(table.has('M0')).toBe(false);
  });
});
