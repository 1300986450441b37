import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DatabaseKind, openDatabase, openTestDatabase, type TestDatabase } from '@credit-hub/db';
import { tables } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export type LicensesDatabase = Database<typeof tables>;
export type LicensesTestDatabase = TestDatabase<typeof tables>;
export type LicensesDb = LicensesDatabase['db'];

/** The subgraph's own database: schema `licenses` in PostgreSQL, or `.data/licenses/` in PGlite. */
export function openLicensesDatabase(options: { url?: string | undefined; dataDir?: string | undefined; countStatements?: boolean }) {
  return openDatabase({
    schemaName: 'licenses',
    schema: tables,
    migrationsFolder: MIGRATIONS_FOLDER,
    url: options.url,
    dataDir: options.url || !options.dataDir ? undefined : join(options.dataDir, 'licenses'),
    countStatements: options.countStatements ?? false,
  });
}

export function openLicensesTestDatabase(kind: DatabaseKind): Promise<LicensesTestDatabase> {
  return openTestDatabase(kind, { schemaName: 'licenses', schema: tables, migrationsFolder: MIGRATIONS_FOLDER });
}
