import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DatabaseKind, openDatabase, openTestDatabase, type TestDatabase } from '@credit-hub/db';
import { tables } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export type SanctionsDatabase = Database<typeof tables>;
export type SanctionsTestDatabase = TestDatabase<typeof tables>;
export type SanctionsDb = SanctionsDatabase['db'];

/** The subgraph's own database: schema `sanctions` in PostgreSQL, or `.data/sanctions/` in PGlite. */
export function openSanctionsDatabase(options: { url?: string | undefined; dataDir?: string | undefined; countStatements?: boolean }) {
  return openDatabase({
    schemaName: 'sanctions',
    schema: tables,
    migrationsFolder: MIGRATIONS_FOLDER,
    url: options.url,
    dataDir: options.url || !options.dataDir ? undefined : join(options.dataDir, 'sanctions'),
    countStatements: options.countStatements ?? false,
  });
}

export function openSanctionsTestDatabase(kind: DatabaseKind): Promise<SanctionsTestDatabase> {
  return openTestDatabase(kind, { schemaName: 'sanctions', schema: tables, migrationsFolder: MIGRATIONS_FOLDER });
}

/** A transaction of the sanctions database (what `db.transaction` hands its callback). */
export type SanctionsTx = Parameters<Parameters<SanctionsDb['transaction']>[0]>[0];
/** Either the database or an open transaction: data functions compose inside one transaction. */
export type SanctionsExecutor = SanctionsDb | SanctionsTx;
