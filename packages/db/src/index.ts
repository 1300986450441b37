export { insertInChunks, insertRows, textArrayLiteral } from './bulk-insert.ts';
export { bulkLoad, DEFERRED_INDEX_LOAD, vacuumOwnTables, writeBehind } from './bulk-load.ts';
export {
  type Database,
  type DatabaseKind,
  type Db,
  type OpenDatabaseOptions,
  openDatabase,
  type TestDatabase,
} from './database.ts';
export * from './like-pattern.ts';
export { anyOfKeys, preparedPerDatabase } from './prepared.ts';
export { inRegionPrefix } from './region-condition.ts';
export { type BuiltQuery, selectValues } from './select-values.ts';
export { StatementCounter } from './statement-counter.ts';
export { openTestDatabase, testDatabaseKinds } from './test-databases.ts';
export { lockForTransaction } from './transaction-lock.ts';
