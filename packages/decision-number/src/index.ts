/**
 * 处罚决定书文号: there is no single national format — 晋市监处罚〔2024〕12号, 运市监罚字〔2024〕3号,
 * （食药）运市监处罚〔2024〕3号, 闽市监罚〔2024〕第5号 — so any text is accepted that has a year in
 * brackets and a number before 号 (rule PENALTY_DECISION_NUMBER).
 */
const PATTERN = /^(?<prefix>\S*?)〔(?<year>\d{4})〕第?(?<serial>[1-9]\d{0,6})号$/u;

export interface DecisionNumber {
  normalized: string;
  /** Everything before the year, e.g. 运市监罚字 or （食药）运市监处罚. */
  prefix: string;
  year: number;
  serial: number;
}

export type DecisionNumberProblem = 'EMPTY' | 'FORMAT' | 'YEAR_MISMATCH';

/** A space, or a bracket or parenthesis other than 〔〕: what normalizeDecisionNumber rewrites. */
const CHANGED_BY_NORMALIZING = /[\s[［【〖(（\]］】〗)）]/u;

/**
 * What people type varies: half-width or full-width parentheses, square or lenticular brackets
 * around the year, stray spaces. The year's brackets become 〔〕 and other parentheses full-width,
 * so one decision has one spelling for lookup.
 */
export function normalizeDecisionNumber(input: string): string {
  // Most numbers are typed as stored (〔〕 and no spaces): nothing below would change them.
  if (!CHANGED_BY_NORMALIZING.test(input)) return input;
  return input
    .replace(/\s+/g, '')
    .replace(/[〔[［【〖(（](\d{4})[〕\]］】〗)）]/gu, '〔$1〕')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/[[［【〖]/gu, '〔')
    .replace(/[\]］】〗]/gu, '〕');
}

export function parseDecisionNumber(input: string): DecisionNumber | null {
  const normalized = normalizeDecisionNumber(input);
  const groups = PATTERN.exec(normalized)?.groups;
  if (!groups?.prefix) return null;
  return { normalized, prefix: groups.prefix, year: Number(groups.year), serial: Number(groups.serial) };
}

/** The problem with a decision number for a decision made on `decidedOn`, or null when valid. */
export function checkDecisionNumber(input: string, decidedOn: string): DecisionNumberProblem | null {
  if (!input.trim()) return 'EMPTY';
  const parsed = parseDecisionNumber(input);
  if (!parsed) return 'FORMAT';
  return String(parsed.year) === decidedOn.slice(0, 4) ? null : 'YEAR_MISMATCH';
}
