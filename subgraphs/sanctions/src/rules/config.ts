/**
 * The numbers the sanction rules run on, in one place. Values marked *(verify)* rest on a weak
 * source (DOMAIN.md) and are configurable rather than hard-coded.
 */
export interface SanctionRules {
  /**
   * 较低数额罚款 Provincial "low fine" ceiling in yuan: a fine at or below it (以下 includes the
   * amount, 民法典 第一千二百五十九条) is published 3 months instead of 3 years. *(verify)*
   * Env PENALTY_LOW_FINE_THRESHOLD.
   */
  lowFineThreshold: number;
  /** Publication period of 通报批评 and low-fine penalties (市场监督管理行政处罚信息公示规定 第十四条). */
  shortPublicationMonths: number;
  /** Publication period of every other published penalty. */
  longPublicationMonths: number;
  /** Minimum publication before a penalty may be repaired. */
  repairMinimumMonths: number;
  /** Minimum publication in food, drug and special-equipment cases. */
  repairMinimumMonthsKeyDomains: number;
  /** 严重违法失信名单 listing period: removed when it ends (期满移出). */
  seriousListingMonths: number;
  /** Time on the serious list before early removal through repair. *(verify)* */
  seriousEarlyRemovalMonths: number;
  /** Still on the abnormal list after this long → serious-list candidate (企业信息公示暂行条例 第十七条). */
  abnormalEscalationMonths: number;
  /** 双公示 to the credit platform: working days after the decision. */
  dualPublicationWorkingDays: number;
  /** National enterprise credit publicity system: working days after the decision. */
  nationalPublicationWorkingDays: number;
  /** A changed or revoked penalty leaves publication within this many working days. */
  withdrawalWorkingDays: number;
}

export const DEFAULT_RULES: SanctionRules = Object.freeze({
  lowFineThreshold: 10_000,
  shortPublicationMonths: 3,
  longPublicationMonths: 36,
  repairMinimumMonths: 6,
  repairMinimumMonthsKeyDomains: 12,
  seriousListingMonths: 36,
  seriousEarlyRemovalMonths: 12,
  abnormalEscalationMonths: 36,
  dualPublicationWorkingDays: 7,
  nationalPublicationWorkingDays: 20,
  withdrawalWorkingDays: 3,
});

export function rulesWith(overrides: Partial<SanctionRules> = {}): SanctionRules {
  return { ...DEFAULT_RULES, ...overrides };
}
