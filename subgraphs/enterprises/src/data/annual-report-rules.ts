import type { AnnualReportRow } from '../db/schema.ts';

/** The report for year Y is due between 1 January and 30 June of Y+1 (DOMAIN.md). */
export const annualReportDeadline = (year: number) => `${year + 1}-06-30`;

export const isFiledOnTime = (report: Pick<AnnualReportRow, 'year' | 'submittedOn'>) =>
  report.submittedOn <= annualReportDeadline(report.year);

/** Latest year whose reporting window has closed on `today`. */
export const lastDueYear = (today: string) => {
  const year = Number(today.slice(0, 4));
  return today > `${year}-06-30` ? year - 1 : year - 2;
};

/**
 * Years since establishment (at most the last `lookback`) whose window closed without a report:
 * what the abnormal-operations listing for 未按规定报送年度报告 rests on.
 */
export function missingReportYears(
  establishedOn: string,
  reports: readonly Pick<AnnualReportRow, 'year'>[],
  today: string,
  lookback = 5,
): number[] {
  const filed = new Set(reports.map((report) => report.year));
  const last = lastDueYear(today);
  const first = Math.max(Number(establishedOn.slice(0, 4)), last - lookback + 1);
  const missing: number[] = [];
  for (let year = first; year <= last; year++) if (!filed.has(year)) missing.push(year);
  return missing;
}
