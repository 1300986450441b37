import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DatabaseKind, openDatabase, openTestDatabase, type TestDatabase } from '@credit-hub/db';
import { tables } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export type RiskDatabase = Database<typeof tables>;
export type RiskDb = RiskDatabase['db'];

/** The subgraph's own database: schema `risk` in PostgreSQL, or `.data/risk/` in PGlite. */
export function openRiskDatabase(options: { url?: string | undefined; dataDir?: string | undefined; countStatements?: boolean }) {
  return openDatabase({
    schemaName: 'risk',
    schema: tables,
    migrationsFolder: MIGRATIONS_FOLDER,
    url: options.url,
    dataDir: options.url || !options.dataDir ? undefined : join(options.dataDir, 'risk'),
    countStatements: options.countStatements ?? false,
  });
}

export type RiskTestDatabase = TestDatabase<typeof tables>;

export function openRiskTestDatabase(kind: DatabaseKind): Promise<RiskTestDatabase> {
  return openTestDatabase(kind, { schemaName: 'risk', schema: tables, migrationsFolder: MIGRATIONS_FOLDER });
}

/** A transaction of the risk database (what `db.transaction` hands its callback). */
export type RiskTx = Parameters<Parameters<RiskDb['transaction']>[0]>[0];
/** Either the database or an open transaction: data functions compose inside one transaction. */
export type RiskExecutor = RiskDb | RiskTx;
