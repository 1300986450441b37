import { checkUscc } from '@credit-hub/uscc';
import { addWorkingDays, isCovered } from '@credit-hub/workdays';
import type { NationalColumn, NationalRow } from './national-columns.ts';

/**
 * 双公示 timeliness: licences and penalties reach the credit platform within 7 working days of
 * the decision. The platform scores 入库率, 完整率 and 准确率 at ≥ 95 % each (DOMAIN.md).
 */
export const DUAL_PUBLICATION_RULE = {
  code: 'DUAL_PUBLICATION_DEADLINE',
  workingDays: 7,
  target: 0.95,
  source: { document: '国市监信发〔2022〕6号', article: null },
  effectiveFrom: '2022-01-01',
  note: '(verify) effective date: the notice’s date of issue is not in the hub’s sources.',
} as const;

/** One record as the platform scores it: its national row, who supplied it, and when it went out. */
export interface QualityInput {
  department: string;
  row: NationalRow;
  /** Decision day (许可决定日期 / 处罚决定日期), ISO. */
  decidedOn: string;
  /** Day the record reached (or would reach) the platform: first shared through the feed, ISO. */
  sharedOn: string | null;
}

export interface DepartmentQuality {
  department: string;
  records: number;
  complete: number;
  accurate: number;
  timely: number;
  /** Timeliness of records whose deadline falls in a year the calendar does not know yet. */
  provisional: number;
  completeness: number;
  accuracy: number;
  timeliness: number;
  /** Every score at or above the platform's target. */
  meetsTarget: boolean;
  /** The most frequent problems, so a department knows what to fix first. */
  problems: Record<string, number>;
}

const DATE = /^\d{4}\/\d{2}\/\d{2}$/;

export function nationalRowProblems(row: NationalRow, columns: readonly NationalColumn[]): { missing: string[]; invalid: string[] } {
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const column of columns) {
    const value = row[column.code] ?? '';
    if (!value) {
      if (column.required) missing.push(column.code);
      continue;
    }
    if (column.kind === 'date' && !DATE.test(value)) invalid.push(column.code);
    if (column.kind === 'amount' && !/^\d+\.\d{6}$/.test(value)) invalid.push(column.code);
  }
  const usccColumn = columns.find((column) => column.code.endsWith('_XDR_SHXYM'));
  const uscc = usccColumn ? row[usccColumn.code] : '';
  if (uscc && !checkUscc(uscc).valid) invalid.push(usccColumn?.code ?? 'SHXYM');
  return { missing, invalid };
}

/**
 * Per department: completeness (every required column filled), accuracy (valid USCC, valid
 * dates and amounts, required fields present) and timeliness (shared no later than 7 working
 * days after the decision), as fractions of its records.
 */
export function computeQuality(records: Iterable<QualityInput>, columns: readonly NationalColumn[]): DepartmentQuality[] {
  const byDepartment = new Map<string, DepartmentQuality>();
  for (const record of records) {
    let entry = byDepartment.get(record.department);
    if (!entry) {
      entry = {
        department: record.department,
        records: 0,
        complete: 0,
        accurate: 0,
        timely: 0,
        provisional: 0,
        completeness: 0,
        accuracy: 0,
        timeliness: 0,
        meetsTarget: false,
        problems: {},
      };
      byDepartment.set(record.department, entry);
    }
    entry.records += 1;
    const { missing, invalid } = nationalRowProblems(record.row, columns);
    if (missing.length === 0) entry.complete += 1;
    if (missing.length === 0 && invalid.length === 0) entry.accurate += 1;
    for (const code of missing) entry.problems[`${code}:REQUIRED`] = (entry.problems[`${code}:REQUIRED`] ?? 0) + 1;
    for (const code of invalid) entry.problems[`${code}:FORMAT`] = (entry.problems[`${code}:FORMAT`] ?? 0) + 1;
    const deadline = addWorkingDays(record.decidedOn, DUAL_PUBLICATION_RULE.workingDays);
    if (!isCovered(deadline)) entry.provisional += 1;
    if (record.sharedOn && record.sharedOn <= deadline) entry.timely += 1;
    else entry.problems['TIMELINESS:LATE'] = (entry.problems['TIMELINESS:LATE'] ?? 0) + 1;
  }
  return [...byDepartment.values()]
    .map((entry) => {
      const ratio = (part: number) => (entry.records === 0 ? 0 : Math.round((part / entry.records) * 10_000) / 10_000);
      const scored = { ...entry, completeness: ratio(entry.complete), accuracy: ratio(entry.accurate), timeliness: ratio(entry.timely) };
      scored.meetsTarget = [scored.completeness, scored.accuracy, scored.timeliness].every(
        (score) => score >= DUAL_PUBLICATION_RULE.target,
      );
      return scored;
    })
    .sort((a, b) => a.department.localeCompare(b.department));
}
