import { anyOfKeys, insertRows, preparedPerDatabase } from '@credit-hub/db';
import { asc } from 'drizzle-orm';
import type { SanctionsDb, SanctionsExecutor } from '../db/client.ts';
import { type RecordHistoryRow, recordHistory } from '../db/schema.ts';

export type NewHistoryEntry = typeof recordHistory.$inferInsert;

const getHistoryByUsccStatement = preparedPerDatabase((db: SanctionsDb) =>
  db
    .select()
    .from(recordHistory)
    .where(anyOfKeys(recordHistory.uscc))
    .orderBy(asc(recordHistory.uscc), asc(recordHistory.id))
    .prepare('get_history_by_uscc'),
);

export function getHistoryByUscc(db: SanctionsDb, usccs: readonly string[]): Promise<RecordHistoryRow[]> {
  return getHistoryByUsccStatement(db).execute({ keys: [...usccs] });
}

export async function appendHistory(executor: SanctionsExecutor, entry: NewHistoryEntry): Promise<void> {
  await executor.insert(recordHistory).values(entry);
}

/** Many entries in one statement (a bulk import's batch). */
export async function appendHistories(executor: SanctionsExecutor, entries: NewHistoryEntry[]): Promise<void> {
  await insertRows(executor, recordHistory, entries, { returning: false });
}
