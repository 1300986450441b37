import type { RiskExecutor } from '../db/client.ts';
import { type ImportRow, imports } from '../db/schema.ts';

export async function recordImport(db: RiskExecutor, row: typeof imports.$inferInsert): Promise<ImportRow> {
  const [stored] = await db.insert(imports).values(row).returning();
  if (!stored) throw new Error('import not recorded');
  return stored;
}
