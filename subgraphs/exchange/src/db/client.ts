import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DatabaseKind, openDatabase, openTestDatabase, type TestDatabase } from '@credit-hub/db';
import { tables } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export type ExchangeDatabase = Database<typeof tables>;
export type ExchangeTestDatabase = TestDatabase<typeof tables>;
export type ExchangeDb = ExchangeDatabase['db'];

/** The subgraph's own database: schema `exchange` in PostgreSQL, or `.data/exchange/` in PGlite. */
export function openExchangeDatabase(options: { url?: string | undefined; dataDir?: string | undefined; countStatements?: boolean }) {
  return openDatabase({
    schemaName: 'exchange',
    schema: tables,
    migrationsFolder: MIGRATIONS_FOLDER,
    url: options.url,
    dataDir: options.url || !options.dataDir ? undefined : join(options.dataDir, 'exchange'),
    countStatements: options.countStatements ?? false,
  });
}

export function openExchangeTestDatabase(kind: DatabaseKind): Promise<ExchangeTestDatabase> {
  return openTestDatabase(kind, { schemaName: 'exchange', schema: tables, migrationsFolder: MIGRATIONS_FOLDER });
}

/** A transaction of the exchange database (what `db.transaction` hands its callback). */
export type ExchangeTx = Parameters<Parameters<ExchangeDb['transaction']>[0]>[0];
/** Either the database or an open transaction: data functions compose inside one transaction. */
export type ExchangeExecutor = ExchangeDb | ExchangeTx;
