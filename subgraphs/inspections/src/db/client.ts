import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DatabaseKind, openDatabase, openTestDatabase, type TestDatabase } from '@credit-hub/db';
import { tables } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export type InspectionsDatabase = Database<typeof tables>;
export type InspectionsDb = InspectionsDatabase['db'];

/** The subgraph's own database: schema `inspections` in PostgreSQL, or `.data/inspections/` in PGlite. */
export function openInspectionsDatabase(options: { url?: string | undefined; dataDir?: string | undefined; countStatements?: boolean }) {
  return openDatabase({
    schemaName: 'inspections',
    schema: tables,
    migrationsFolder: MIGRATIONS_FOLDER,
    url: options.url,
    dataDir: options.url || !options.dataDir ? undefined : join(options.dataDir, 'inspections'),
    countStatements: options.countStatements ?? false,
  });
}

export type InspectionsTestDatabase = TestDatabase<typeof tables>;

export function openInspectionsTestDatabase(kind: DatabaseKind): Promise<InspectionsTestDatabase> {
  return openTestDatabase(kind, { schemaName: 'inspections', schema: tables, migrationsFolder: MIGRATIONS_FOLDER });
}

/** A transaction of the inspections database (what `db.transaction` hands its callback). */
export type InspectionsTx = Parameters<Parameters<InspectionsDb['transaction']>[0]>[0];
/** Either the database or an open transaction: data functions compose inside one transaction. */
export type InspectionsExecutor = InspectionsDb | InspectionsTx;
