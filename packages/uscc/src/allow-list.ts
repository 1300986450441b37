import { normalizeUscc } from './normalize.ts';

/**
 * Some genuinely issued codes fail the checks (a few in Fujian are known). Operators list them
 * here so they are accepted, with a warning that keeps the failure visible.
 */
export class UsccAllowList {
  readonly #reasons = new Map<string, string | undefined>();

  constructor(entries: Iterable<string | { code: string; reason?: string }> = []) {
    for (const entry of entries) {
      if (typeof entry === 'string') this.add(entry);
      else this.add(entry.code, entry.reason);
    }
  }

  /** Codes separated by commas (also full-width), semicolons or whitespace, e.g. from USCC_ALLOW_LIST. */
  static fromEnv(value: string | undefined): UsccAllowList {
    const codes = (value ?? '').split(/[\s,，;；]+/).filter((code) => code !== '');
    return new UsccAllowList(codes);
  }

  add(code: string, reason?: string): void {
    const normalized = normalizeUscc(code);
    if (normalized === '') throw new RangeError('UsccAllowList.add: empty code');
    this.#reasons.set(normalized, reason);
  }

  has(code: string): boolean {
    return this.#reasons.has(normalizeUscc(code));
  }

  reasonFor(code: string): string | undefined {
    return this.#reasons.get(normalizeUscc(code));
  }

  get size(): number {
    return this.#reasons.size;
  }
}
