import type { Logger } from 'drizzle-orm/logger';

/** Statements kept for diagnostics: enough to read what one test request ran, never more. */
const DEFAULT_WINDOW = 1000;

/**
 * Counts the SQL statements drizzle sends. Tests read it to prove that the statements a request
 * causes do not grow with the number of entities in it (an N+1 shows up as a failing count).
 * Only test databases (or an explicit `countStatements`) have one, and it keeps a count plus a
 * bounded window of the most recent statements, so a long-running process never accumulates them.
 */
export class StatementCounter implements Logger {
  private total = 0;
  private readonly recent: string[] = [];

  constructor(private readonly window = DEFAULT_WINDOW) {}

  logQuery(query: string): void {
    this.total += 1;
    this.recent.push(query);
    if (this.recent.length > this.window) this.recent.shift();
  }

  /** Statements run since the counter was made or last reset. */
  get count(): number {
    return this.total;
  }

  /** The most recent statements, oldest first (at most the window). */
  get statements(): readonly string[] {
    return this.recent;
  }

  reset(): void {
    this.total = 0;
    this.recent.length = 0;
  }

  /**
   * Runs `work` and returns how many statements it caused and the text of those still in the
   * window (all of them unless `work` ran more than the window holds).
   */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
    const start = this.total;
    const result = await work();
    const count = this.total - start;
    return { result, count, statements: this.recent.slice(Math.max(0, this.recent.length - count)) };
  }
}
