import type { Logger } from 'drizzle-orm/logger';

/**
 * Records every SQL statement drizzle sends. Tests read it to prove that the statements a request
 * causes do not grow with the number of entities in it (an N+1 shows up as a failing count).
 */
export class StatementCounter implements Logger {
  readonly statements: string[] = [];

  logQuery(query: string): void {
    this.statements.push(query);
  }

  get count(): number {
    return this.statements.length;
  }

  reset(): void {
    this.statements.length = 0;
  }

  /** Runs `work` and returns the statements it caused (and only those). */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const start = this.statements.length;
    const result = await work();
    return { result, statements: this.statements.slice(start) };
  }
}
