import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** Column types that exist only as DDL shorthands, mapped to the types they stand for. */
const CAST_TYPES: Record<string, string> = { serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' };

/**
 * `column = any($keys)` with the keys as one array parameter: the statement text is the same for
 * 1 or 500 keys, so it can be prepared once (IN ($1, $2, …) changes with every batch size). The
 * cast keeps the comparison in the column's own type, so its index still serves it.
 */
export function anyOfKeys(column: PgColumn): SQL {
  const type = column.getSQLType();
  return sql`${column} = any(${sql.placeholder('keys')}::${sql.raw(CAST_TYPES[type] ?? type)}[])`;
}

/**
 * Memoises a prepared statement per database. Loader queries run on every request; prepared, drizzle
 * builds their SQL once instead of on every call (about half a millisecond of a primary-key lookup).
 */
export function preparedPerDatabase<TDb extends object, TStatement>(build: (db: TDb) => TStatement): (db: TDb) => TStatement {
  const statements = new WeakMap<TDb, TStatement>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement;
  };
}
