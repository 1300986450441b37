export { type ExchangeDatabase, type ExchangeTestDatabase, openExchangeDatabase, openExchangeTestDatabase } from './db/client.ts';
export { loadEnv, SUBGRAPH_NAME } from './env.ts';
export { decodeCursor, encodeCursor } from './feed/cursor.ts';
export { readChanges, readScope } from './feed/merge.ts';
export { type OutboxSource, remoteSource, SOURCE_NAMES } from './feed/sources.ts';
export { schema } from './schema/index.ts';
export { startExchange } from './server.ts';
export { claimDue, dispatchOnce, fanOut, settle } from './webhooks/dispatcher.ts';
export { RETRY_DELAYS_MS } from './webhooks/settings.ts';
