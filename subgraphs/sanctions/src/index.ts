export { openSanctionsDatabase, openSanctionsTestDatabase, type SanctionsDatabase } from './db/client.ts';
export { loadEnv, SUBGRAPH_NAME } from './env.ts';
export { schema } from './schema/index.ts';
export { seedSanctions } from './seed.ts';
export { startSanctionsSubgraph } from './server.ts';
