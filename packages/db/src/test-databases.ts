import { randomBytes } from 'node:crypto';
import { type DatabaseKind, type OpenDatabaseOptions, openDatabase, type TestDatabase } from './database.ts';

/**
 * The database back-ends tests run against: always PGlite; PostgreSQL as well when DATABASE_URL
 * is set (CI sets it), so the same suite proves both drivers.
 */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a throwaway schema on the
 * shared PostgreSQL server that is dropped on close, so test files never see each other's rows.
 */
export function openTestDatabase<TSchema extends Record<string, unknown>>(
  kind: DatabaseKind,
  options: Omit<OpenDatabaseOptions<TSchema>, 'url' | 'dataDir' | 'dropSchemaOnClose' | 'countStatements'>,
): Promise<TestDatabase<TSchema>> {
  const counted = async (opening: ReturnType<typeof openDatabase<TSchema>>) => {
    const database = await opening;
    if (!database.statements) throw new Error('a test database counts its statements');
    return database as TestDatabase<TSchema>;
  };
  if (kind === 'pglite') return counted(openDatabase({ ...options, countStatements: true }));
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required for PostgreSQL tests');
  return counted(
    openDatabase({
      ...options,
      countStatements: true,
      url,
      maxConnections: 4,
      schemaName: `${options.schemaName}_test_${randomBytes(4).toString('hex')}`,
      dropSchemaOnClose: true,
    }),
  );
}
