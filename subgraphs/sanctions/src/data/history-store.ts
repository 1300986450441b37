import { asc, inArray } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type RecordHistoryRow, recordHistory } from '../db/schema.ts';

export type NewHistoryEntry = typeof recordHistory.$inferInsert;

export function getHistoryByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<RecordHistoryRow[]> {
  return db
    .select()
    .from(recordHistory)
    .where(inArray(recordHistory.uscc, [...usccs]))
    .orderBy(asc(recordHistory.uscc), asc(recordHistory.id));
}

export async function appendHistory(executor: SanctionsExecutor, entry: NewHistoryEntry): Promise<void> {
  await executor.insert(recordHistory).values(entry);
}
