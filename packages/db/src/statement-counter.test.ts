import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { StatementCounter } from './statement-counter.ts';

describe('StatementCounter', () => {
  it('counts every statement but keeps only a bounded window of their text', () => {
    const counter = new StatementCounter(5);
    for (let index = 0; index < 10_000; index += 1) counter.logQuery(`select ${index}`);
    expect(counter.count).toBe(10_000);
    expect(counter.statements).toEqual(['select 9995', 'select 9996', 'select 9997', 'select 9998', 'select 9999']);
  });

  it('measures the statements one piece of work caused, even past the window', async () => {
    const counter = new StatementCounter(3);
    counter.logQuery('before');
    const small = await counter.measure(async () => {
      counter.logQuery('a');
      counter.logQuery('b');
    });
    expect(small).toMatchObject({ count: 2, statements: ['a', 'b'] });
    const large = await counter.measure(async () => {
      for (let index = 0; index < 7; index += 1) counter.logQuery(`q${index}`);
    });
    expect(large).toMatchObject({ count: 7, statements: ['q4', 'q5', 'q6'] });
  });

  it('resets the count and the window', () => {
    const counter = new StatementCounter();
    counter.logQuery('x');
    counter.reset();
    expect(counter.count).toBe(0);
    expect(counter.statements).toEqual([]);
  });
});

describe('openDatabase', () => {
  it('has no statement counter unless asked for one (production keeps no statements)', async () => {
    const migrationsFolder = new URL('../test-fixtures/migrations', import.meta.url).pathname;
    const plain = await openDatabase({ schemaName: 'plain', schema: {}, migrationsFolder });
    const counted = await openDatabase({ schemaName: 'counted', schema: {}, migrationsFolder, countStatements: true });
    try {
      expect(plain.statements).toBeUndefined();
      expect(counted.statements).toBeInstanceOf(StatementCounter);
    } finally {
      await plain.close();
      await counted.close();
    }
  });
});
