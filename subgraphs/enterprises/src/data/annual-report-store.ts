import { anyOfKeys, preparedPerDatabase } from '@credit-hub/db';
import { asc, desc } from 'drizzle-orm';
import type { EnterprisesDb } from '../db/client.ts';
import { type AnnualReportRow, annualReports } from '../db/schema.ts';

const getAnnualReportsByUsccStatement = preparedPerDatabase((db: EnterprisesDb) =>
  db
    .select()
    .from(annualReports)
    .where(anyOfKeys(annualReports.uscc))
    .orderBy(asc(annualReports.uscc), desc(annualReports.year))
    .prepare('get_annual_reports_by_uscc'),
);

export function getAnnualReportsByUscc(db: EnterprisesDb, usccs: readonly string[]): Promise<AnnualReportRow[]> {
  return getAnnualReportsByUsccStatement(db).execute({ keys: [...usccs] });
}

/** Records a report; a second filing for the same year is a correction (更正) and replaces it. */
export async function upsertAnnualReport(db: EnterprisesDb, report: typeof annualReports.$inferInsert): Promise<AnnualReportRow> {
  const { uscc: _uscc, year: _year, ...changes } = report;
  const [row] = await db
    .insert(annualReports)
    .values(report)
    .onConflictDoUpdate({ target: [annualReports.uscc, annualReports.year], set: { ...changes, recordedAt: new Date() } })
    .returning();
  if (!row) throw new Error('annual report upsert returned no row');
  return row;
}
