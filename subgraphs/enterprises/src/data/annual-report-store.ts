import { asc, desc, inArray } from 'drizzle-orm';
import type { EnterprisesDb } from '../db/client.ts';
import { type AnnualReportRow, annualReports } from '../db/schema.ts';

export function getAnnualReportsByUscc(db: EnterprisesDb, usccs: readonly string[]): Promise<AnnualReportRow[]> {
  return db
    .select()
    .from(annualReports)
    .where(inArray(annualReports.uscc, [...usccs]))
    .orderBy(asc(annualReports.uscc), desc(annualReports.year));
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
