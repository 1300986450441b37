import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { StatementCounter } from './statement-counter.ts';

// biome-ignore lint/suspicious/noExplicitAny: drizzle's HKT for "either driver" has no narrower name
export type Db<TSchema extends Record<string, unknown> = Record<string, never>> = PgDatabase<PgQueryResultHKT, TSchema> & { $client?: any };

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabaseOptions<TSchema extends Record<string, unknown>> {
  /** PostgreSQL schema the subgraph's tables live in; also names its migration table's schema. */
  schemaName: string;
  /** drizzle table definitions, for the relational query API. */
  schema: TSchema;
  /** Folder of drizzle-kit migrations, applied on open. */
  migrationsFolder: string;
  /** postgres:// URL: use PostgreSQL through postgres.js. Unset: embedded PGlite. */
  url?: string | undefined;
  /** PGlite data directory; unset means in-memory (tests). Ignored with `url`. */
  dataDir?: string | undefined;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Drop the schema on close: for tests that make a throwaway schema in a shared server. */
  dropSchemaOnClose?: boolean;
  /** Count the SQL statements drizzle sends (tests): off by default, so production keeps none. */
  countStatements?: boolean;
}

export interface Database<
  TSchema extends Record<string, unknown>,
  TStatements extends StatementCounter | undefined = StatementCounter | undefined,
> {
  db: Db<TSchema>;
  kind: DatabaseKind;
  schemaName: string;
  /** Present only when opened with `countStatements` (every test database). */
  statements: TStatements;
  /** Cheap round trip for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const quoteIdentifier = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe schema name: ${name}`);
  return `"${name}"`;
};

/** A database that counts its statements: what every test database is. */
export type TestDatabase<TSchema extends Record<string, unknown>> = Database<TSchema, StatementCounter>;

/**
 * Opens a subgraph's own database: its own PostgreSQL schema (search_path pinned to it, so the
 * migrations and queries stay unqualified), migrated to the latest version before it is returned.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
): Promise<Database<TSchema>> {
  return options.url ? openPostgres(options, options.url) : openPglite(options);
}

async function openPglite<TSchema extends Record<string, unknown>>(options: OpenDatabaseOptions<TSchema>): Promise<Database<TSchema>> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const schema = quoteIdentifier(options.schemaName);
  // PGlite is one session, so a session-level search_path holds for every later statement.
  await client.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
  const statements = options.countStatements ? new StatementCounter() : undefined;
  const db = drizzlePglite({ client, schema: options.schema, logger: statements ?? false });
  await migratePglite(db, {
    migrationsFolder: options.migrationsFolder,
    migrationsSchema: options.schemaName,
  });
  statements?.reset();
  return {
    db: db as unknown as Db<TSchema>,
    kind: 'pglite',
    schemaName: options.schemaName,
    statements,
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
    },
  };
}

async function openPostgres<TSchema extends Record<string, unknown>>(
  options: OpenDatabaseOptions<TSchema>,
  url: string,
): Promise<Database<TSchema>> {
  const schema = quoteIdentifier(options.schemaName);
  const connection = { search_path: options.schemaName, application_name: `credit-hub-${options.schemaName}` };
  await migrateUnderLock(url, options, schema, connection);
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    connection,
    onnotice: () => {},
  });
  const statements = options.countStatements ? new StatementCounter() : undefined;
  const db = drizzlePostgres({ client, schema: options.schema, logger: statements ?? false });
  return {
    db: db as unknown as Db<TSchema>,
    kind: 'postgres',
    schemaName: options.schemaName,
    statements,
    ping: async () => {
      await client`select 1`;
    },
    close: async () => {
      if (options.dropSchemaOnClose) await client.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * Several replicas of a subgraph may start at once; an advisory lock on one dedicated connection
 * makes them apply migrations one after the other instead of racing on the same DDL.
 */
async function migrateUnderLock<TSchema extends Record<string, unknown>>(
  url: string,
  options: OpenDatabaseOptions<TSchema>,
  schema: string,
  connection: Record<string, string>,
): Promise<void> {
  const client = postgres(url, { max: 1, connection, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext(${options.schemaName}))`;
    await client.unsafe(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migratePostgres(drizzlePostgres({ client }), {
      migrationsFolder: options.migrationsFolder,
      migrationsSchema: options.schemaName,
    });
    await client`select pg_advisory_unlock(hashtext(${options.schemaName}))`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
