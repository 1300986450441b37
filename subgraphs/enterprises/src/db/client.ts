import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DatabaseKind, openDatabase, openTestDatabase, type TestDatabase } from '@credit-hub/db';
import { tables } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export type EnterprisesDatabase = Database<typeof tables>;
export type EnterprisesTestDatabase = TestDatabase<typeof tables>;
export type EnterprisesDb = EnterprisesDatabase['db'];

/** The subgraph's own database: schema `enterprises` in PostgreSQL, or `.data/enterprises/` in PGlite. */
export function openEnterprisesDatabase(options: { url?: string | undefined; dataDir?: string | undefined; countStatements?: boolean }) {
  return openDatabase({
    schemaName: 'enterprises',
    schema: tables,
    migrationsFolder: MIGRATIONS_FOLDER,
    url: options.url,
    dataDir: options.url || !options.dataDir ? undefined : join(options.dataDir, 'enterprises'),
    countStatements: options.countStatements ?? false,
  });
}

export function openEnterprisesTestDatabase(kind: DatabaseKind): Promise<EnterprisesTestDatabase> {
  return openTestDatabase(kind, { schemaName: 'enterprises', schema: tables, migrationsFolder: MIGRATIONS_FOLDER });
}
