import type { EnterpriseDirectory } from '@credit-hub/subgraph-kit';
import { checkUscc, type UsccAllowList } from '@credit-hub/uscc';
import { parse } from 'csv-parse/sync';
import { recordImport } from '../data/import-store.ts';
import { insertResults, type NewResult } from '../data/result-store.ts';
import { type ClassCounts, completeRun, createRun, deleteRunResults, getRunsById } from '../data/run-store.ts';
import type { RiskDb } from '../db/client.ts';
import type { ImportRow, RunRow } from '../db/schema.ts';
import { RISK_CLASSES, type RiskClass } from '../rules/model.ts';

export interface Rejection {
  /** Line of the file, the header being line 1. */
  row: number;
  reason: 'MALFORMED_ROW' | 'INVALID_USCC' | 'INVALID_CLASS' | 'INVALID_MONTH' | 'FUTURE_MONTH' | 'DUPLICATE' | 'UNKNOWN_ENTERPRISE';
  message: string;
}

export interface ImportOutcome {
  record: ImportRow;
  runs: RunRow[];
  rejections: Rejection[];
}

/** Header texts a province's file may use for each column (matched without case or spaces). */
const HEADERS: Record<'uscc' | 'class' | 'month', string[]> = {
  uscc: ['uscc', '统一社会信用代码', '信用代码'],
  class: ['class', 'riskclass', '风险类别', '信用风险类别', '风险等级', '分类结果'],
  month: ['month', '月份', '分类月份', '统计月份'],
};
const LOOKUP_BATCH = 500;
const MONTH = /^(\d{4})-?(0[1-9]|1[0-2])$/;

/** "A", "a", "A类" → A. */
const parseClass = (text: string): RiskClass | null => {
  const letter = text.trim().toUpperCase().replace(/类$/, '');
  return (RISK_CLASSES as readonly string[]).includes(letter) ? (letter as RiskClass) : null;
};

/**
 * Imports a province's classes (CSV: USCC, class, month; with or without a header row). Every row
 * is validated on its own; bad rows are reported with their line and reason, good rows are kept.
 * Each month in the file becomes one run with source PROVINCE that replaces the province's
 * previous run for that month (the province sends a month whole) and, per enterprise, takes
 * precedence over the hub's own LOCAL class of that month.
 */
export async function importProvinceClasses(options: {
  db: RiskDb;
  csv: string;
  fileName: string | null;
  importedBy: string;
  today: string;
  enterprises: EnterpriseDirectory;
  allowList?: UsccAllowList;
}): Promise<ImportOutcome> {
  const records = parse(options.csv.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const rejections: Rejection[] = [];
  let columns = { uscc: 0, class: 1, month: 2 };
  let first = 0;
  const header = records[0]?.map((cell) => cell.replace(/\s/g, '').toLowerCase());
  if (header?.some((cell) => Object.values(HEADERS).some((names) => names.includes(cell)))) {
    const find = (names: string[], fallback: number) => {
      const index = header.findIndex((cell) => names.includes(cell));
      return index < 0 ? fallback : index;
    };
    columns = { uscc: find(HEADERS.uscc, 0), class: find(HEADERS.class, 1), month: find(HEADERS.month, 2) };
    first = 1;
  }
  const currentMonth = options.today.slice(0, 7);
  const candidates: { row: number; uscc: string; riskClass: RiskClass; month: string }[] = [];
  const seen = new Set<string>();
  for (const [index, cells] of records.slice(first).entries()) {
    const row = index + first + 1;
    const reject = (reason: Rejection['reason'], message: string) => void rejections.push({ row, reason, message });
    const usccText = cells[columns.uscc];
    const classText = cells[columns.class];
    const monthText = cells[columns.month];
    if (usccText === undefined || classText === undefined || monthText === undefined) {
      reject('MALFORMED_ROW', `expected 3 columns (USCC, class, month), found ${cells.length}`);
      continue;
    }
    const check = checkUscc(usccText, options.allowList ? { allowList: options.allowList } : {});
    if (!check.valid) {
      const problem = check.problems.find((p) => p.severity === 'error');
      reject('INVALID_USCC', `invalid unified social credit code: ${problem?.message ?? 'invalid'}`);
      continue;
    }
    const riskClass = parseClass(classText);
    if (!riskClass) {
      reject('INVALID_CLASS', `class must be A, B, C or D, not "${classText.slice(0, 16)}"`);
      continue;
    }
    const monthMatch = MONTH.exec(monthText);
    if (!monthMatch) {
      reject('INVALID_MONTH', `month must be YYYY-MM, not "${monthText.slice(0, 16)}"`);
      continue;
    }
    const month = `${monthMatch[1]}-${monthMatch[2]}`;
    if (month > currentMonth) {
      reject('FUTURE_MONTH', `month ${month} has not begun`);
      continue;
    }
    const key = `${check.normalized}:${month}`;
    if (seen.has(key)) {
      reject('DUPLICATE', `${check.normalized} already has a class for ${month} earlier in the file`);
      continue;
    }
    seen.add(key);
    candidates.push({ row, uscc: check.normalized, riskClass, month });
  }

  // The registered region decides who may read the class: asked of the enterprises subgraph.
  const regions = new Map<string, string>();
  const codes = [...new Set(candidates.map((candidate) => candidate.uscc))];
  for (let start = 0; start < codes.length; start += LOOKUP_BATCH) {
    for (const facts of await options.enterprises.lookup(codes.slice(start, start + LOOKUP_BATCH))) {
      if (facts) regions.set(facts.uscc, facts.regionCode);
    }
  }
  const byMonth = new Map<string, NewResult[]>();
  for (const candidate of candidates) {
    const regionCode = regions.get(candidate.uscc);
    if (!regionCode) {
      rejections.push({
        row: candidate.row,
        reason: 'UNKNOWN_ENTERPRISE',
        message: `no enterprise with code ${candidate.uscc} is registered`,
      });
      continue;
    }
    const rows = byMonth.get(candidate.month) ?? [];
    rows.push({
      uscc: candidate.uscc,
      regionCode,
      keyDomains: [],
      riskClass: candidate.riskClass,
      score: null,
      hardRule: null,
      indicators: [],
    });
    byMonth.set(candidate.month, rows);
  }

  const runIds: number[] = [];
  for (const [month, rows] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const started = Date.now();
    const run = await createRun(options.db, {
      month,
      source: 'PROVINCE',
      modelVersion: null,
      startedBy: options.importedBy,
      note: options.fileName ? `imported from ${options.fileName}` : 'imported',
    });
    await insertResults(options.db, run.id, rows);
    const counts: ClassCounts = { A: 0, B: 0, C: 0, D: 0 };
    for (const row of rows) counts[row.riskClass]++;
    const replaced = await completeRun(options.db, run.id, counts, Date.now() - started);
    if (replaced !== null && replaced !== run.id) await deleteRunResults(options.db, replaced);
    runIds.push(run.id);
  }
  rejections.sort((a, b) => a.row - b.row);
  const record = await recordImport(options.db, {
    fileName: options.fileName,
    importedBy: options.importedBy,
    rows: records.length - first,
    accepted: [...byMonth.values()].reduce((sum, rows) => sum + rows.length, 0),
    runIds,
    rejections,
  });
  return { record, runs: await getRunsById(options.db, runIds), rejections };
}
