export { openSanctionsDatabase, openSanctionsTestDatabase, type SanctionsDatabase, type SanctionsTestDatabase } from './db/client.ts';
export { loadEnv, SUBGRAPH_NAME } from './env.ts';
export { schema } from './schema/index.ts';
export { seedSanctions } from './seed.ts';
export { startSanctionsSubgraph } from './server.ts';
