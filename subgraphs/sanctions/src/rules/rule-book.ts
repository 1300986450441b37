import { type RuleVersion, ruleInForce, rulesInForce } from '@credit-hub/subgraph-kit';
import { SANCTION_RULES, type SanctionRule, type SanctionRuleCode } from './catalogue.ts';

/**
 * The rules as the resolvers use them: a rule asked for by code, the day the record was decided
 * and its province. Tests and an operator's configuration add versions (e.g. another province's
 * lower-fine thresholds) by building a book with more versions.
 */
export class RuleBook {
  /**
   * The versions of each code: a decision asks for five to ten rules, and a batch import 500
   * decisions a call, so each lookup reads its code's few versions instead of the whole book.
   */
  readonly #byCode = new Map<string, RuleVersion[]>();

  constructor(readonly versions: readonly RuleVersion[] = SANCTION_RULES) {
    for (const version of versions) {
      const same = this.#byCode.get(version.code);
      if (same) same.push(version);
      else this.#byCode.set(version.code, [version]);
    }
  }

  /** The version in force, or null when none is (e.g. no lower-fine threshold for a province). */
  find<TValue>(code: SanctionRuleCode, on: string, province: string | null = null): SanctionRule<TValue> | null {
    const versions = (this.#byCode.get(code) ?? []) as readonly RuleVersion<TValue>[];
    return ruleInForce(versions, code, on, province) as SanctionRule<TValue> | null;
  }

  /**
   * The version in force. National rules exist from the law's first day; a record decided before
   * it is judged by the earliest version (the hub has no older one), never left without a rule.
   */
  get<TValue>(code: SanctionRuleCode, on: string, province: string | null = null): SanctionRule<TValue> {
    const found = this.find<TValue>(code, on, province);
    if (found) return found;
    const earliest = this.versions
      .filter((version) => version.code === code && version.province === null)
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
    if (!earliest) throw new Error(`no national version of rule ${code}`);
    return earliest as SanctionRule<TValue>;
  }

  /** The number of a numeric rule (months, working days). */
  value(code: SanctionRuleCode, on: string, province: string | null = null): number {
    return Number(this.get(code, on, province).value);
  }

  inForce(on: string, province: string | null): RuleVersion[] {
    return rulesInForce(this.versions, on, province);
  }

  with(extra: readonly RuleVersion[]): RuleBook {
    return new RuleBook([...this.versions, ...extra]);
  }
}

export const DEFAULT_RULE_BOOK = new RuleBook();

export const provinceOfRegion = (regionCode: string) => regionCode.slice(0, 2);
