/**
 * 处罚决定书文号 `{authority short name}市监处罚〔YYYY〕N号`, e.g. 晋市监处罚〔2024〕12号, sometimes
 * with a prefix in full-width parentheses: （食药）运市监处罚〔2024〕3号.
 */
const PATTERN = /^(?:（([\u3400-\u9fff]{1,12})）)?([\u3400-\u9fff]{1,12})市监处罚〔(\d{4})〕([1-9]\d{0,5})号$/;

export interface DecisionNumber {
  normalized: string;
  prefix: string | null;
  shortName: string;
  year: number;
  serial: number;
}

export type DecisionNumberProblem = 'EMPTY' | 'FORMAT' | 'YEAR_MISMATCH';

/**
 * What people type varies: half-width parentheses and square or lenticular brackets instead of
 * 〔〕, stray spaces. They are mapped to the official characters before the format check.
 */
export function normalizeDecisionNumber(input: string): string {
  return input
    .replace(/\s+/g, '')
    .replace(/[(]/g, '（')
    .replace(/[)]/g, '）')
    .replace(/[[［【〖]/g, '〔')
    .replace(/[\]］】〗]/g, '〕');
}

export function parseDecisionNumber(input: string): DecisionNumber | null {
  const normalized = normalizeDecisionNumber(input);
  const match = PATTERN.exec(normalized);
  if (!match) return null;
  return {
    normalized,
    prefix: match[1] ?? null,
    shortName: match[2] ?? '',
    year: Number(match[3]),
    serial: Number(match[4]),
  };
}

/** The problem with a decision number for a decision made on `decidedOn`, or null when valid. */
export function checkDecisionNumber(input: string, decidedOn: string): DecisionNumberProblem | null {
  if (!input.trim()) return 'EMPTY';
  const parsed = parseDecisionNumber(input);
  if (!parsed) return 'FORMAT';
  return String(parsed.year) === decidedOn.slice(0, 4) ? null : 'YEAR_MISMATCH';
}
